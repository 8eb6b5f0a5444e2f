package site

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"workbook/exercises"
	"workbook/internal/browsertest"
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
	ctx := browsertest.Start(t, 1280, 900)
	pool := runner.NewPool(1)
	t.Cleanup(pool.Close)
	ws := newWorkspace(t)
	s := newServer(t, Config{Workspace: ws, Runner: pool, Grader: &exercises.Grader{Pool: pool}})
	ts := newTestServer(t, s)
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

// snippetWith gives the runnable snippet whose program holds code an id
// the test can name, and returns a selector for it.
func snippetWith(t *testing.T, ctx context.Context, code string) string {
	t.Helper()
	id, err := chromedp.Run(ctx, chromedp.Poll[string](`(() => {
		const s = [...document.querySelectorAll(".snippet.runnable")].find((s) => JSON.parse(s.querySelector(".snippet-source").textContent).shown.includes(`+jsString(code)+`));
		return s && s.querySelector(".cm-editor") ? s.id : null })()`,
		chromedp.WithPollingTimeout(10*time.Second)))
	if err != nil {
		t.Fatalf("no runnable snippet with %q: %v", code, err)
	}
	return "#" + id
}

// timelineLanes waits until the Timeline tab of the snippet sel shows a
// picture, and returns how many lanes it has.
func timelineLanes(ctx context.Context, sel string) (int, error) {
	return chromedp.Run(ctx, chromedp.Poll[int](`(() => {
		const host = document.querySelector(`+jsString(sel+" .timeline-picture")+`);
		const svg = host && host.shadowRoot.querySelector("svg.timeline");
		return svg && svg.getBoundingClientRect().width > 0 ? svg.querySelectorAll("g.lane").length : null })()`,
		chromedp.WithPollingTimeout(60*time.Second), chromedp.WithPollingInterval(50*time.Millisecond)))
}

// clickSpan clicks, with the mouse, the first span of the timeline of sel
// that spanSel (inside the picture) finds.
func clickSpan(ctx context.Context, sel, spanSel string) error {
	xy, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`(() => {
		const rect = document.querySelector(`+jsString(sel+" .timeline-picture")+`).shadowRoot.querySelector(`+jsString(spanSel+" rect")+`);
		rect.scrollIntoView({block: "center", inline: "center"});
		const r = rect.getBoundingClientRect();
		return [r.left + Math.min(r.width / 2, 10), r.top + r.height / 2] })()`))
	if err != nil {
		return err
	}
	return chromedp.Do(ctx, chromedp.MouseClickXY(xy[0], xy[1]))
}

// shownLine is the text of the line the editor of sel highlights, "" for none.
func shownLine(ctx context.Context, sel string) (string, error) {
	return chromedp.Run(ctx, chromedp.Poll[string](`(() => { const l = document.querySelector(`+jsString(sel+" .cm-shownLine")+`); return l ? l.textContent : null })()`,
		chromedp.WithPollingTimeout(5*time.Second)))
}

func TestBrowserTimeline(t *testing.T) {
	ctx, url, _ := browser(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(url+"/en/channels"), chromedp.WaitVisible(css(`.snippet.runnable .cm-editor`))); err != nil {
		t.Fatal(err)
	}
	// The hand-off of a parcel: the goroutine's send waits while main
	// sleeps. Run it, and look at its timeline.
	sel := snippetWith(t, ctx, `ch <- "parcel" // waits until main receives`)
	if err := chromedp.Do(ctx, click(sel+` button.run`)); err != nil {
		t.Fatal(err)
	}
	if _, err := waitText(ctx, sel+" .output .end", "exit status 0"); err != nil {
		t.Fatalf("the snippet did not finish: %v", err)
	}
	if tabs, _ := waitText(ctx, sel+" .output .tabs", "Timeline"); tabs != "OutputTimeline" {
		t.Errorf("the tabs under the output read %q; want Output, Timeline", tabs)
	}
	if err := chromedp.Do(ctx, click(sel+` .tab.timeline`)); err != nil {
		t.Fatal(err)
	}
	lanes, err := timelineLanes(ctx, sel)
	if err != nil {
		t.Fatalf("the Timeline tab shows no picture: %v", err)
	}
	if lanes != 2 {
		t.Errorf("the timeline has %d lanes; want 2: main and the goroutine that sends", lanes)
	}
	if hidden, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector(`+jsString(sel+" .output-pane")+`).hidden`)); !hidden {
		t.Errorf("the output is still shown beside the timeline")
	}
	// The picture fits the pane: no wider than the output.
	widths, _ := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`[document.querySelector(`+jsString(sel+" .timeline-picture")+`).shadowRoot.querySelector("svg").getBoundingClientRect().width, document.querySelector(`+jsString(sel+" .output")+`).getBoundingClientRect().width]`))
	if len(widths) != 2 || widths[0] > widths[1]+1 {
		t.Errorf("the picture is %v px wide, the output pane %v", widths[0], widths[1])
	}
	// Clicking the send's span highlights its line in the editor.
	if err := clickSpan(ctx, sel, `g.span[data-line="13"]`); err != nil {
		t.Fatalf("clicking the send's span: %v", err)
	}
	if line, err := shownLine(ctx, sel); !strings.Contains(line, `ch <- "parcel"`) {
		t.Errorf("after a click on the send's span the editor highlights %q (%v); want the send's line", line, err)
	}
	screenshot(t, ctx, sel, "lesson-timeline")

	// In the dark theme, the picture is dark too: its colours follow the
	// page's theme switch, not only the system's.
	fill := `getComputedStyle(document.querySelector(` + jsString(sel+" .timeline-picture") + `).shadowRoot.querySelector("rect.alive")).fill`
	light, _ := chromedp.Run(ctx, chromedp.Evaluate[string](fill))
	if err := chromedp.Do(ctx, click(`.theme-toggle`)); err != nil {
		t.Fatal(err)
	}
	theme, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement.dataset.theme`))
	dark, _ := chromedp.Run(ctx, chromedp.Evaluate[string](fill))
	if light == dark {
		t.Errorf("the theme switched to %s, and the lanes stayed %s", theme, dark)
	}
	screenshot(t, ctx, sel+" .output", "lesson-timeline-"+theme)
	if err := chromedp.Do(ctx, click(`.theme-toggle`)); err != nil {
		t.Fatal(err)
	}

	// A snippet whose first lines are hidden (OMIT): the trace counts the
	// lines of the whole program, the editor those it shows.
	if err := chromedp.Do(ctx, chromedp.Navigate(url+"/en/event-loops"), chromedp.WaitVisible(css(`.snippet.runnable .cm-editor`))); err != nil {
		t.Fatal(err)
	}
	sel = snippetWith(t, ctx, "for time.Since(start) < 100*time.Millisecond {")
	head, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`JSON.parse(document.querySelector(`+jsString(sel+" .snippet-source")+`).textContent).head.split("\n").length - 1`))
	if head == 0 {
		t.Fatalf("the snippet of %s hides no first lines", sel)
	}
	const prog = "func main() {\n" +
		"ch := make(chan int); go func() { time.Sleep(50 * time.Millisecond); ch <- 1 }()\n" +
		"fmt.Println(<-ch, slices.Max([]int{1}), NewLoop() != nil)\n" +
		"}"
	if err := chromedp.Do(ctx, typeInto(sel, prog), click(sel+` button.run`)); err != nil {
		t.Fatal(err)
	}
	if _, err := waitText(ctx, sel+" .output .end", "exit status 0"); err != nil {
		out, _ := chromedp.Run(ctx, chromedp.TextContent(css(sel+" .output")))
		t.Fatalf("the typed program did not finish: %v\n%s", err, out)
	}
	if err := chromedp.Do(ctx, click(sel+` .tab.timeline`)); err != nil {
		t.Fatal(err)
	}
	if _, err := timelineLanes(ctx, sel); err != nil {
		t.Fatalf("no timeline: %v", err)
	}
	// main's receive is line n of the editor (typing may leave empty lines
	// between), head+n of the program.
	n, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`[...document.querySelectorAll(`+jsString(sel+" .cm-line")+`)].findIndex((l) => l.textContent.includes("fmt.Println(<-ch")) + 1`))
	if n == 0 {
		t.Fatalf("the editor does not hold the typed program")
	}
	if err := clickSpan(ctx, sel, fmt.Sprintf(`.lane[data-g="1"] g.span[data-line="%d"]`, head+n)); err != nil {
		spans, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`[...document.querySelector(`+jsString(sel+" .timeline-picture")+`).shadowRoot.querySelectorAll(".lane")].map((l) => l.dataset.g + ": " + [...l.querySelectorAll("g.span")].map((g) => g.dataset.line + " " + g.textContent).join(", ")).join("\n")`))
		t.Fatalf("clicking main's receive, at line %d of the program: %v; the lanes' spans are:\n%s", head+n, err, spans)
	}
	if line, err := shownLine(ctx, sel); !strings.Contains(line, "fmt.Println(<-ch") {
		t.Errorf("after a click on main's receive the editor highlights %q (%v); want line %d, the receive", line, err, n)
	}
	screenshot(t, ctx, sel, "lesson-timeline-omit")

	// A run that does not compile has no timeline, and the tab says so;
	// the tab chosen stays chosen from run to run.
	if err := chromedp.Do(ctx, typeInto(sel, "func main() { x := 1 }"), click(sel+` button.run`)); err != nil {
		t.Fatal(err)
	}
	if _, err := waitText(ctx, sel+" .timeline-pane", "No timeline: the program did not compile."); err != nil {
		t.Errorf("the Timeline tab of a run that does not compile: %v", err)
	}
	if n, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(`+jsString(sel+" .timeline-picture")+`).length`)); n != 0 {
		t.Errorf("a run that does not compile shows a picture")
	}

	// The words are the page's language.
	if err := chromedp.Do(ctx, chromedp.Navigate(url+"/zh/channels"), chromedp.WaitVisible(css(`.snippet.runnable .cm-editor`))); err != nil {
		t.Fatal(err)
	}
	sel = snippetWith(t, ctx, `ch <- "parcel"`)
	if err := chromedp.Do(ctx, click(sel+` button.run`)); err != nil {
		t.Fatal(err)
	}
	if _, err := waitText(ctx, sel+" .output .tabs", "时间线"); err != nil {
		t.Errorf("the Chinese page's tab: %v", err)
	}
	if err := chromedp.Do(ctx, click(sel+` .tab.timeline`)); err != nil {
		t.Fatal(err)
	}
	if _, err := timelineLanes(ctx, sel); err != nil {
		t.Fatalf("no timeline on the Chinese page: %v", err)
	}
	label, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector(`+jsString(sel+" .timeline-picture")+`).shadowRoot.querySelector("svg").getAttribute("aria-label")`))
	if label != "时间线" {
		t.Errorf("the picture on the Chinese page is labelled %q; want 时间线", label)
	}
	screenshot(t, ctx, sel+" .output", "zh-lesson-timeline")

	// Ten thousand goroutines, on a phone: the picture draws the first
	// ones and says so, and scrolls sideways rather than shrink past
	// reading.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844), chromedp.Navigate(url+"/en/goroutines"), chromedp.WaitVisible(css(`.snippet.runnable .cm-editor`))); err != nil {
		t.Fatal(err)
	}
	sel = snippetWith(t, ctx, "wg.Go(func() { <-release }) // each waits until release is closed")
	if err := chromedp.Do(ctx, click(sel+` button.run`), click(sel+` .tab.timeline`)); err != nil {
		t.Fatal(err)
	}
	if lanes, err := timelineLanes(ctx, sel); err != nil || lanes != maxLanes {
		t.Errorf("the timeline of ten thousand goroutines has %d lanes (%v); want the first %d", lanes, err, maxLanes)
	}
	if _, err := waitText(ctx, sel+" .timeline-note.cut", fmt.Sprintf("the first %d of the run's 10001 goroutines", maxLanes)); err != nil {
		t.Errorf("the timeline does not say it left goroutines out: %v", err)
	}
	scrolls, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const s = document.querySelector(`+jsString(sel+" .timeline-picture")+`).shadowRoot.querySelector(".scroll"); return s.scrollWidth > s.clientWidth })()`))
	if !scrolls {
		t.Errorf("on a phone the picture does not scroll sideways")
	}
	screenshot(t, ctx, sel+" .output", "phone-timeline-many")
}
