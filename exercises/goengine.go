package exercises

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing/fstest"
	"time"

	"workbook/runner"
)

// The go engine runs the same hidden tests with the real toolchain, for
// graders who want the compiler's word: go test -race -json in a module of
// its own, made in a temporary directory, with -vet=off (the built-in
// engine does not vet either). What go test prints is read back into the
// terms the built-in engine reports in, hidden lines hidden.
//
// Two differences remain. Under the race detector, Go's runtime cannot
// tell a deadlock (the detector's own threads look busy to it): a
// deadlocked test runs until the time limit, and is told as a time-out
// that names the tests running. And go test stops at the first test that
// panics, where the built-in engine fails that test and goes on: the
// tests after it are told as not run.

// goTest runs the hidden tests with go test.
func (g *Grader) goTest(ctx context.Context, e *Exercise, work Files) (*outcome, error) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		return nil, errors.New("the go engine runs go test, and `go` is not on PATH: install Go, or use the built-in engine")
	}
	hidden, err := e.hiddenTests()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "workbook-check-*")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	mod := fmt.Sprintf("module %s\n\ngo %s\n", e.Name, goLine())
	if importsProc(work, hidden) {
		if g.GoModule == nil {
			return nil, fmt.Errorf("%s uses workbook/proc, and the go engine was not given the workbook module", e.Name)
		}
		wb := filepath.Join(dir, "_workbook")
		if err := os.CopyFS(wb, g.GoModule); err != nil {
			return nil, fmt.Errorf("writing the workbook module: %w", err)
		}
		mod += "\nrequire workbook v0.0.0\n\nreplace workbook => ./_workbook\n"
		if sum, err := fs.ReadFile(g.GoModule, "go.sum"); err == nil {
			os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644)
		}
	}
	files := map[string][]byte{"go.mod": []byte(mod)}
	for name, src := range work {
		files[name] = src
	}
	for name, src := range hidden {
		files[name] = src
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), src, 0o644); err != nil {
			return nil, err
		}
	}
	args := []string{"test", "-json", "-vet=off", "-mod=mod", fmt.Sprintf("-count=%d", e.Count), "-timeout", e.Timeout.String()}
	if e.Race {
		args = append(args, "-race")
	}
	args = append(args, ".")
	// Building takes time of its own: the run's limit is go test's.
	ctx, cancel := context.WithTimeout(ctx, e.Timeout+2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, goTool, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOTOOLCHAIN=local", "GOFLAGS=", "GOWORK=off")
	if e.Race {
		cmd.Env = append(cmd.Env, "CGO_ENABLED=1", "GORACE=halt_on_error=0")
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.Output()
	if ctx.Err() != nil {
		return nil, fmt.Errorf("go test did not finish: %w", ctx.Err())
	}
	out := readGoTest(stdout, dir, e)
	if len(out.compile) == 0 && len(out.tests) == 0 && out.ending == "" && err != nil {
		// go test itself failed: say what it said.
		out.failed = strings.TrimSpace(sanitize(stderr.String()+string(stdout), dir, e))
	}
	if len(out.compile) == 0 && stderr.Len() > 0 {
		for _, line := range strings.Split(sanitize(stderr.String(), dir, e), "\n") {
			if diagnostic.MatchString(line) || strings.HasPrefix(line, "hidden test:") {
				out.compile = append(out.compile, line)
			}
		}
	}
	return out, nil
}

// goLine is the go line of the module the go engine makes: the language
// version of this toolchain.
func goLine() string {
	v := strings.TrimPrefix(runtime.Version(), "go")
	parts := strings.SplitN(v, ".", 3)
	if len(parts) >= 2 {
		return parts[0] + "." + parts[1]
	}
	return v
}

// A testEvent is one line of go test -json.
type testEvent struct {
	Action string
	Test   string
	Output string
}

var (
	diagnostic = regexp.MustCompile(`^\S+\.go:\d+:\d+: `)
	framing    = regexp.MustCompile(`^(=== (RUN|PAUSE|CONT|NAME)|--- (PASS|FAIL|SKIP): )`)
	logLine    = regexp.MustCompile(`^    (\S+\.go:\d+: |hidden test: )`)
	timedOut   = regexp.MustCompile(`panic: test timed out after (\S+)`)
	relative   = regexp.MustCompile(`(?m)^\./`)
)

// readGoTest reads go test -json's output.
func readGoTest(stdout []byte, dir string, e *Exercise) *outcome {
	out := &outcome{}
	type rec struct {
		log, output strings.Builder
		race        strings.Builder
		inRace      bool
		panic       strings.Builder
		inPanic     bool
	}
	recs := map[string]*rec{}
	get := func(name string) *rec {
		if recs[name] == nil {
			recs[name] = &rec{}
		}
		return recs[name]
	}
	var pkgOut strings.Builder
	var running []string
	sc := bufio.NewScanner(bytes.NewReader(stdout))
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var ev testEvent
		if json.Unmarshal(sc.Bytes(), &ev) != nil {
			continue
		}
		switch ev.Action {
		case "build-output":
			line := strings.TrimRight(sanitize(ev.Output, dir, e), "\n")
			if diagnostic.MatchString(line) || strings.HasPrefix(line, "hidden test:") {
				out.compile = append(out.compile, line)
			}
		case "run":
			running = append(running, ev.Test)
		case "output":
			text := sanitize(ev.Output, dir, e)
			if ev.Test == "" {
				pkgOut.WriteString(text)
				continue
			}
			r := get(ev.Test)
			line := strings.TrimRight(text, "\n")
			switch {
			case line == "==================" && !r.inRace:
				r.inRace = true
				r.race.WriteString(text)
			case r.inRace:
				r.race.WriteString(text)
				if line == "==================" {
					r.inRace = false
					out.races = append(out.races, race{test: ev.Test, report: raceText(r.race.String())})
					r.race.Reset()
				}
			case strings.HasPrefix(line, "panic: ") || r.inPanic:
				r.inPanic = true
				r.panic.WriteString(text)
			case framing.MatchString(line):
			case strings.Contains(line, "race detected during execution of test"):
			case logLine.MatchString(line):
				r.log.WriteString(strings.TrimPrefix(strings.TrimPrefix(line, "    "), "hidden test: ") + "\n")
			case strings.HasPrefix(text, "        "):
				// A continuation line of a multi-line log message.
				r.log.WriteString(strings.TrimPrefix(text, "    "))
			default:
				r.output.WriteString(text)
			}
		case "pass", "fail", "skip":
			if ev.Test == "" {
				continue
			}
			r := get(ev.Test)
			log := r.log.String()
			if r.panic.Len() > 0 {
				log += panicText(r.panic.String())
			}
			out.tests = append(out.tests, testVerdict(ev, log, r.output.String()))
			for i := len(running) - 1; i >= 0; i-- {
				if running[i] == ev.Test {
					running = append(running[:i], running[i+1:]...)
					break
				}
			}
		}
	}
	out.running = running
	// A test that was running when the binary died holds the panic (a
	// time-out is one) in its output.
	for i := len(running) - 1; i >= 0 && out.ending == ""; i-- {
		if r := recs[running[i]]; r != nil && r.panic.Len() > 0 {
			pkgOut.WriteString(r.panic.String())
		}
	}
	text := pkgOut.String()
	if m := timedOut.FindStringSubmatch(text); m != nil {
		out.ending = fmt.Sprintf("the tests were still running after %s: a deadlock, or something that never ends? (The real toolchain cannot tell a deadlock under the race detector; the built-in engine can: run workbook check without --engine go.)", m[1])
		if len(running) > 0 {
			out.endingIn = running[len(running)-1]
		}
	} else if i := strings.Index(text, "panic: "); i >= 0 {
		out.ending = panicText(text[i:])
		if len(running) > 0 {
			out.endingIn = running[len(running)-1]
		}
	} else if i := strings.Index(text, "fatal error: "); i >= 0 {
		out.ending = firstLine(text[i:])
		if len(running) > 0 {
			out.endingIn = running[len(running)-1]
		}
	}
	return out
}

func testVerdict(ev testEvent, log, output string) runner.TestResult {
	return runner.TestResult{Name: ev.Test, Passed: ev.Action == "pass", Skipped: ev.Action == "skip", Log: log, Output: output}
}

// panicText keeps of a panic's trace what a learner reads: the value, and
// the frames of the program's own files.
func panicText(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	var out []string
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		switch {
		case strings.HasPrefix(line, "panic: "), strings.HasPrefix(line, "\tpanic: "):
			out = append(out, strings.TrimSpace(strings.ReplaceAll(line, " [recovered, repanicked]", "")))
		case strings.HasPrefix(line, "goroutine ") && strings.HasSuffix(line, ":"):
			out = append(out, "", line)
		case i+1 < len(lines) && strings.HasPrefix(lines[i+1], "\t"):
			loc := strings.TrimSpace(lines[i+1])
			if strings.HasPrefix(loc, "/") || strings.HasPrefix(loc, "$GOROOT") {
				i++ // a frame of the library
				continue
			}
			fn := line
			if j := strings.LastIndex(fn, "("); j > 0 {
				fn = fn[:j]
			}
			if k := strings.Index(loc, " +0x"); k >= 0 {
				loc = loc[:k]
			}
			out = append(out, fn+"(...)", "\t"+loc)
			i++
		}
	}
	return strings.Join(out, "\n") + "\n"
}

// raceText keeps of a race report what a learner reads: the accesses,
// and the frames of the program's own files, as the built-in engine
// tells them.
func raceText(s string) string {
	var out []string
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	skip := false
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		switch {
		case line == "==================" || line == "WARNING: DATA RACE":
			out = append(out, line)
			skip = false
		case strings.HasPrefix(line, "Goroutine "):
			skip = true // where the goroutines were started: the library's frames
		case skip:
		case line == "":
		case !strings.HasPrefix(line, " "):
			if len(out) > 2 {
				out = append(out, "")
			}
			out = append(out, line)
		case i+1 < len(lines) && strings.HasPrefix(lines[i+1], "      "):
			loc := strings.TrimSpace(lines[i+1])
			i++
			if strings.HasPrefix(loc, "/") {
				continue
			}
			if k := strings.Index(loc, " +0x"); k >= 0 {
				loc = loc[:k]
			}
			out = append(out, line, "      "+loc)
		}
	}
	return strings.Join(out, "\n") + "\n"
}

// sanitize rewrites what go test printed into the learner's terms: the
// temporary directory goes, and positions in the hidden tests are told
// as "hidden test".
func sanitize(s, dir string, e *Exercise) string {
	s = strings.ReplaceAll(s, dir+string(filepath.Separator), "")
	s = relative.ReplaceAllString(s, "")
	for _, name := range e.TestFiles {
		re := regexp.MustCompile(regexp.QuoteMeta(name) + `(:\d+)+`)
		s = re.ReplaceAllString(s, "hidden test")
	}
	return s
}

// moduleFiles are the files of the workbook module the go engine copies
// for an exercise that imports workbook/proc.
var moduleFiles = []string{"go.mod", "go.sum", "proc/*.go", "internal/procwire/*.go"}

// ModuleFiles picks from root, the workbook module's directory (or an
// embedded copy of these files), what the go engine needs of it.
func ModuleFiles(root fs.FS) (fs.FS, error) {
	m := fstest.MapFS{}
	for _, pat := range moduleFiles {
		names, err := fs.Glob(root, pat)
		if err != nil || len(names) == 0 {
			return nil, fmt.Errorf("the workbook module has no %s", pat)
		}
		for _, name := range names {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			b, err := fs.ReadFile(root, name)
			if err != nil {
				return nil, err
			}
			m[name] = &fstest.MapFile{Data: b, Mode: 0o644}
		}
	}
	return m, nil
}
