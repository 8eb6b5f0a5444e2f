package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"

	"workbook/exercises"
	"workbook/runner"
	"workbook/workspace"
)

// checkCommand is workbook check.
type checkCommand struct{ stdout, stderr io.Writer }

func (*checkCommand) Name() string { return "check" }
func (*checkCommand) Summary() string {
	return "grade exercises against their hidden tests, with the race detector"
}

const checkUsage = `Usage: workbook check [flags] [NAME...]

Check grades the named exercises of the workspace (or all of them) against
their hidden tests, with the race detector: each failing test's message,
the race or deadlock report in terms of your code, and a hint. An
exercise passes when every test passes, every time it runs, with no data
race.

It exits 0 when everything checked passed, 1 when something did not.

--format json writes the results in the format of Exercism's test
runners (version 3), with the points earned and possible; --format junit
writes JUnit XML. --engine go runs the same tests with the real toolchain
(go test -race), for graders who want the compiler's word.

--dev is for authors of exercises: it checks the set itself (metadata,
READMEs, formatting), and proves that every starter and wrong solution
fails and every reference solution passes, in both engines.

Flags:
`

const checkExamples = `
Examples:

	workbook check
	workbook check counter bank
	workbook check --format json > results.json
	workbook check --exercises ./course --dir ./submission --format junit
	workbook check --dev --exercises ./course
`

func (c *checkCommand) Run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	var ef exerciseFlags
	ef.register(fs)
	engine := fs.String("engine", "builtin", "the engine: builtin (the workbook's sandbox) or go (go test -race)")
	format := fs.String("format", "text", "the output: text, json (Exercism's test-runner format) or junit")
	dev := fs.Bool("dev", false, "check the exercise set itself, for authors")
	fs.Usage = func() {
		fmt.Fprint(c.stderr, checkUsage)
		fs.PrintDefaults()
		fmt.Fprint(c.stderr, checkExamples)
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := ef.checkLang(); err != nil {
		return err
	}
	if *format != "text" && *format != "json" && *format != "junit" {
		return fmt.Errorf("unknown format %q: --format is text, json or junit", *format)
	}
	if *dev {
		engines := exercises.Engines
		fs.Visit(func(f *flag.Flag) {
			if f.Name == "engine" {
				engines = []string{*engine}
			}
		})
		return c.dev(ctx, ef, engines, fs.Args())
	}
	var ws *workspace.Workspace
	var err error
	if ef.dir != "" && ef.exercises != "" {
		ws, err = workspace.Submission(ef.dir) // a submission checked out in CI
	} else {
		ws, err = ef.workspace()
	}
	if err != nil {
		return err
	}
	set, _, err := ef.set(ws)
	if err != nil {
		return err
	}
	list, err := pick(set, fs.Args())
	if err != nil {
		return err
	}
	pool := runner.NewPool(1)
	defer pool.Close()
	g, err := newGrader(*engine, ef.lang, pool)
	if err != nil {
		return err
	}
	color := *format == "text" && isTerminal(c.stdout)
	progress := newProgress(c.stderr, len(list))
	results, err := gradeAll(ctx, g, ws, list, func(r *exercises.Result) {
		progress.clear()
		if *format == "text" {
			printResult(c.stdout, r, color, len(list) > 1)
		}
	}, progress.show)
	progress.clear()
	if err != nil {
		return err
	}
	if err := ws.Record(results...); err != nil {
		fmt.Fprintf(c.stderr, "workbook: keeping your progress: %v\n", err)
	}
	rep := exercises.NewReport(set, results)
	switch *format {
	case "json":
		err = rep.WriteJSON(c.stdout)
	case "junit":
		err = rep.WriteJUnit(c.stdout)
	default:
		printSummary(c.stdout, rep, ws, set, color)
	}
	if err != nil {
		return err
	}
	if rep.Status() != exercises.Pass {
		return exitError(1)
	}
	return nil
}

// gradeAll grades each exercise, two per core at a time, and calls done
// with each result in the exercises' order as soon as it and those before
// it are known.
//
// A graded run spends much of its time waiting (a test that proves a hang
// waits seconds for it), so two exercises per core keep the machine busy.
// The tests' timing holds at that load: the journey script checks every
// starter failing and every reference solution passing, four at a time on
// two cores, and TestDeterminism caught every wrong solution every time
// with other tests busy beside it.
func gradeAll(ctx context.Context, g *exercises.Grader, ws *workspace.Workspace, list []*exercises.Exercise, done func(*exercises.Result), started func(string, int)) ([]*exercises.Result, error) {
	results := make([]*exercises.Result, len(list))
	errs := make([]error, len(list))
	ready := make([]chan struct{}, len(list))
	for i := range ready {
		ready[i] = make(chan struct{})
	}
	workers := max(1, min(len(list), 2*runtime.NumCPU()))
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				e := list[i]
				if started != nil {
					started(e.Name, i)
				}
				files, err := ws.Files(e)
				if err == nil {
					results[i], err = g.Grade(ctx, e, files)
				}
				if err != nil {
					results[i], errs[i] = nil, err
					if ctx.Err() == nil {
						// A missing directory is the learner's to mend:
						// a result, not the end of the check.
						results[i], errs[i] = &exercises.Result{Exercise: e.Name, Status: exercises.Error, Message: err.Error(), MaxPoints: e.Points}, nil
					}
				}
				close(ready[i])
			}
		})
	}
	go func() {
		defer close(next)
		for i := range list {
			select {
			case next <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	var out []*exercises.Result
	for i := range list {
		select {
		case <-ready[i]:
		case <-ctx.Done():
			wg.Wait()
			return nil, ctx.Err()
		}
		if errs[i] != nil {
			wg.Wait()
			return nil, errs[i]
		}
		done(results[i])
		out = append(out, results[i])
	}
	wg.Wait()
	return out, nil
}

// Colours, on a terminal only.
const (
	green  = "\x1b[32m"
	red    = "\x1b[31m"
	yellow = "\x1b[33m"
	dim    = "\x1b[2m"
	bold   = "\x1b[1m"
	reset  = "\x1b[0m"
)

func paint(on bool, code, s string) string {
	if !on {
		return s
	}
	return code + s + reset
}

// isTerminal reports whether w is a terminal, and colour is wanted.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// printResult writes one exercise's verdict for a person: each failing
// test with its message and hint.
func printResult(w io.Writer, r *exercises.Result, color, points bool) {
	label := paint(color, green+bold, "PASS ")
	switch r.Status {
	case exercises.Fail:
		label = paint(color, red+bold, "FAIL ")
	case exercises.Error:
		label = paint(color, yellow+bold, "ERROR")
	}
	line := fmt.Sprintf("%s %-14s", label, r.Exercise)
	if points {
		line += fmt.Sprintf(" %3d/%-3d", r.Points, r.MaxPoints)
	}
	if r.Status != exercises.Pass && r.Message != "" {
		line += "  " + firstLineOf(r.Message)
	}
	fmt.Fprintln(w, strings.TrimRight(line, " "))
	if r.Status == exercises.Error {
		if rest := restOf(r.Message); rest != "" {
			fmt.Fprintln(w, indentText(rest, "      "))
		}
		fmt.Fprintln(w)
		return
	}
	for _, t := range r.Tests {
		if t.Status == exercises.Pass {
			continue
		}
		fmt.Fprintf(w, "      %s %s\n", paint(color, red, "✗"), t.Name)
		if t.Message != "" {
			fmt.Fprintln(w, indentText(t.Message, "          "))
		}
		if t.Output != "" {
			fmt.Fprintln(w, paint(color, dim, "          output:"))
			fmt.Fprintln(w, paint(color, dim, indentText(strings.TrimRight(t.Output, "\n"), "          │ ")))
		}
		if t.Hint != "" {
			fmt.Fprintln(w, paint(color, yellow, indentText("Hint: "+t.Hint, "          ")))
		}
	}
	if r.Status == exercises.Fail && !strings.Contains(r.Message, "tests failed") {
		fmt.Fprintln(w, indentText(r.Message, "      "))
	}
	if r.Unverified {
		fmt.Fprintln(w, "      (checked without the race detector, as the exercise asks)")
	}
	if r.Status != exercises.Pass {
		fmt.Fprintln(w)
	}
}

// printSummary ends a check with the progress of the workspace.
func printSummary(w io.Writer, rep *exercises.Report, ws *workspace.Workspace, set *exercises.Set, color bool) {
	passed := 0
	for _, r := range rep.Results {
		if r.Passed() {
			passed++
		}
	}
	earned, possible := rep.Points()
	if len(rep.Results) > 1 {
		fmt.Fprintf(w, "\n%d of %d exercises pass; %d of %d points.\n", passed, len(rep.Results), earned, possible)
	}
	if len(rep.Results) == 1 && !rep.Results[0].Passed() {
		fmt.Fprintf(w, "Stuck? workbook hint %s\n", rep.Results[0].Exercise)
	}
	if next := ws.Next(set); next != nil && passed == len(rep.Results) && len(rep.Results) == 1 {
		fmt.Fprintf(w, "Next: %s — %s/%s\n", next.Name, next.Name, next.Files[0])
	}
}

func firstLineOf(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

func restOf(s string) string {
	_, rest, _ := strings.Cut(s, "\n")
	return rest
}

func indentText(s, prefix string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = prefix + l
		}
	}
	return strings.Join(lines, "\n")
}

// progress shows, on a terminal, which exercise is being checked.
type progress struct {
	w     io.Writer
	on    bool
	total int
	mu    sync.Mutex
	shown bool
	start time.Time
}

func newProgress(w io.Writer, total int) *progress {
	return &progress{w: w, on: isTerminal(w) && total > 1, total: total, start: time.Now()}
}

func (p *progress) show(name string, i int) {
	if !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	fmt.Fprintf(p.w, "\r\x1b[Kchecking %s (%d of %d)…", name, i+1, p.total)
	p.shown = true
}

func (p *progress) clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
}

// dev checks the exercise set itself (workbook check --dev): every
// exercise in both engines (or the one --engine names), the wrong
// solutions in the built-in one.
func (c *checkCommand) dev(ctx context.Context, ef exerciseFlags, engines, names []string) error {
	set, _, err := ef.set(nil)
	if err != nil {
		return err
	}
	list, err := pick(set, names)
	if err != nil {
		return err
	}
	pool := runner.NewPool(1)
	defer pool.Close()
	start := time.Now()
	type verdict struct {
		problems []string
		err      error
	}
	verdicts := make([]verdict, len(list))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for i, e := range list {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			for _, engine := range engines {
				g, err := newGrader(engine, "en", pool)
				if err != nil {
					verdicts[i].err = err
					return
				}
				p, err := g.Verify(ctx, e, engine == "builtin")
				if err != nil {
					verdicts[i].err = fmt.Errorf("%s: %w", e.Name, err)
					return
				}
				verdicts[i].problems = append(verdicts[i].problems, p...)
			}
		})
	}
	wg.Wait()
	bad := 0
	for i, e := range list {
		v := verdicts[i]
		if v.err != nil {
			return v.err
		}
		if len(v.problems) == 0 {
			fmt.Fprintf(c.stdout, "ok    %s\n", e.Name)
			continue
		}
		bad++
		fmt.Fprintf(c.stdout, "FAIL  %s\n", e.Name)
		for _, p := range v.problems {
			fmt.Fprintln(c.stdout, indentText("- "+p, "      "))
		}
	}
	fmt.Fprintf(c.stdout, "%d exercises checked in %.0fs: %d ok, %d with problems.\n", len(list), time.Since(start).Seconds(), len(list)-bad, bad)
	if bad > 0 {
		return exitError(1)
	}
	return nil
}
