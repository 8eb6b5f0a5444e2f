package runner

import (
	"fmt"
	"time"

	"workbook/internal/wire"
)

// EventSchema is the version of the schema of Event: its kinds and their
// fields, as JSON. Within a version, kinds and fields may be added, never
// removed or changed in meaning; a reader ignores what it does not know.
// The site sends it with every stream of events, in the header
// Workbook-Event-Schema.
const EventSchema = "1"

// Event kinds.
const (
	KindStdout   = "stdout"   // Data: output of the program
	KindStderr   = "stderr"   // Data: error output of the program
	KindSandbox  = "sandbox"  // Sandbox: the protection layers in force
	KindCompile  = "compile"  // Diagnostics: the program does not compile
	KindRace     = "race"     // Race: a data race was detected
	KindPanic    = "panic"    // Panic: an unrecovered panic
	KindDeadlock = "deadlock" // Deadlock: every goroutine is blocked
	KindLimit    = "limit"    // Limit: a limit was hit
	KindTestRun  = "test-run" // Test: a test started (its name only)
	KindTest     = "test"     // Test: one test finished
	KindExit     = "exit"     // Exit: the run is over; always the last event
)

// An Event is something that happened during a run, as it happened.
type Event struct {
	Kind string `json:"kind"`
	// MS is the time since the run started, in milliseconds.
	MS float64 `json:"ms"`

	Data        string       `json:"data,omitempty"`
	Sandbox     *Sandbox     `json:"sandbox,omitempty"`
	Diagnostics []Diagnostic `json:"diagnostics,omitempty"`
	Race        *Race        `json:"race,omitempty"`
	Panic       *Panic       `json:"panic,omitempty"`
	Deadlock    *Deadlock    `json:"deadlock,omitempty"`
	Limit       *LimitHit    `json:"limit,omitempty"`
	Test        *TestResult  `json:"test,omitempty"`
	Exit        *Exit        `json:"exit,omitempty"`
}

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

// Exit is the end of a run.
type Exit struct {
	Reason Reason `json:"reason"`
	// Code is the exit status go run would give: 0, the code given to
	// os.Exit, 2 for a panic, 66 after a data race, 1 when the program does
	// not compile, and the codes of exitcode.go for limits and deadlocks.
	Code int `json:"code"`
	// Message says in words what happened, when Reason is not Exited.
	Message string `json:"message,omitempty"`
}

// A Result is how a run ended.
type Result struct {
	Exit
	Diagnostics []Diagnostic
	Races       []Race
	Panic       *Panic
	Deadlock    *Deadlock
	Limit       *LimitHit
	Tests       []TestResult
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

// A Diagnostic is a compile error at a position of the program's source.
type Diagnostic = wire.Diagnostic

// A Frame is a call of the program's own code.
type Frame = wire.Frame

// A Panic is an unrecovered panic.
type Panic = wire.Panic

// A Deadlock says what each blocked goroutine was waiting for.
type Deadlock = wire.Deadlock

// Sandbox says which protection layers were in force.
type Sandbox = wire.Sandbox

// A TestResult is the verdict of one test.
type TestResult = wire.Test

// A LimitHit is a limit the run reached.
type LimitHit struct {
	// Name is "time", "cpu", "memory", "output", "goroutines" or "threads".
	Name string `json:"name"`
	// Message says it in words: "time limit of 10s exceeded".
	Message string `json:"message"`
}

// A Race is one data race report, in the program's terms.
type Race struct {
	// Variable names what was raced on, when it could be told: "counter",
	// "c.hits", "s[2]"; Kind says what it is.
	Variable string `json:"variable,omitempty"`
	Kind     string `json:"kind,omitempty"`
	// Accesses are the two conflicting accesses, the later first, as the
	// race detector lists them.
	Accesses []RaceAccess `json:"accesses"`
	// Report is the report as the learner sees it on standard error.
	Report string `json:"report"`
	// Test is the test that was running, in a run of tests.
	Test string `json:"test,omitempty"`
}

// A RaceAccess is one side of a data race: the goroutine, the lines of the
// program that access the variable that way, and where the goroutine was
// started.
type RaceAccess = wire.RaceAccess

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
