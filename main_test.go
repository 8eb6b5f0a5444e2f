package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"workbook/runner"
)

// TestMain makes the test binary serve as the workbook command in scripts
// and as the sandbox child the command starts.
func TestMain(m *testing.M) {
	runner.Child()
	os.Exit(testscript.RunMain(m, map[string]func() int{
		"workbook": func() int {
			return run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
		},
	}))
}

// TestScripts runs the command end to end: testdata/script/*.txtar.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			// Race detection builds the race-enabled child from this
			// source tree, into a cache shared with other runs.
			if dir, err := os.UserCacheDir(); err == nil {
				env.Setenv("XDG_CACHE_HOME", dir)
			}
			env.Setenv("HOME", os.Getenv("HOME"))
			// A small exercise set of one's own, for init and check.
			set, err := filepath.Abs("exercises/testdata/set")
			if err != nil {
				return err
			}
			env.Setenv("TESTSET", set)
			builtin, err := filepath.Abs("exercises/_set")
			if err != nil {
				return err
			}
			env.Setenv("BUILTIN", builtin)
			return nil
		},
	})
}

// TestUsageExamples runs the programs of examples/ the way workbook run's
// usage shows them, and checks how each ends.
func TestUsageExamples(t *testing.T) {
	for _, tt := range []struct {
		args []string
		code int
		want string // in the output
	}{
		{[]string{"run", "examples/hello.go"}, 0, "Hello from a goroutine"},
		{[]string{"run", "--race", "examples/counter.go"}, 66, "count (local variable of main.main)"},
		{[]string{"run", "--timeout", "2s", "--json", "examples/deadlock.go"}, 80, `"kind":"deadlock"`},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var out strings.Builder
			code := run(t.Context(), tt.args, strings.NewReader(""), &out, &out)
			if code != tt.code || !strings.Contains(out.String(), tt.want) {
				t.Errorf("workbook %s: exit %d, output:\n%s\nwant exit %d and %q", strings.Join(tt.args, " "), code, out.String(), tt.code, tt.want)
			}
		})
	}
}

// TestServe starts workbook serve on a free port in a workspace, uses it
// as a browser would, and stops it as Ctrl-C does.
func TestServe(t *testing.T) {
	ws := filepath.Join(t.TempDir(), "ws")
	var initOut strings.Builder
	if code := run(t.Context(), []string{"init", ws}, strings.NewReader(""), &initOut, &initOut); code != 0 {
		t.Fatalf("workbook init: %d\n%s", code, initOut.String())
	}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	outR, outW := io.Pipe()
	var errOut strings.Builder
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--dir", ws}, strings.NewReader(""), outW, &errOut)
		outW.Close()
	}()
	sc := bufio.NewScanner(outR)
	url := ""
	for sc.Scan() {
		if u, ok := strings.CutPrefix(sc.Text(), "The workbook is at "); ok {
			url = u
			break
		}
	}
	go io.Copy(io.Discard, outR)
	if url == "" {
		t.Fatalf("workbook serve did not say where it is; stderr:\n%s", errOut.String())
	}
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(page), "counter") {
		t.Errorf("GET %s = %d; want the index, with the exercises", url, resp.StatusCode)
	}
	resp, err = http.Post(url+"api/run", "application/json", strings.NewReader(`{"source": "package main\n\nfunc main() { println(\"hi\") }\n"}`))
	if err != nil {
		t.Fatal(err)
	}
	events, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(events), `"data":"hi\n"`) {
		t.Errorf("POST /api/run answered %s", events)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("workbook serve stopped with status %d; want 0\n%s", code, errOut.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("workbook serve did not stop when its context ended")
	}
}

// TestRaceFromInstalledBinary builds the workbook as go install does, puts
// it in a directory of its own, away from the checkout (-trimpath leaves
// no path to it), and runs a racy program with --race, with a cache where
// no race-enabled child was built yet: the binary builds it from the
// source it embeds.
func TestRaceFromInstalledBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the race-enabled child from scratch (about a minute)")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "bin", "workbook")
	build := exec.Command("go", "build", "-trimpath", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	work := filepath.Join(dir, "work")
	os.MkdirAll(work, 0o755)
	racy, _ := os.ReadFile("examples/counter.go")
	os.WriteFile(filepath.Join(work, "counter.go"), racy, 0o644)
	gocache, err := exec.Command("go", "env", "GOCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "run", "--race", "counter.go")
	cmd.Dir = work
	// A cache of its own for the workbook; Go's build cache is shared, as
	// a learner's would be with their earlier builds.
	cmd.Env = append(os.Environ(), "XDG_CACHE_HOME="+filepath.Join(dir, "cache"), "GOCACHE="+strings.TrimSpace(string(gocache)))
	out, _ := cmd.CombinedOutput()
	if code := cmd.ProcessState.ExitCode(); code != 66 || !strings.Contains(string(out), "WARNING: DATA RACE") {
		t.Fatalf("workbook run --race from an installed binary: exit %d\n%s", code, out)
	}
	if !strings.Contains(string(out), "building the race-enabled runner") {
		t.Errorf("the installed binary did not build its race-enabled child:\n%s", out)
	}
}
