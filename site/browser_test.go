package site

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"workbook/exercises"
	"workbook/runner"
)

// The browser tests drive the site in headless Chromium (Debian's
// chromium package; .ci/run installs it), as a learner would: they type,
// click and read what the page shows. Screenshots go to the test's
// artifact directory: go test ./site -run Browser -artifacts -outputdir out
// keeps them.

// browser starts Chromium on a server of the site with a workspace, and
// returns a context to drive it with and the server's URL.
func browser(t *testing.T) (context.Context, string, *Server) {
	t.Helper()
	path := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		if os.Getenv("WORKBOOK_BROWSER_TESTS") != "" {
			t.Fatal("WORKBOOK_BROWSER_TESTS is set, but there is no chromium on PATH (apt-get install chromium)")
		}
		t.Skip("no chromium on PATH: the browser tests need it (apt-get install chromium)")
	}
	pool := runner.NewPool(1)
	t.Cleanup(pool.Close)
	ws := newWorkspace(t)
	s := newServer(t, Config{Workspace: ws, Runner: pool, Grader: &exercises.Grader{Pool: pool}})
	ts := newTestServer(t, s)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	ctx, cancel = context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", path, err)
	}
	return ctx, ts, s
}

// newTestServer serves s on a port of 127.0.0.1 until the test ends.
func newTestServer(t testing.TB, s *Server) string {
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return ts.URL
}

// screenshot saves what the window shows, the top of sel just below the
// page's header, as name.png in the test's artifact directory.
func screenshot(t *testing.T, ctx context.Context, sel, name string) {
	t.Helper()
	scroll := `(() => { const e = document.querySelector(` + jsString(sel) + `); e.scrollIntoView({block: "start"}); window.scrollBy(0, -70); return true })()`
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](scroll)); err != nil {
		t.Errorf("screenshot %s: %v", name, err)
		return
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Errorf("screenshot %s: %v", name, err)
		return
	}
	if err := os.WriteFile(filepath.Join(t.ArtifactDir(), name+".png"), png, 0o644); err != nil {
		t.Error(err)
	}
}

// waitText waits until the element sel holds want, and returns its text.
func waitText(ctx context.Context, sel, want string) (string, error) {
	return chromedp.Run(ctx, chromedp.Poll[string](`(() => { const e = document.querySelector(`+jsString(sel)+`); return e && e.textContent.includes(`+jsString(want)+`) ? e.textContent : null })()`,
		chromedp.WithPollingTimeout(60*time.Second), chromedp.WithPollingInterval(50*time.Millisecond)))
}

func jsString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "`", "\\`", "$", `\$`)
	return "`" + r.Replace(s) + "`"
}

// typeInto replaces the text of the editor in sel by typing, as a learner
// does: focus, select all, type.
func typeInto(sel, text string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.ScrollIntoView(css(sel+" .cm-content")),
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := chromedp.Evaluate[bool](`(document.querySelector(`+jsString(sel+" .cm-content")+`).focus(), true)`)(ctx, t)
			return err
		}),
		chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		chromedp.KeyEvent(kb.Delete),
		chromedp.KeyEvent(text),
	)
}

// click clicks the element sel, centred in the window first, so that the
// sticky header is never what the click lands on.
func click(sel string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.WaitVisible(css(sel)),
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := chromedp.Evaluate[bool](`(document.querySelector(`+jsString(sel)+`).scrollIntoView({block: "center"}), true)`)(ctx, t)
			return err
		}),
		chromedp.Click(css(sel)),
	)
}

// css is a CSS selector, for chromedp's queries.
func css(sel string) chromedp.CSS { return chromedp.CSS(sel) }

func TestBrowserLesson(t *testing.T) {
	ctx, url, _ := browser(t)
	err := chromedp.Do(ctx,
		chromedp.Navigate(url+"/en/races"),
		chromedp.WaitVisible(css(`#snippet-1 .cm-editor`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	// Edit the first snippet and run it.
	const prog = `package main; import "fmt"; func main() { fmt.Println("edited in the browser") }`
	if err := chromedp.Do(ctx, typeInto("#snippet-1", prog), click(`#snippet-1 button.run`)); err != nil {
		t.Fatal(err)
	}
	if _, err := waitText(ctx, "#snippet-1 .output .end", "exit status 0"); err != nil {
		t.Fatalf("the edited snippet did not finish: %v", err)
	}
	if out, err := waitText(ctx, "#snippet-1 .output pre.stream", "edited in the browser"); err != nil {
		t.Errorf("the output of the edited snippet: %q, %v", out, err)
	}
	screenshot(t, ctx, "#snippet-1", "lesson-run")

	// Reset brings the lesson's code back (the edit was kept meanwhile).
	if err := chromedp.Do(ctx, chromedp.Reload(), chromedp.WaitVisible(css(`#snippet-1 .cm-editor`))); err != nil {
		t.Fatal(err)
	}
	if text, err := waitText(ctx, "#snippet-1 .cm-content", "edited in the browser"); err != nil {
		t.Errorf("after a reload the edit is gone: %q", text)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(window.confirm = () => true, true)`)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, click(`#snippet-1 button.reset`)); err != nil {
		t.Fatal(err)
	}
	if _, err := waitText(ctx, "#snippet-1 .cm-content", "count++"); err != nil {
		t.Errorf("Reset did not bring back the lesson's code: %v", err)
	}

	// The racy counter, with the race detector: a report, and its lines
	// marked in the editor.
	if err := chromedp.Do(ctx, click(`#snippet-1 button.run-race`)); err != nil {
		t.Fatal(err)
	}
	if _, err := waitText(ctx, "#snippet-1 .report.race", "Data race"); err != nil {
		t.Fatalf("no race report: %v", err)
	}
	if _, err := waitText(ctx, "#snippet-1 .output pre.stream", "WARNING: DATA RACE"); err != nil {
		out, _ := chromedp.Run(ctx, chromedp.TextContent(css("#snippet-1 .output")))
		t.Errorf("the race detector's report is not in the output: %v\n%s", err, out)
	}
	if _, err := waitText(ctx, "#snippet-1 .output .end", "exit status 66"); err != nil {
		t.Errorf("the racy run did not end with status 66: %v", err)
	}
	marked, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#snippet-1 .cm-lintRange-warning").length`))
	if marked == 0 {
		t.Errorf("no line of the racy snippet is marked in the editor")
	}
	screenshot(t, ctx, "#snippet-1", "lesson-race")

	// A deadlock is told, with the lines the goroutines wait at marked.
	if err := chromedp.Do(ctx, chromedp.Navigate(url+"/en/deadlocks"), chromedp.WaitVisible(css(`.snippet[data-want="deadlock"] .cm-editor`)),
		click(`.snippet[data-want="deadlock"] button.run`)); err != nil {
		t.Fatal(err)
	}
	if _, err := waitText(ctx, `.snippet[data-want="deadlock"] .report.deadlock`, "goroutine 1"); err != nil {
		t.Fatalf("no deadlock report: %v", err)
	}
	if _, err := waitText(ctx, `.snippet[data-want="deadlock"] .output .end`, "exit status 80"); err != nil {
		t.Errorf("the deadlocked run did not end with status 80: %v", err)
	}
	waiting, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('.snippet[data-want="deadlock"] .cm-lintRange-warning').length`))
	if waiting == 0 {
		t.Errorf("no line the deadlocked goroutines wait at is marked")
	}
	screenshot(t, ctx, `.snippet[data-want="deadlock"]`, "lesson-deadlock")
	if err := chromedp.Do(ctx, chromedp.Navigate(url+"/en/races"), chromedp.WaitVisible(css(`#snippet-1 .cm-editor`))); err != nil {
		t.Fatal(err)
	}

	// A compile error marks its line.
	const broken = "package main\nfunc main() {\nx := 1\n}"
	if err := chromedp.Do(ctx, typeInto("#snippet-1", broken), click(`#snippet-1 button.run`)); err != nil {
		t.Fatal(err)
	}
	if _, err := waitText(ctx, "#snippet-1 .report.compile", "x"); err != nil {
		t.Fatalf("no compile error shown: %v", err)
	}
	errLines, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#snippet-1 .cm-lintRange-error").length`))
	if errLines == 0 {
		t.Errorf("the line that does not compile is not marked in the editor")
	}
	screenshot(t, ctx, "#snippet-1", "lesson-compile-error")

	// Stop ends a program that would run for its whole time limit.
	const forever = `package main; import "time"; func main() { for { time.Sleep(time.Millisecond) } }`
	if err := chromedp.Do(ctx, typeInto("#snippet-1", forever)); err != nil {
		t.Fatal(err)
	}
	if text, err := waitText(ctx, "#snippet-1 .cm-content", "time.Sleep"); err != nil {
		screenshot(t, ctx, "#snippet-1", "lesson-typed")
		t.Fatalf("typing into the editor: %v\n%s", err, text)
	}
	if err := chromedp.Do(ctx, click(`#snippet-1 button.run`), chromedp.Sleep(500*time.Millisecond), click(`#snippet-1 button.stop`)); err != nil {
		t.Fatal(err)
	}
	if _, err := waitText(ctx, "#snippet-1 .output .end", "Stopped"); err != nil {
		out, _ := chromedp.Run(ctx, chromedp.TextContent(css("#snippet-1")))
		t.Errorf("Stop did not stop the program: %v\n%s", err, out)
	}
}

func TestBrowserExercise(t *testing.T) {
	ctx, url, s := browser(t)
	ws := s.cfg.Workspace
	file := filepath.Join(ws.Dir, "counter", "counter.go")
	err := chromedp.Do(ctx,
		chromedp.Navigate(url+"/en/exercises/counter"),
		chromedp.WaitVisible(css(`.file .cm-editor`)),
		click(`button.check`),
	)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := waitText(ctx, ".verdict .summary", "Not yet"); err != nil {
		t.Fatalf("checking the starter: %v", err)
	}
	if _, err := waitText(ctx, ".verdict .tests", "Hint"); err != nil {
		t.Errorf("the failing tests show no hint: %v", err)
	}
	screenshot(t, ctx, ".verdict", "exercise-fail")

	// The learner fixes it in the browser: Check saves, then passes.
	const fix = "package counter; import \"sync\"; type Counter struct { mu sync.Mutex; n int }; " +
		"func (c *Counter) Inc() { c.mu.Lock(); c.n++; c.mu.Unlock() }; " +
		"func (c *Counter) Value() int { c.mu.Lock(); defer c.mu.Unlock(); return c.n }"
	if err := chromedp.Do(ctx, typeInto(".file", fix), click(`button.check`)); err != nil {
		t.Fatal(err)
	}
	if _, err := waitText(ctx, ".verdict .summary", "Every test passes"); err != nil {
		v, _ := chromedp.Run(ctx, chromedp.TextContent(css(".verdict")))
		t.Fatalf("checking the fix: %v\n%s", err, v)
	}
	if disk, _ := os.ReadFile(file); string(disk) != fix {
		t.Errorf("Check did not save the fix first; the file holds:\n%s", disk)
	}
	screenshot(t, ctx, ".verdict", "exercise-pass")
	if _, err := waitText(ctx, `.sidebar a[href$="/exercises/counter"].done`, ""); err != nil {
		t.Errorf("the sidebar does not mark counter done: %v", err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(url+"/en/progress")); err != nil {
		t.Fatal(err)
	}
	if _, err := waitText(ctx, ".progress-list li.done", "A counter for many goroutines"); err != nil {
		t.Errorf("the progress page does not show counter done: %v", err)
	}

	// A change made in another editor is loaded when the learner has not
	// touched the file here.
	_, st := content(t)
	e, _ := st.Lookup("counter")
	sol, _ := e.Solution("counter.go")
	if err := chromedp.Do(ctx, chromedp.Navigate(url+"/en/exercises/counter"), chromedp.WaitVisible(css(`.file .cm-editor`))); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, sol, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := waitText(ctx, ".file .cm-content", "Reading needs the lock too"); err != nil {
		t.Fatalf("the page did not notice the file changed on disk: %v", err)
	}

	// What is typed and saved in the browser is in the file.
	if err := chromedp.Do(ctx,
		click(`.file .cm-content`),
		chromedp.KeyEvent(kb.End, chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		chromedp.SendKeys(css(`.file .cm-content`), "\n// typed in the browser\n"),
		chromedp.KeyEvent("s", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
	); err != nil {
		t.Fatal(err)
	}
	if _, err := waitText(ctx, ".workbench .status", "Saved"); err != nil {
		t.Fatalf("saving: %v", err)
	}
	if disk, _ := os.ReadFile(file); !strings.Contains(string(disk), "// typed in the browser") {
		t.Errorf("after Ctrl-S the file holds:\n%s", disk)
	}

	// A change on disk while the learner has unsaved edits is offered,
	// not loaded over them.
	if err := chromedp.Do(ctx, chromedp.SendKeys(css(`.file .cm-content`), "// unsaved\n")); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(file, append(sol, "// from the other editor\n"...), 0o644)
	if _, err := waitText(ctx, ".conflict", "changed on disk"); err != nil {
		t.Fatalf("a change on disk over unsaved edits was not shown: %v", err)
	}
	if disk, _ := os.ReadFile(file); !strings.Contains(string(disk), "from the other editor") {
		t.Errorf("the other editor's change was overwritten")
	}
	screenshot(t, ctx, ".file", "exercise-conflict")

	// Start again: the starter is back, the learner's file in a backup.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(window.confirm = () => true, true)`)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, click(`button.start-again`)); err != nil {
		t.Fatal(err)
	}
	if _, err := waitText(ctx, ".workbench .status", "Your version is in"); err != nil {
		st, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector(".workbench .bar").outerHTML`))
		screenshot(t, ctx, ".workbench .bar", "exercise-start-again")
		t.Fatalf("Start again: %v\n%s", err, st)
	}
	starter, _ := e.Starter("counter.go")
	if disk, _ := os.ReadFile(file); string(disk) != string(starter) {
		t.Errorf("after Start again the file holds:\n%s", disk)
	}
}

func TestBrowserLanguage(t *testing.T) {
	ctx, url, _ := browser(t)
	err := chromedp.Do(ctx,
		chromedp.Navigate(url+"/en/channels"),
		click(`.lang-switch`),
		chromedp.WaitReady(css(`html[lang="zh"]`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	title, _ := chromedp.Run(ctx, chromedp.Title())
	if err := chromedp.Do(ctx, chromedp.Navigate(url+"/"), chromedp.WaitReady(css(`body`))); err != nil {
		t.Fatal(err)
	}
	attr, _ := chromedp.Run(ctx, chromedp.AttributeValue(css(`html`), "lang"))
	lang := attr.Value
	if !strings.Contains(title, "通道") {
		t.Errorf("after the switch the title is %q; want the Chinese lesson", title)
	}
	if lang != "zh" {
		t.Errorf("after switching to Chinese, / shows lang %q; want zh, remembered", lang)
	}
	screenshot(t, ctx, "h1", "zh-index")
	// The dark theme, on a phone.
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(390, 844),
		chromedp.Navigate(url+"/zh/goroutines"),
		chromedp.WaitVisible(css(`.cm-editor`)),
		click(`.theme-toggle`),
	); err != nil {
		t.Fatal(err)
	}
	attr, _ = chromedp.Run(ctx, chromedp.AttributeValue(css(`html`), "data-theme"))
	theme := attr.Value
	if theme == "" {
		t.Errorf("the theme switch set no theme")
	}
	screenshot(t, ctx, "#snippet-1", "zh-phone-"+theme)
}
