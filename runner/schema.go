package runner

import (
	"time"

	"workbook/internal/wire"
)

// The events of a run are a public schema: what `workbook run --json`
// prints, what the site streams to the browser (one JSON object a line),
// and what outside tools may read. They are the runner's own types, not
// the child's private wire format, so that the two can change apart.
//
// Every event has kind and ms (milliseconds since the run started), and
// the one field its kind names:
//
//	kind       field        when
//	sandbox    sandbox      the protection layers in force, once, before the program runs
//	stdout     data         the program wrote to its standard output
//	stderr     data         … to its standard error (race reports included)
//	compile    diagnostics  the program does not compile
//	race       race         the race detector found a data race
//	panic      panic        an unrecovered panic
//	deadlock   deadlock     every goroutine was blocked
//	limit      limit        a limit was hit
//	test-run   test         a test started (its name only)
//	test       test         a test ended, with its verdict
//	trace      trace        the run's timeline (Options.Trace), just before exit
//	exit       exit         the run is over: always the last event
//
// Lines in events are lines of the program's files; a position in a
// hidden file (an exercise's hidden tests) is told as the file "hidden
// test", with no line.

// EventSchema is the version of the schema of Event: its kinds and their
// fields, as JSON. Within a version, kinds and fields may be added, never
// removed or changed in meaning; a reader ignores what it does not know.
// The site sends it with every stream of events, in the header
// Workbook-Event-Schema.
const EventSchema = "1"

// A Kind is the kind of an event.
type Kind string

// Event kinds.
const (
	KindStdout   Kind = "stdout"   // Data: output of the program
	KindStderr   Kind = "stderr"   // Data: error output of the program
	KindSandbox  Kind = "sandbox"  // Sandbox: the protection layers in force
	KindCompile  Kind = "compile"  // Diagnostics: the program does not compile
	KindRace     Kind = "race"     // Race: a data race was detected
	KindPanic    Kind = "panic"    // Panic: an unrecovered panic
	KindDeadlock Kind = "deadlock" // Deadlock: every goroutine is blocked
	KindLimit    Kind = "limit"    // Limit: a limit was hit
	KindTestRun  Kind = "test-run" // Test: a test started (its name only)
	KindTest     Kind = "test"     // Test: one test finished
	KindTrace    Kind = "trace"    // Trace: the timeline of the run, when asked for
	KindExit     Kind = "exit"     // Exit: the run is over; always the last event
)

// An Event is something that happened during a run, as it happened.
type Event struct {
	Kind Kind `json:"kind"`
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
	Trace       *Trace       `json:"trace,omitempty"`
	Exit        *Exit        `json:"exit,omitempty"`
}

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

// A Diagnostic is a compile error at a position of the program's source.
type Diagnostic struct {
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Message string `json:"message"`
}

// A Frame is a call of the program's own code.
type Frame struct {
	Func string `json:"func"`
	File string `json:"file,omitempty"`
	Line int    `json:"line,omitempty"`
}

// Location is where the frame is, as traces show it: "main.go:12", or
// "hidden test".
func (f Frame) Location() string { return wire.Frame(f).Location() }

// A Panic is an unrecovered panic.
type Panic struct {
	Value string `json:"value"`
	// Goroutine is the number of the goroutine that panicked; Stack its
	// calls of the program's code, innermost first.
	Goroutine int     `json:"goroutine"`
	Stack     []Frame `json:"stack,omitempty"`
	// Created is where the goroutine was started, by goroutine CreatedIn
	// (none for main).
	Created   *Frame `json:"created,omitempty"`
	CreatedIn int    `json:"createdIn,omitempty"`
	// Test is the test that was running, in a run of tests.
	Test string `json:"test,omitempty"`
}

// Text is the panic as the Go runtime prints it.
func (p *Panic) Text() string { return p.wire().Text() }

// A Deadlock says what each blocked goroutine was waiting for.
type Deadlock struct {
	// MainExited is set when the main goroutine called runtime.Goexit and
	// every other goroutine has finished or blocked.
	MainExited bool        `json:"mainExited,omitempty"`
	Goroutines []Goroutine `json:"goroutines"`
	// Test is the test that was running, in a run of tests.
	Test string `json:"test,omitempty"`
}

// Text is the deadlock as the Go runtime reports it.
func (d *Deadlock) Text() string { return d.wire().Text() }

// A Goroutine is one blocked goroutine of a deadlock.
type Goroutine struct {
	ID int `json:"id"`
	// State is what it waits for, as Go says it: "chan receive",
	// "sync.Mutex.Lock"…; Frame, the line it waits at.
	State string `json:"state"`
	Frame *Frame `json:"frame,omitempty"`
	// Created is where it was started, by goroutine CreatedIn.
	Created   *Frame `json:"created,omitempty"`
	CreatedIn int    `json:"createdIn,omitempty"`
}

// Sandbox says which protection layers were in force.
type Sandbox struct {
	Landlock bool `json:"landlock"`
	Seccomp  bool `json:"seccomp"`
	Network  bool `json:"networkNamespace"`
	Rlimits  bool `json:"rlimits"`
	// Allowlist is always true: the allowlist holds whatever the kernel.
	Allowlist bool `json:"allowlist"`
	// Unprivileged says the program ran as a user other than root: a
	// runner started as root runs it as nobody (65534).
	Unprivileged bool   `json:"unprivileged"`
	Notes        string `json:"notes,omitempty"`
}

// A TestResult is the verdict of one test function, or of a subtest.
type TestResult struct {
	// Name is the test's full name, as go test prints it: TestBank,
	// TestBank/opposite.
	Name    string `json:"name"`
	Passed  bool   `json:"passed"`
	Skipped bool   `json:"skipped,omitempty"`
	// Elapsed is how long it ran (in JSON, in nanoseconds).
	Elapsed time.Duration `json:"elapsed"`
	// Log is what the test logged (t.Log, t.Error, t.Fatal, t.Skip), a
	// line each, and the trace of a panic that failed it.
	Log string `json:"log,omitempty"`
	// Output is what the program wrote while the test ran (but for its
	// subtests').
	Output string `json:"output,omitempty"`
}

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

// A RaceAccess is one side of a data race: a read or a write, by which
// goroutine, and the lines of the program that access the variable that
// way.
type RaceAccess struct {
	Write bool `json:"write"`
	// Goroutine is numbered as in panics, deadlocks and the trace (main
	// is 1), not as the race detector numbers it; 0 when it could not
	// say which.
	Goroutine int     `json:"goroutine"`
	Lines     []Frame `json:"lines,omitempty"`
}

// The conversions from the child's wire format, at the one place the
// runner reads it.

func frames(fs []wire.Frame) []Frame {
	var out []Frame
	for _, f := range fs {
		out = append(out, Frame(f))
	}
	return out
}

func framePtr(f *wire.Frame) *Frame {
	if f == nil {
		return nil
	}
	c := Frame(*f)
	return &c
}

func wireFramePtr(f *Frame) *wire.Frame {
	if f == nil {
		return nil
	}
	c := wire.Frame(*f)
	return &c
}

func diagnostics(ds []wire.Diagnostic) []Diagnostic {
	var out []Diagnostic
	for _, d := range ds {
		out = append(out, Diagnostic(d))
	}
	return out
}

func panicOf(p *wire.Panic) *Panic {
	if p == nil {
		return nil
	}
	return &Panic{Value: p.Value, Goroutine: p.Goroutine, Stack: frames(p.Stack), Created: framePtr(p.Created), CreatedIn: p.CreatedIn, Test: p.Test}
}

func (p *Panic) wire() *wire.Panic {
	w := &wire.Panic{Value: p.Value, Goroutine: p.Goroutine, Created: wireFramePtr(p.Created), CreatedIn: p.CreatedIn, Test: p.Test}
	for _, f := range p.Stack {
		w.Stack = append(w.Stack, wire.Frame(f))
	}
	return w
}

func deadlockOf(d *wire.Deadlock) *Deadlock {
	if d == nil {
		return nil
	}
	out := &Deadlock{MainExited: d.MainExited, Test: d.Test, Goroutines: []Goroutine{}}
	for _, g := range d.Goroutines {
		out.Goroutines = append(out.Goroutines, Goroutine{ID: g.ID, State: g.State, Frame: framePtr(g.Frame), Created: framePtr(g.Created), CreatedIn: g.CreatedIn})
	}
	return out
}

func (d *Deadlock) wire() *wire.Deadlock {
	w := &wire.Deadlock{MainExited: d.MainExited, Test: d.Test}
	for _, g := range d.Goroutines {
		w.Goroutines = append(w.Goroutines, wire.Goroutine{ID: g.ID, State: g.State, Frame: wireFramePtr(g.Frame), Created: wireFramePtr(g.Created), CreatedIn: g.CreatedIn})
	}
	return w
}

func testOf(t *wire.Test) *TestResult {
	if t == nil {
		return nil
	}
	c := TestResult(*t)
	return &c
}

func raceOf(r *wire.Race) Race {
	out := Race{Variable: r.Variable, Kind: r.Kind, Report: r.Report, Test: r.Test}
	for _, a := range r.Accesses {
		out.Accesses = append(out.Accesses, RaceAccess{Write: a.Write, Goroutine: a.Goroutine, Lines: frames(a.Lines)})
	}
	return out
}
