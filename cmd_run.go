package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"workbook/lessons"
	"workbook/runner"
	"workbook/timeline"
	"workbook/workspace"
)

// runCommand is workbook run: go run, in the sandbox.
type runCommand struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

func (*runCommand) Name() string    { return "run" }
func (*runCommand) Summary() string { return "run a Go program in the sandbox, like go run" }

const runUsage = `Usage: workbook run [flags] FILE.go... [arguments]
       workbook run [flags] DIR [arguments]
       workbook run [flags] - [arguments]

Run compiles and runs the main package in the named Go files (the .go
files of a directory but its tests, or a program read from standard input
for -) in the workbook's sandbox, and behaves like go run:
the program's output appears as it is written, and workbook exits with the
program's status.

It exits 2 after a panic, 66 when the race detector reported races, 80 on
a deadlock, and 81 to 86 when the program hit a limit (time, CPU, memory,
output, goroutines, threads); see the README for the table.

Flags:
`

const runExamples = `
Examples:

	workbook run examples/hello.go
	workbook run .
	workbook run --race examples/counter.go
	workbook run --timeout 2s --json examples/deadlock.go
	workbook run --trace pingpong.html examples/pingpong.go
	echo 'package main; func main() { println("hi") }' | workbook run -
`

func (c *runCommand) Run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	race := fs.Bool("race", false, "detect data races, as go run -race")
	timeout := fs.Duration("timeout", runner.DefaultLimits.Time, "stop the program after this much time")
	jsonOut := fs.Bool("json", false, "print the run as a stream of JSON events, one per line")
	trace := fs.String("trace", "", "write the run's timeline of goroutines to `FILE`: .html for a page to open in a browser, .svg for a picture")
	lang := fs.String("lang", lessons.Language(locale()), "the language of the timeline: en or zh")
	fs.Usage = func() {
		fmt.Fprint(c.stderr, runUsage)
		fs.PrintDefaults()
		fmt.Fprint(c.stderr, runExamples)
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *trace != "" && !strings.HasSuffix(*trace, ".html") && !strings.HasSuffix(*trace, ".svg") {
		return fmt.Errorf("--trace %s: the timeline is written as .html (a page) or .svg (a picture); name the file so", *trace)
	}
	files, progArgs, err := c.readProgram(fs.Args())
	if err != nil {
		return fmt.Errorf("%w\nRun 'workbook run -h' for usage.", err)
	}
	prog := runner.Program{Files: files, Args: progArgs}
	if fs.Arg(0) != "-" {
		prog.Stdin = c.stdin
	}
	opts := runner.Options{Race: *race, Limits: runner.Limits{Time: *timeout}, Trace: *trace != ""}
	runner.RaceStatus = func(msg string) { fmt.Fprintf(c.stderr, "workbook: %s\n", msg) }
	enc := json.NewEncoder(c.stdout)
	if *jsonOut {
		opts.Events = func(e runner.Event) { enc.Encode(e) }
	} else {
		opts.Events = c.print
	}
	res, err := runner.Run(ctx, prog, opts)
	if err != nil {
		return err
	}
	if !*jsonOut {
		c.summary(res, files)
	}
	if *trace != "" {
		if err := writeTimeline(*trace, res, files, *lang); err != nil {
			return err
		}
		if !*jsonOut {
			fmt.Fprintf(c.stderr, "workbook: the timeline is in %s\n", *trace)
		}
	}
	if res.Code != 0 {
		return exitError(res.Code)
	}
	return nil
}

// readProgram reads the .go files at the start of args (or standard input
// for "-"), and returns them with the arguments for the program.
func (c *runCommand) readProgram(args []string) ([]runner.File, []string, error) {
	if len(args) == 0 {
		return nil, nil, errors.New("no Go files given")
	}
	if args[0] == "-" {
		src, err := io.ReadAll(c.stdin)
		if err != nil {
			return nil, nil, err
		}
		return []runner.File{{Name: "main.go", Src: src}}, args[1:], nil
	}
	if st, err := os.Stat(args[0]); err == nil && st.IsDir() {
		files, err := readDir(args[0])
		return files, args[1:], err
	}
	var files []runner.File
	dir := ""
	i := 0
	for ; i < len(args) && strings.HasSuffix(args[i], ".go"); i++ {
		f, err := readFile(args[i])
		if err != nil {
			return nil, nil, err
		}
		d := filepath.Dir(args[i])
		if dir != "" && d != dir {
			return nil, nil, fmt.Errorf("named files must all be in one directory; have %s and %s", dir, d)
		}
		dir = d
		files = append(files, f)
	}
	if len(files) == 0 {
		return nil, nil, fmt.Errorf("%s is not a .go file: name the program's files, or - to read it from standard input", args[0])
	}
	return files, args[i:], nil
}

// readDir reads the package in dir as go run does: its .go files, not its
// tests.
func readDir(dir string) ([]runner.File, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	var files []runner.File
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := readFile(name)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no Go files in %s", dir)
	}
	return files, nil
}

// readFile reads one file of the program.
func readFile(name string) (runner.File, error) {
	src, err := os.ReadFile(name)
	if err != nil {
		return runner.File{}, fmt.Errorf("cannot read %s: %w", name, errors.Unwrap(err))
	}
	return runner.File{Name: filepath.Base(name), Src: src}, nil
}

// print writes the program's output as it comes, and what else there is
// to say as it happens.
func (c *runCommand) print(e runner.Event) {
	switch e.Kind {
	case runner.KindStdout:
		io.WriteString(c.stdout, e.Data)
	case runner.KindStderr:
		io.WriteString(c.stderr, e.Data)
	}
}

// summary says how the run ended, the way go run does: errors of the
// build, and "exit status N".
func (c *runCommand) summary(res *runner.Result, files []runner.File) {
	switch res.Reason {
	case runner.CompileError:
		fmt.Fprintln(c.stderr, "# command-line-arguments")
		for _, d := range res.Diagnostics {
			if d.File == "" {
				fmt.Fprintln(c.stderr, d.Message)
				continue
			}
			fmt.Fprintf(c.stderr, "%s: %s\n", diagnosticPlace(d), d.Message)
		}
		return
	case runner.Limited:
		if res.Truncated {
			fmt.Fprintln(c.stderr)
		}
		fmt.Fprintf(c.stderr, "workbook: %s\n", res.Message)
	case runner.Internal:
		fmt.Fprintf(c.stderr, "workbook: %s\n", res.Message)
	case runner.Canceled:
		fmt.Fprintln(c.stderr, "workbook: interrupted")
	case runner.Fatal:
		fmt.Fprintln(c.stderr, res.Message)
	case runner.Raced:
		fmt.Fprintf(c.stderr, "Found %d data race(s)\n", len(res.Races))
	case runner.Exited:
		if runner.Reserved(res.Code) {
			fmt.Fprintf(c.stderr, "workbook: the program called os.Exit(%d) itself; workbook uses %d for a verdict of its own, which this is not (--json tells them apart: exit.reason is \"exit\")\n", res.Code, res.Code)
		}
	}
	if res.Code != 0 {
		fmt.Fprintf(c.stderr, "exit status %d\n", res.Code)
	}
	_ = time.Second
}

// diagnosticPlace is where a diagnostic is, as the go command shows it.
func diagnosticPlace(d runner.Diagnostic) string {
	if d.Line == 0 {
		return d.File
	}
	return fmt.Sprintf("./%s:%d:%d", d.File, d.Line, d.Column)
}

// writeTimeline writes the run's timeline to name, as HTML or SVG by its
// extension, atomically: a page open in a browser never shows half a file.
func writeTimeline(name string, res *runner.Result, files []runner.File, lang string) error {
	if res.Trace == nil {
		return fmt.Errorf("no timeline for %s: the run ended at a limit (%s) before the program could hand over its trace", name, res.Message)
	}
	opts := timeline.Options{
		Lang:     lang,
		Title:    files[0].Name,
		Source:   map[string][]byte{},
		Deadlock: res.Reason == runner.Deadlocked,
		Races:    res.Races,
	}
	for _, f := range files {
		opts.Source[f.Name] = f.Src
	}
	var b strings.Builder
	var err error
	if strings.HasSuffix(name, ".svg") {
		err = timeline.SVG(&b, res.Trace, opts)
	} else {
		err = timeline.HTML(&b, res.Trace, opts)
	}
	if err != nil {
		return err
	}
	return workspace.WriteFile(name, []byte(b.String()), 0o644)
}
