// Package runner runs Go programs, and the tests of Go packages, the way
// workbook learners expect: like go run and go test, but in a sandbox.
//
// Every run happens in a child process: the workbook binary re-executed in
// a hidden mode (package internal/engine), which checks the program against
// the real Go API, lowers it to what the yaegi interpreter runs, and runs
// it under OS-enforced limits. The caller gets the program's output as a
// stream of events while it runs, and a Result that says how it ended.
// What the Result says (the exit reason, races, a deadlock, test verdicts)
// comes from channels the program cannot write to, never from parsing its
// output.
//
//	res, err := runner.Run(ctx, runner.Program{Files: files}, runner.Options{
//		Race:   true,
//		Events: func(e runner.Event) { fmt.Print(e.Data) },
//	})
//
// err is only for failures of the runner itself (the child could not be
// started); a program that does not compile, panics or hits a limit is a
// Result like any other.
package runner

import (
	"context"
	"io"
	"time"

	"workbook/internal/engine"
)

// A File is one source file.
type File struct {
	Name string
	Src  []byte
	// Hidden files (an exercise's hidden tests) are never shown: every
	// position in one, in a diagnostic, a trace, a race report or a test's
	// log, is told as "hidden test", without its line.
	Hidden bool
}

// A Program is what to run: the files of one package, and how.
type Program struct {
	// Files are the package's files. To run, it is a package main; to
	// test, it includes _test.go files.
	Files []File
	// Test runs the package's TestXxx functions instead of main.
	Test bool
	// TestRun selects tests by name, as go test -run does.
	TestRun string
	// TestCount runs each test that many times, as go test -count does.
	TestCount int
	// Args are the program's command-line arguments, after its name.
	Args []string
	// Stdin is the program's standard input; nil means none (EOF).
	Stdin io.Reader
}

// Options say how to run a program.
type Options struct {
	// Race runs the program with the race detector.
	Race bool
	// Limits bound what the program may use; zero fields take the defaults
	// of DefaultLimits.
	Limits Limits
	// Events, when set, receives the events of the run in order, from a
	// single goroutine, while the program runs.
	Events func(Event)
	// Trace records the run's timeline: its goroutines and what each
	// waited for, in Result.Trace and a trace event just before the exit.
	Trace bool
}

// Limits bound a run. The kernel enforces them on the child process.
type Limits struct {
	// Time is the wall-clock time the run may take.
	Time time.Duration
	// CPU is the processor time the child may use (RLIMIT_CPU).
	CPU time.Duration
	// Memory is the data size of the child (RLIMIT_DATA), in bytes; with
	// the race detector, whose shadow memory is mapped in the child too,
	// engine.RaceMemoryFactor times as much.
	Memory int64
	// Output is how many bytes of standard output and error, together, are
	// passed on; the program is stopped when it writes more.
	Output int64
	// Goroutines is how many goroutines the program may have at once.
	Goroutines int
	// FileSize is the largest file the program may write (RLIMIT_FSIZE).
	FileSize int64
	// OpenFiles is how many files the child may have open (RLIMIT_NOFILE).
	OpenFiles int
	// Processes is how many processes started with workbook/proc may run
	// at once. Each runs under these limits too, and the processor time
	// and memory of all of them together count against CPU and Memory.
	Processes int
	// Disk is how many bytes the program's files may take together, and
	// Files how many files and directories it may make, in its private
	// directory (the runner counts them ten times a second).
	Disk  int64
	Files int
}

// DefaultLimits are the limits of a run that sets none.
var DefaultLimits = Limits{
	Time:       10 * time.Second,
	CPU:        10 * time.Second,
	Memory:     512 << 20,
	Output:     1 << 20,
	Goroutines: 20000,
	FileSize:   16 << 20,
	OpenFiles:  256,
	Processes:  16,
	Disk:       64 << 20,
	Files:      2000,
}

func (l Limits) withDefaults() Limits {
	d := DefaultLimits
	if l.Time > 0 {
		d.Time = l.Time
		if l.CPU == 0 && l.Time > d.CPU {
			d.CPU = l.Time
		}
	}
	if l.CPU > 0 {
		d.CPU = l.CPU
	}
	if l.Memory > 0 {
		d.Memory = l.Memory
	}
	if l.Output > 0 {
		d.Output = l.Output
	}
	if l.Goroutines > 0 {
		d.Goroutines = l.Goroutines
	}
	if l.FileSize > 0 {
		d.FileSize = l.FileSize
	}
	if l.OpenFiles > 0 {
		d.OpenFiles = l.OpenFiles
	}
	if l.Processes > 0 {
		d.Processes = l.Processes
	}
	if l.Disk > 0 {
		d.Disk = l.Disk
	}
	if l.Files > 0 {
		d.Files = l.Files
	}
	return d
}

// Child makes this process a sandbox child when the runner started it as
// one, and then never returns. Call it first thing in main, and in TestMain
// of tests that run programs.
func Child() {
	if engine.IsChild() {
		engine.Main()
	}
}

// Run runs prog and returns how it ended.
func Run(ctx context.Context, prog Program, opts Options) (*Result, error) {
	r, err := newRun(ctx, prog, opts, nil)
	if err != nil {
		return nil, err
	}
	return r.wait(), nil
}
