package runner_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"workbook/runner"
)

// A corpus program says in its leading comment how to run it and what to
// expect, one directive a line:
//
//	// run race timeout=1s cpu=1s memory=128MiB goroutines=1000 output=64KiB processes=3 disk=8MiB files=100
//	// want reason=limit limit=memory code=83 races=0
//	// want stdout contains "text"          (also: stderr, message; "not contains")
//	// want diagnostic "text"               a compile error says text
//	// want truncated                       output was cut at the limit
//	// want no file /tmp/x                  the program did not create it
//	// want panic line=13                   the panic's trace names the line
//	// want race variable=counter line=17   a race on counter, at line 17
//	// want deadlock line=8                 a blocked goroutine waits at line 8
type directives struct {
	opts  runner.Options
	wants [][]string
}

func parseDirectives(t *testing.T, src string) directives {
	var d directives
	for _, line := range strings.Split(src, "\n") {
		if !strings.HasPrefix(line, "//") {
			break
		}
		words := splitWords(strings.TrimSpace(strings.TrimPrefix(line, "//")))
		if len(words) == 0 {
			continue
		}
		switch words[0] {
		case "run":
			for _, w := range words[1:] {
				k, v, _ := strings.Cut(w, "=")
				switch k {
				case "race":
					d.opts.Race = true
				case "timeout":
					d.opts.Limits.Time = mustDuration(t, v)
				case "cpu":
					d.opts.Limits.CPU = mustDuration(t, v)
				case "memory":
					d.opts.Limits.Memory = mustSize(t, v)
				case "output":
					d.opts.Limits.Output = mustSize(t, v)
				case "goroutines":
					d.opts.Limits.Goroutines, _ = strconv.Atoi(v)
				case "processes":
					d.opts.Limits.Processes, _ = strconv.Atoi(v)
				case "disk":
					d.opts.Limits.Disk = mustSize(t, v)
				case "files":
					d.opts.Limits.Files, _ = strconv.Atoi(v)
				default:
					t.Fatalf("unknown run directive %q", w)
				}
			}
		case "want":
			d.wants = append(d.wants, words[1:])
		}
	}
	return d
}

// splitWords splits on spaces, keeping "quoted strings" whole (unquoted).
func splitWords(s string) []string {
	var words []string
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		if s[0] == '"' {
			q, err := strconv.QuotedPrefix(s)
			if err == nil {
				u, _ := strconv.Unquote(q)
				words = append(words, u)
				s = s[len(q):]
				continue
			}
		}
		w, rest, _ := strings.Cut(s, " ")
		words = append(words, w)
		s = rest
	}
	return words
}

func mustDuration(t *testing.T, s string) time.Duration {
	d, err := time.ParseDuration(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func mustSize(t *testing.T, s string) int64 {
	for suffix, mult := range map[string]int64{"KiB": 1 << 10, "MiB": 1 << 20, "GiB": 1 << 30} {
		if n, ok := strings.CutSuffix(s, suffix); ok {
			v, err := strconv.ParseInt(n, 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return v * mult
		}
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// checkWants checks a run against the directives.
func checkWants(t *testing.T, d directives, res *runner.Result, out *output) {
	t.Helper()
	fail := func(format string, args ...any) {
		t.Helper()
		t.Errorf(format+"\n  result: %+v\n  stdout: %.500q\n  stderr: %.800q", append(args, res.Exit, out.stdout.String(), out.stderr.String())...)
	}
	for _, w := range d.wants {
		switch {
		case len(w) >= 3 && (w[1] == "contains" || (w[1] == "not" && len(w) == 4)):
			var text string
			switch w[0] {
			case "stdout":
				text = out.stdout.String()
			case "stderr":
				text = out.stderr.String()
			case "message":
				text = res.Message
			default:
				t.Fatalf("unknown stream in want %q", w)
			}
			want := w[len(w)-1]
			if w[1] == "not" {
				if strings.Contains(text, want) {
					fail("%s contains %q", w[0], want)
				}
			} else if !strings.Contains(text, want) {
				fail("%s does not contain %q", w[0], want)
			}
		case w[0] == "diagnostic":
			found := false
			for _, diag := range res.Diagnostics {
				found = found || strings.Contains(diag.Message, w[1])
			}
			if !found {
				fail("no diagnostic says %q; have %+v", w[1], res.Diagnostics)
			}
		case w[0] == "truncated":
			if !res.Truncated {
				fail("output not truncated")
			}
		case w[0] == "no" && len(w) == 3 && w[1] == "file":
			if _, err := os.Lstat(w[2]); err == nil {
				os.RemoveAll(w[2])
				fail("the program created %s", w[2])
			}
		case w[0] == "panic":
			line := intArg(t, w, "line")
			if res.Panic == nil || !hasLine(res.Panic.Stack, line) {
				fail("no panic at line %d: %+v", line, res.Panic)
			}
		case w[0] == "deadlock":
			line := intArg(t, w, "line")
			found := false
			if res.Deadlock != nil {
				for _, g := range res.Deadlock.Goroutines {
					found = found || (g.Frame != nil && g.Frame.Line == line)
				}
			}
			if !found {
				fail("no goroutine blocked at line %d: %+v", line, res.Deadlock)
			}
		case w[0] == "race":
			variable, line := strArg(w, "variable"), intArg(t, w, "line")
			found := false
			for _, r := range res.Races {
				if r.Variable != variable {
					continue
				}
				for _, a := range r.Accesses {
					found = found || hasLine(a.Lines, line)
				}
			}
			if !found {
				fail("no race on %s at line %d: %+v", variable, line, res.Races)
			}
		default:
			for _, kv := range w {
				k, v, ok := strings.Cut(kv, "=")
				if !ok {
					t.Fatalf("unknown want %q", w)
				}
				var got string
				switch k {
				case "reason":
					got = string(res.Reason)
				case "code":
					got = strconv.Itoa(res.Code)
				case "limit":
					if res.Limit != nil {
						got = res.Limit.Name
					}
				case "races":
					got = strconv.Itoa(len(res.Races))
				default:
					t.Fatalf("unknown want %q", kv)
				}
				if got != v {
					fail("%s = %q; want %q", k, got, v)
				}
			}
		}
	}
}

func hasLine(frames []runner.Frame, line int) bool {
	for _, f := range frames {
		if f.Line == line {
			return true
		}
	}
	return false
}

func strArg(w []string, key string) string {
	for _, kv := range w[1:] {
		if k, v, ok := strings.Cut(kv, "="); ok && k == key {
			return v
		}
	}
	return ""
}

func intArg(t *testing.T, w []string, key string) int {
	n, err := strconv.Atoi(strArg(w, key))
	if err != nil {
		t.Fatalf("want %q: %s is not a number", w, key)
	}
	return n
}

// runCorpus runs every program of testdata/dir against its directives.
func runCorpus(t *testing.T, dir string) { runCorpusWith(t, dir, nil) }

// runCorpusWith runs the corpus through pool when not nil, as the site and
// workbook check run programs: a warm child, whose run without the race
// detector ends on the child's exit report.
func runCorpusWith(t *testing.T, dir string, pool *runner.Pool) {
	files, err := filepath.Glob(filepath.Join("testdata", dir, "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no programs in testdata/%s", dir)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".go"), func(t *testing.T) {
			t.Parallel()
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			d := parseDirectives(t, string(src))
			if d.opts.Race {
				needRace(t)
			}
			files := []runner.File{{Name: filepath.Base(file), Src: src}}
			var res *runner.Result
			var out *output
			if pool != nil {
				res, out = runPooled(t, pool, d.opts, files...)
			} else {
				res, out = runFiles(t, d.opts, files...)
			}
			checkWants(t, d, res, out)
		})
	}
}

// needRace skips a test when the race-enabled child cannot be had here,
// saying why; in CI it can, and the test runs.
func needRace(t *testing.T) {
	t.Helper()
	if _, err := runner.RaceChild(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("race detection unavailable in CI: %v", err)
		}
		t.Skipf("race detection unavailable: %v", err)
	}
}

// TestHostile runs programs that try to escape, exhaust or fool the
// sandbox, and checks that each is contained and reported for what it
// did.
func TestHostile(t *testing.T) {
	os.Setenv("WORKBOOK_TEST_SECRET", "s3cr3t")
	runCorpus(t, "hostile")
}

// TestHostileWithoutKernelLayers runs the hostile programs with Landlock,
// seccomp and the network namespace off, as on a kernel that lacks them:
// the allowlist and the engine must contain every one of them on their
// own, with the same wants.
func TestHostileWithoutKernelLayers(t *testing.T) {
	os.Setenv("WORKBOOK_TEST_SECRET", "s3cr3t")
	runner.SetKernelLayers(false)
	t.Cleanup(func() { runner.SetKernelLayers(true) }) // after the parallel subtests
	runCorpus(t, "hostile")
}

// TestPooled runs the hostile programs and those that start processes
// through a pool: a run there ends as soon as the child says the program
// exited, and must end the same.
func TestPooled(t *testing.T) {
	pool := runner.NewPool(2)
	t.Cleanup(pool.Close) // after the parallel subtests
	os.Setenv("WORKBOOK_TEST_SECRET", "s3cr3t")
	for _, dir := range []string{"hostile", "proc"} {
		t.Run(dir, func(t *testing.T) { runCorpusWith(t, dir, pool) })
	}
}

// TestDeadlocks runs programs that deadlock, and some that only look like
// they might.
func TestDeadlocks(t *testing.T) { runCorpus(t, "deadlock") }

// TestRaces runs programs with data races, and correct programs that must
// not be reported.
func TestRaces(t *testing.T) { runCorpus(t, "race") }

// TestProcesses runs programs that start processes with workbook/proc.
func TestProcesses(t *testing.T) { runCorpus(t, "proc") }
