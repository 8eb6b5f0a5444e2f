package exercises

import (
	"context"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"
	"time"

	"workbook/runner"
)

// A Grader checks a learner's work against an exercise's hidden tests.
//
// A verdict rests only on what the grader itself recorded: the list of
// tests it expected (parsed from the hidden tests, not reported by the
// run), a verdict reported for each of them, as many times as the
// exercise runs them, and a run that ended by itself with status 0 and no
// data race. A submission that prints what passing tests print, exits
// early with status 0 (from init or a test), calls runtime.Goexit, or
// leaves a test without its verdict fails.
type Grader struct {
	// Engine is "builtin" (the default: the workbook's interpreter, in
	// its sandbox) or "go" (go test -race with the real toolchain).
	Engine string
	// Pool supplies the built-in engine's sandbox children; nil starts
	// one for each check.
	Pool *runner.Pool
	// Lang is the language of the hints: "en" or "zh".
	Lang string
	// GoModule holds the files of the workbook module that the go engine
	// needs for exercises that import workbook/proc: go.mod, go.sum, and
	// the sources of proc and the packages it imports.
	GoModule fs.FS
	// Events, when set, receives the events of the built-in engine's run
	// of the hidden tests as they happen (tests starting and ending, their
	// output), as runner.Options.Events does. Hidden lines are never named
	// in them. The go engine sends none.
	Events func(runner.Event)
}

// Engines are the values of Grader.Engine.
var Engines = []string{"builtin", "go"}

// Grade checks work, the learner's package (its files by name, tests
// left out), against e's hidden tests. The error is for failures of the grader itself; a
// submission that does not compile is a Result with status error.
func (g *Grader) Grade(ctx context.Context, e *Exercise, work Files) (*Result, error) {
	start := time.Now()
	if len(work) == 0 {
		return &Result{Exercise: e.Name, Status: Error, MaxPoints: e.Points,
			Message: fmt.Sprintf("%s/ holds no Go file: `workbook reset %s` writes the starter again", e.Name, e.Name)}, nil
	}
	var out *outcome
	var err error
	switch g.Engine {
	case "", "builtin":
		out, err = g.builtin(ctx, e, work)
	case "go":
		out, err = g.goTest(ctx, e, work)
	default:
		return nil, fmt.Errorf("unknown engine %q: the engines are %s", g.Engine, strings.Join(Engines, " and "))
	}
	if err != nil {
		return nil, err
	}
	r := g.judge(e, out)
	r.Elapsed = time.Since(start)
	return r, nil
}

// An outcome is what an engine found of one run of the hidden tests, in
// terms both engines can give.
type outcome struct {
	// compile holds the compiler's errors, when it does not compile.
	compile []string
	// failed says the engine itself failed.
	failed string
	// tests are the verdicts reported, tests and subtests, in the order
	// they ended.
	tests []runner.TestResult
	races []race
	// running are the tests that had started and not ended when the run
	// ended; ending says how it ended, when not by itself with status 0.
	running []string
	ending  string
	// endingIn is the test the ending is told for, if the engine knows.
	endingIn string
}

// A race is the report of one data race, and the test it happened in.
type race struct {
	test, report string
}

// distinctRaces keeps one report of each race of a test: the same variable
// raced on at the same lines, whichever goroutines and whichever access
// came first. A race in a loop of eight goroutines is reported many times
// over, and the learner needs it once; the report says how many times more.
func distinctRaces(rs []runner.Race) []race {
	var out []race
	seen := map[string]int{} // key → index in out
	again := map[int]int{}
	for _, r := range rs {
		var sides []string
		for _, a := range r.Accesses {
			var at []string
			for _, f := range a.Lines {
				at = append(at, f.Location())
			}
			sides = append(sides, strings.Join(at, ","))
		}
		slices.Sort(sides)
		key := r.Test + "\x00" + r.Variable + "\x00" + strings.Join(sides, "\x00")
		if len(r.Accesses) == 0 {
			key += "\x00" + r.Report
		}
		if i, ok := seen[key]; ok {
			again[i]++
			continue
		}
		seen[key] = len(out)
		out = append(out, race{test: r.Test, report: r.Report})
	}
	for i, n := range again {
		times := "times"
		if n == 1 {
			times = "time"
		}
		out[i].report = strings.TrimRight(out[i].report, "\n") + fmt.Sprintf("\n(the same race was reported %d more %s)\n", n, times)
	}
	return out
}

// builtin runs the hidden tests in the workbook's engine.
func (g *Grader) builtin(ctx context.Context, e *Exercise, work Files) (*outcome, error) {
	hidden, err := e.hiddenTests()
	if err != nil {
		return nil, err
	}
	prog := runner.Program{Test: true, TestCount: e.Count}
	for _, name := range sortedNames(work) {
		prog.Files = append(prog.Files, runner.File{Name: name, Src: work[name]})
	}
	for _, name := range e.TestFiles {
		prog.Files = append(prog.Files, runner.File{Name: name, Src: hidden[name], Hidden: true})
	}
	opts := runner.Options{Race: e.Race, Limits: runner.Limits{Time: e.Timeout}, Events: g.Events}
	var res *runner.Result
	if g.Pool != nil {
		res, err = g.Pool.Run(ctx, prog, opts)
	} else {
		res, err = runner.Run(ctx, prog, opts)
	}
	if err != nil {
		return nil, err
	}
	return fromRunner(res), nil
}

// fromRunner reads a run of the built-in engine.
func fromRunner(res *runner.Result) *outcome {
	out := &outcome{tests: res.Tests, running: res.Running}
	out.races = distinctRaces(res.Races)
	switch res.Reason {
	case runner.CompileError:
		for _, d := range res.Diagnostics {
			switch {
			case d.File == "":
				out.compile = append(out.compile, d.Message)
			case d.Line == 0:
				out.compile = append(out.compile, fmt.Sprintf("%s: %s", d.File, d.Message))
			default:
				out.compile = append(out.compile, fmt.Sprintf("%s:%d:%d: %s", d.File, d.Line, d.Column, d.Message))
			}
		}
	case runner.Internal, runner.Canceled:
		out.failed = res.Message
	case runner.Deadlocked:
		out.ending, out.endingIn = res.Deadlock.Text(), res.Deadlock.Test
	case runner.Panicked:
		out.ending, out.endingIn = res.Panic.Text(), res.Panic.Test
	case runner.Exited, runner.TestsFailed, runner.Raced:
		if res.Reason == runner.Exited && res.Code != 0 {
			out.ending = fmt.Sprintf("the program exited with status %d (os.Exit?) before the tests were done", res.Code)
		}
	default:
		out.ending = res.Message
	}
	if out.ending != "" && out.endingIn == "" && len(res.Running) > 0 {
		out.endingIn = res.Running[len(res.Running)-1]
	}
	return out
}

// judge turns an outcome into the verdict on each test the exercise
// expects, and on the exercise.
func (g *Grader) judge(e *Exercise, out *outcome) *Result {
	r := &Result{Exercise: e.Name, MaxPoints: e.Points, Unverified: !e.Race}
	lang := g.Lang
	if lang == "" {
		lang = "en"
	}
	switch {
	case out.failed != "":
		r.Status, r.Message = Error, "the check could not run: "+out.failed
		return r
	case len(out.compile) > 0:
		r.Status, r.Message = Error, "it does not compile:\n"+strings.Join(out.compile, "\n")
		for _, name := range e.Tests {
			r.Tests = append(r.Tests, TestResult{Name: name, Status: Error, Message: "the package does not compile"})
		}
		return r
	}

	top := func(name string) string { t, _, _ := strings.Cut(name, "/"); return t }
	endedIn := top(out.endingIn)
	ran := map[string]bool{}
	for _, t := range out.tests {
		ran[top(t.Name)] = true
	}
	for _, name := range out.running {
		ran[top(name)] = true
	}
	failed := 0
	for _, name := range e.Tests {
		tr := TestResult{Name: name, Status: Pass}
		var msgs, output []string
		runs := 0
		for _, t := range out.tests {
			if top(t.Name) != name {
				continue
			}
			if t.Name == name {
				runs++
			}
			if t.Output != "" {
				output = append(output, t.Output)
			}
			if t.Passed || t.Skipped {
				continue
			}
			tr.Status = Fail
			if log := strings.TrimRight(t.Log, "\n"); log != "" {
				if t.Name != name {
					log = t.Name + ":\n" + indent(log)
				}
				msgs = appendNew(msgs, log)
			}
		}
		for _, rc := range out.races {
			if top(rc.test) == name {
				tr.Status, tr.Race = Fail, true
				msgs = appendNew(msgs, strings.TrimRight(rc.report, "\n"))
			}
		}
		switch {
		case out.ending != "" && endedIn == name:
			tr.Status = Fail
			msgs = append(msgs, strings.TrimRight(out.ending, "\n"))
		case runs < e.Count && tr.Status == Pass && !ran[name]:
			tr.Status = Fail
			msgs = append(msgs, "it did not run: "+notRun(out))
		case runs < e.Count && tr.Status == Pass:
			tr.Status = Fail
			msgs = append(msgs, fmt.Sprintf("it ran %d of %d times: the run ended before the rest", runs, e.Count))
		case runs > e.Count:
			tr.Status = Fail
			msgs = append(msgs, fmt.Sprintf("it reported %d verdicts for %d runs: the program interfered with the check", runs, e.Count))
		}
		if tr.Status == Fail && len(msgs) == 0 {
			msgs = append(msgs, "it failed")
		}
		tr.Message = strings.Join(msgs, "\n\n")
		tr.Output = capText(strings.Join(output, ""), 8<<10)
		if tr.Status != Pass {
			tr.Hint = e.Hint(name, lang)
			failed++
		}
		r.Tests = append(r.Tests, tr)
	}

	switch {
	case failed > 0:
		r.Status = Fail
		r.Message = failMessage(r.Tests, out)
	case out.ending != "":
		// Every test passed, and the run did not end well after them:
		// a goroutine the code left behind panicked, or it exited.
		r.Status, r.Message = Fail, "the tests passed, but then: "+out.ending
	case len(out.races) > 0:
		r.Status, r.Message = Fail, "the tests passed, but a data race was reported:\n"+out.races[0].report
	default:
		r.Status, r.Points = Pass, e.Points
	}
	return r
}

// failMessage sums up the failed tests.
func failMessage(tests []TestResult, out *outcome) string {
	n, races := 0, 0
	for _, t := range tests {
		if t.Status != Pass {
			n++
		}
		if t.Race {
			races++
		}
	}
	msg := fmt.Sprintf("%d of %d tests failed", n, len(tests))
	switch {
	case strings.Contains(out.ending, "deadlock!"):
		msg += "; a deadlock stopped the run"
	case strings.HasPrefix(out.ending, "panic: "):
		msg += "; a panic stopped the run"
	case out.ending != "":
		msg += "; " + firstLine(out.ending)
	}
	if races > 0 {
		msg += fmt.Sprintf("; data races in %d", races)
	}
	return msg
}

// notRun says why a test did not run.
func notRun(out *outcome) string {
	switch {
	case out.endingIn != "":
		return "the run ended in " + out.endingIn + " (" + firstLine(out.ending) + ")"
	case out.ending != "":
		return firstLine(out.ending)
	}
	return "the program ended before it (os.Exit or runtime.Goexit in init?)"
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return line
}

func indent(s string) string {
	return "    " + strings.ReplaceAll(s, "\n", "\n    ")
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// capText cuts s at n bytes, saying so.
func capText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "\n[… cut]"
}

// sortedNames returns the keys of files, sorted.
func sortedNames(files Files) []string {
	var names []string
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
