package runner

import (
	"fmt"
	"time"
)

// Reason says why a run ended.
type Reason string

const (
	Exited       Reason = "exit"     // the program returned from main or called os.Exit
	Panicked     Reason = "panic"    // an unrecovered panic
	Fatal        Reason = "fatal"    // a fatal error of the Go runtime (concurrent map writes, stack overflow…)
	CompileError Reason = "compile"  // the program does not compile
	Raced        Reason = "race"     // it finished, but data races were reported
	Deadlocked   Reason = "deadlock" // every goroutine was blocked
	Limited      Reason = "limit"    // it was stopped at a limit; Result.Limit says which
	Canceled     Reason = "canceled" // the caller's context was done
	TestsFailed  Reason = "tests"    // some tests failed
	Internal     Reason = "internal" // the sandbox itself failed
)

// A Result is how a run ended.
type Result struct {
	Exit
	Diagnostics []Diagnostic
	Races       []Race
	// Trace is the run's timeline, when Options.Trace asked for it and
	// the program ended by itself (not at a limit the runner enforces).
	Trace    *Trace
	Panic    *Panic
	Deadlock *Deadlock
	Limit    *LimitHit
	Tests    []TestResult
	// Running lists the tests that had started and not finished when the
	// run ended (a panic, a deadlock, a limit, os.Exit): innermost last.
	Running []string
	Sandbox Sandbox
	// Truncated is set when output beyond Limits.Output was dropped.
	Truncated bool
	Timing    Timing
	// MaxRSS is the peak resident memory of the child, in bytes.
	MaxRSS int64
}

// Timing splits the duration of a run.
type Timing struct {
	// Start is the time until the child was ready for the program.
	Start time.Duration
	// Compile is the time the child spent checking and compiling.
	Compile time.Duration
	// Total is the whole run, from Run to the end of the child.
	Total time.Duration
	// CPU is the processor time the child used.
	CPU time.Duration
}

func (l LimitHit) String() string { return l.Message }

func byteSize(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
