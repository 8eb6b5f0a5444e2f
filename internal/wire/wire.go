// Package wire defines what the runner and its sandboxed child say to each
// other, and on which file descriptors.
//
// The child is the workbook binary itself, started with the environment
// variable Env set. Its descriptors are:
//
//	0          the program's standard input
//	1          the program's standard output
//	2          the Go runtime's own standard error: fatal errors, race
//	           reports. The program cannot write here (its os.Stderr is
//	           FDStderr), so what arrives is the runtime's word.
//	FDRequest  one Request, JSON, from the runner; then EOF
//	FDReport   Reports, one JSON object per line, to the runner
//	FDStderr   the program's standard error
//	FDControl  a socket for the processes the program starts with
//	           workbook/proc: Controls both ways, a start carrying files
//	FDRaceEcho in a race-enabled child, a pipe from the runner: what the
//	           runner read on the child's descriptor 2, passed back for
//	           the engine to tell the race reports in the program's terms
//	FDGoroutines the run's goroutine count, shared memory all its
//	           processes map: a slot each (Request.Slot), which the
//	           engine counts its goroutines in and the limit is checked
//	           against, together
//	FDHandles… the files of the handles (queues, pipes, shared memory)
//	           passed to the function a child started by proc runs
//
// The program never sees a descriptor number: the allowlist withholds
// os.NewFile, /proc and /dev/fd are outside the directory it may open, and
// Landlock, where the kernel has it, forbids them again. So the reports and
// the runtime's standard error are channels the program cannot forge —
// unless a data race corrupts the child's memory, which the race detector
// reports on descriptor 2 before the corrupted value is used: a pipe to
// the runner, which counts the reports itself, and which nothing in the
// child can take back.
package wire

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"

	"workbook/internal/procwire"
)

// Env is the environment variable that makes the workbook binary a sandbox
// child; its value is Version.
const Env = "WORKBOOK_SANDBOX_CHILD"

// EnvWarm, set to 1, asks the child to prepare for the common packages
// before it says it is ready: it waits in a pool.
const EnvWarm = "WORKBOOK_SANDBOX_WARM"

// EnvNoKernelLayers, set to 1 by the runner's tests only, starts a child
// without Landlock, seccomp and the network namespace, to prove that the
// allowlist contains the hostile programs on its own, as it must on a
// kernel without those layers.
const EnvNoKernelLayers = "WORKBOOK_SANDBOX_NO_KERNEL_LAYERS"

// Version changes whenever the messages change, so that a child of another
// build refuses to serve.
const Version = "5"

// The child's descriptors.
const (
	FDRequest    = 3
	FDReport     = 4
	FDStderr     = 5
	FDControl    = 6
	FDRaceEcho   = 7
	FDGoroutines = 8
	FDHandles    = 9
)

// A File is one source file of the program.
type File struct {
	Name string `json:"name"`
	Src  string `json:"src"`
	// Hidden files (an exercise's hidden tests) are never shown: every
	// position in one is told as HiddenFile, without its line.
	Hidden bool `json:"hidden,omitempty"`
}

// HiddenFile stands for the name of a hidden file wherever a position in
// it would be shown: a diagnostic, a frame, a race's line.
const HiddenFile = "hidden test"

// Mode says what the child does with the files.
type Mode string

const (
	// RunMain runs a package main.
	RunMain Mode = "run"
	// RunTests runs the TestXxx functions of a package with its _test.go files.
	RunTests Mode = "test"
)

// A Request is the work the runner gives a child.
type Request struct {
	Mode  Mode     `json:"mode"`
	Files []File   `json:"files"`
	Args  []string `json:"args,omitempty"`
	// TestRun selects tests by name, as go test -run does.
	TestRun string `json:"testRun,omitempty"`
	// TestCount runs each test that many times, as go test -count does.
	TestCount int    `json:"testCount,omitempty"`
	Limits    Limits `json:"limits"`
	// Entry, in a child started for workbook/proc, is the function the
	// child runs after initializing the program, instead of main.
	Entry *procwire.Entry `json:"entry,omitempty"`
	// ParentPid is the pid of the child that started this one for
	// workbook/proc, which os.Getppid returns.
	ParentPid int `json:"parentPid,omitempty"`
	// Slot is this process's slot in the run's goroutine count
	// (FDGoroutines), counted from 1: 1 for the run's first process, then
	// one for each process started for workbook/proc; 0 for none.
	Slot int `json:"slot,omitempty"`
	// Trace asks for the run's timeline (a KindTrace report).
	Trace bool `json:"trace,omitempty"`
}

// GoroutineSlots is how many processes of a run the goroutine count on
// FDGoroutines has room for: each has a slot of 8 bytes, the number of
// its goroutines, which the runner sets to 0 when the process ends.
const GoroutineSlots = 64

// A Control is a message on FDControl, about the processes a program
// starts with workbook/proc.
//
//	child → runner  start   ID, Entry; files: the program's standard
//	                        output and error, then the entry's handles
//	child → runner  signal  Pid, Signal
//	runner → child  started ID, and Pid or Error
//	runner → child  exited  Pid, Code (the negated signal, if one ended it)
type Control struct {
	Op     string          `json:"op"`
	ID     int             `json:"id,omitempty"`
	Entry  *procwire.Entry `json:"entry,omitempty"`
	Pid    int             `json:"pid,omitempty"`
	Signal int             `json:"signal,omitempty"`
	Code   int             `json:"code,omitempty"`
	Error  string          `json:"error,omitempty"`
}

// Control operations.
const (
	OpStart   = "start"
	OpSignal  = "signal"
	OpStarted = "started"
	OpExited  = "exited"
)

// Limits are the resource limits the child applies to itself before
// running the program. Zero means the default.
type Limits struct {
	CPU        time.Duration `json:"cpu"`
	Memory     int64         `json:"memory"`
	FileSize   int64         `json:"fileSize"`
	OpenFiles  int           `json:"openFiles"`
	Goroutines int           `json:"goroutines"`
	Threads    int           `json:"threads"`
}

// Report kinds.
const (
	KindReady    = "ready"    // the child is initialised and waits for its request
	KindSandbox  = "sandbox"  // which protection layers are active
	KindCompiled = "compiled" // the program passed the front end and the interpreter compiled it
	KindCompile  = "compile"  // the program does not compile: Diagnostics
	KindPanic    = "panic"    // an unrecovered panic: Panic; the child exits 2
	KindExit     = "exit"     // the program ended with Code
	KindDeadlock = "deadlock" // every goroutine is blocked: Deadlock
	KindLimit    = "limit"    // the child stopped the program at a limit: Limit
	KindTestRun  = "test-run" // a test started: Test, with its name only
	KindTest     = "test"     // one test finished: Test
	KindInternal = "internal" // the child itself failed: Message
	KindRace     = "race"     // the race detector reported a race: Race
	KindTrace    = "trace"    // the timeline of the run (Request.Trace), just before the report that ends it: Trace
)

// A Report is one message from the child.
type Report struct {
	Kind        string       `json:"kind"`
	Code        int          `json:"code,omitempty"`
	Message     string       `json:"message,omitempty"`
	Diagnostics []Diagnostic `json:"diagnostics,omitempty"`
	Panic       *Panic       `json:"panic,omitempty"`
	Deadlock    *Deadlock    `json:"deadlock,omitempty"`
	Limit       *Limit       `json:"limit,omitempty"`
	Test        *Test        `json:"test,omitempty"`
	Sandbox     *Sandbox     `json:"sandbox,omitempty"`
	Race        *Race        `json:"race,omitempty"`
	Trace       *Trace       `json:"trace,omitempty"`
	// Elapsed is the child's own measure of the phase the report ends.
	Elapsed time.Duration `json:"elapsed,omitempty"`
	// Usage, on an exit report without the race detector, is what the
	// child used until then: the runner gives it as the run's when it
	// does not wait for the kernel to take the child apart (see
	// runner's run.wait).
	Usage *Usage `json:"usage,omitempty"`
}

// Usage is what a child used of the machine.
type Usage struct {
	MaxRSS int64         `json:"maxRSS"` // peak resident memory, bytes
	CPU    time.Duration `json:"cpu"`    // processor time, user and system
}

// A Diagnostic is a compile error at a position of the learner's source.
type Diagnostic struct {
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Message string `json:"message"`
}

// A Frame is one call of the program's own code.
type Frame struct {
	Func string `json:"func"`
	File string `json:"file,omitempty"`
	Line int    `json:"line,omitempty"`
}

// Location is where the frame is, as traces show it: "file.go:12", or
// HiddenFile.
func (f Frame) Location() string {
	if f.Line == 0 {
		return f.File
	}
	return fmt.Sprintf("%s:%d", f.File, f.Line)
}

// A Panic is an unrecovered panic.
type Panic struct {
	Value     string  `json:"value"`
	Goroutine int     `json:"goroutine"`
	Stack     []Frame `json:"stack,omitempty"`
	// Created is where the goroutine was started, by goroutine CreatedIn
	// (none for main).
	Created   *Frame `json:"created,omitempty"`
	CreatedIn int    `json:"createdIn,omitempty"`
	// Test is the test that was running, in a run of tests.
	Test string `json:"test,omitempty"`
}

// A Deadlock lists what every goroutine of the program was waiting for.
type Deadlock struct {
	// MainExited is set when the main goroutine called runtime.Goexit and
	// every other goroutine has finished or blocked.
	MainExited bool        `json:"mainExited,omitempty"`
	Goroutines []Goroutine `json:"goroutines"`
	// Test is the test that was running, in a run of tests.
	Test string `json:"test,omitempty"`
}

// A Goroutine is one blocked goroutine.
type Goroutine struct {
	ID    int    `json:"id"`
	State string `json:"state"` // as Go says it: "chan receive", "sync.Mutex.Lock"…
	Frame *Frame `json:"frame,omitempty"`
	// Created is where the goroutine was started, by goroutine CreatedIn
	// (none for main).
	Created   *Frame `json:"created,omitempty"`
	CreatedIn int    `json:"createdIn,omitempty"`
}

// A Limit is a limit the child enforced itself.
type Limit struct {
	Name  string `json:"name"` // "goroutines"
	Value int64  `json:"value"`
}

// A Test is the verdict of one test function, or of a subtest.
type Test struct {
	// Name is the test's full name, as go test prints it: TestBank,
	// TestBank/opposite.
	Name    string        `json:"name"`
	Passed  bool          `json:"passed"`
	Skipped bool          `json:"skipped,omitempty"`
	Elapsed time.Duration `json:"elapsed"`
	// Log is what the test logged (t.Log, t.Error, t.Fatal, t.Skip), a
	// line each, located as go test locates them, and the trace of a
	// panic that failed it.
	Log string `json:"log,omitempty"`
	// Output is what the program wrote to its standard output and error
	// while the test ran (but for its subtests').
	Output string `json:"output,omitempty"`
}

// Sandbox says which protection layers were active in the child.
type Sandbox struct {
	Landlock     bool   `json:"landlock"`
	Seccomp      bool   `json:"seccomp"`
	Network      bool   `json:"networkNamespace"`
	Rlimits      bool   `json:"rlimits"`
	Allowlist    bool   `json:"allowlist"`
	Unprivileged bool   `json:"unprivileged"`
	Notes        string `json:"notes,omitempty"`
}

// UnprivilegedID is the user and group a child started as root runs the
// program as: nobody and nogroup on Linux.
const UnprivilegedID = 65534

// MaxControl is the largest control message, in bytes: a request to start
// a process, its arguments included, must fit. The runner makes the
// control socket's buffers hold it.
const MaxControl = 256 << 10

// A Writer sends reports; it is safe for concurrent use.
type Writer struct {
	mu   sync.Mutex
	enc  *json.Encoder
	done bool // the last report went
}

// NewWriter returns a writer of reports to w.
func NewWriter(w io.Writer) *Writer { return &Writer{enc: json.NewEncoder(w)} }

// Send writes one report, unless the last one went; errors are ignored,
// as there is no one left to tell when the runner is gone.
func (w *Writer) Send(r Report) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.done {
		_ = w.enc.Encode(r)
	}
}

// SendLast writes the report that ends the run (an exit, a panic, a
// deadlock…), after which Send writes nothing: the program's other
// goroutines run on until the process is gone, and a test one of them
// ends meanwhile must not be told after the end (the runner takes a
// report after the last for a sign of forged reports).
func (w *Writer) SendLast(r Report) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.done {
		_ = w.enc.Encode(r)
		w.done = true
	}
}

// A Race is a race report of the race detector, told in the program's
// terms: the interpreter's frames, which the detector sees, say nothing to
// a learner.
type Race struct {
	// Variable names what was raced on ("counter", "c.hits", "s[3]"), when
	// the engine could tell; Kind says what it is ("package-level
	// variable", "local variable of main.main", "struct field").
	Variable string `json:"variable,omitempty"`
	Kind     string `json:"kind,omitempty"`
	// Accesses are the two conflicting accesses, the later first.
	Accesses []RaceAccess `json:"accesses"`
	// Report is the report as the learner sees it.
	Report string `json:"report"`
	// Test is the test that was running, in a run of tests.
	Test string `json:"test,omitempty"`
}

// A RaceAccess is one side of a race.
type RaceAccess struct {
	Write bool `json:"write"`
	// Goroutine is the goroutine that made the access, numbered as panics,
	// deadlocks and the trace number it (main is 1); 0 when the race
	// detector could not say.
	Goroutine int `json:"goroutine"`
	// Lines are where the program makes such an access to the variable.
	Lines []Frame `json:"lines,omitempty"`
}

// A sync marker is what the engine writes on descriptor 2 of a race-enabled
// child, and reads back from FDRaceEcho, to know that every race report
// written before it has come back: at the end of each test, and before the
// child exits. It is one write, shorter than PIPE_BUF, so it arrives whole,
// though it may fall between two writes of one report; readers remove it
// from the stream before they split it into lines.
const syncPrefix = "\x00workbook-sync:"

// SyncMarker is the n-th sync marker. (Not with fmt: the engine writes it
// with its synchronisation hidden from the race detector, and fmt's pool
// of printers, shared with the program, would look raced.)
func SyncMarker(n int64) []byte {
	b := strconv.AppendInt([]byte(syncPrefix), n, 10)
	return append(b, 0)
}

// StripMarkers removes the complete sync markers from b, and returns what
// is left and the largest marker number removed (0 for none).
func StripMarkers(b []byte) ([]byte, int64) {
	var last int64
	for {
		i := bytes.Index(b, []byte(syncPrefix))
		if i < 0 {
			return b, last
		}
		j := bytes.IndexByte(b[i+len(syncPrefix):], 0)
		if j < 0 {
			return b, last // incomplete: more to come
		}
		num := b[i+len(syncPrefix) : i+len(syncPrefix)+j]
		if n, err := strconv.ParseInt(string(num), 10, 64); err == nil && n > last {
			last = n
		}
		b = append(b[:i], b[i+len(syncPrefix)+j+1:]...)
	}
}

// Text is the panic as the Go runtime prints it: the value, the
// goroutine's stack at the program's lines, and where it was started.
func (p *Panic) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "panic: %s\n\ngoroutine %d [running]:\n", p.Value, p.Goroutine)
	b.WriteString(p.StackText())
	b.WriteString(createdBy(p.Created, p.CreatedIn))
	return b.String()
}

// StackText is the panic's stack, a function and its line each.
func (p *Panic) StackText() string {
	var b strings.Builder
	for _, f := range p.Stack {
		fmt.Fprintf(&b, "%s(...)\n", f.Func)
		if f.File != "" {
			fmt.Fprintf(&b, "\t%s\n", f.Location())
		}
	}
	return b.String()
}

// Text is the deadlock as the Go runtime reports it: where each goroutine
// waits, and where it was started.
func (d *Deadlock) Text() string {
	var b strings.Builder
	if len(d.Goroutines) == 0 {
		b.WriteString("fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n")
	} else {
		b.WriteString("fatal error: all goroutines are asleep - deadlock!\n")
	}
	for _, g := range d.Goroutines {
		fmt.Fprintf(&b, "\ngoroutine %d [%s]:\n", g.ID, g.State)
		if f := g.Frame; f != nil {
			fmt.Fprintf(&b, "%s(...)\n\t%s\n", f.Func, f.Location())
		}
		b.WriteString(createdBy(g.Created, g.CreatedIn))
	}
	return b.String()
}

// createdBy is the "created by" line of a trace, as Go prints it.
func createdBy(f *Frame, parent int) string {
	if f == nil {
		return ""
	}
	return fmt.Sprintf("created by %s in goroutine %d\n\t%s\n", f.Func, parent, f.Location())
}

// A Trace is the timeline of a program: its goroutines, and the operations
// that may have blocked them, in nanoseconds since main began.
type Trace struct {
	Goroutines []TraceGoroutine `json:"goroutines"`
	Ops        []TraceOp        `json:"ops"`
	// Dropped counts the operations left out past the trace's bound.
	Dropped int `json:"dropped,omitempty"`
	// End is when the trace was taken: when the program ended.
	End int64 `json:"end"`
	// Start is when main (or a process's target) began, in Unix
	// nanoseconds: the clock that puts the processes of a run side by side.
	Start int64 `json:"start"`
	// Races are the races the race detector reported, when it did.
	Races []TraceRace `json:"races,omitempty"`
}

// A TraceRace is a race report in time: At is when the race detector
// began writing it, Variable what was raced on.
type TraceRace struct {
	At       int64  `json:"at"`
	Variable string `json:"variable,omitempty"`
	// Goroutines are the two that raced, the later access's first.
	Goroutines []int `json:"goroutines,omitempty"`
}

// A TraceGoroutine is one goroutine of the program. Its number is the one
// panic and deadlock reports give it (main is 1).
type TraceGoroutine struct {
	ID     int `json:"id"`
	Parent int `json:"parent,omitempty"`
	// Func is the function it runs; Created where the go statement is.
	Func    string `json:"func,omitempty"`
	Created *Frame `json:"created,omitempty"`
	// Spawned is when its go statement ran; Start when it first ran.
	Spawned int64 `json:"spawned"`
	Start   int64 `json:"start"`
	// End is -1 for a goroutine still there when the program ended.
	End int64 `json:"end"`
}

// A TraceOp is one operation that may block (see lower.Wait for Op and
// What): when goroutine G began it and when it returned (-1: never).
type TraceOp struct {
	G     int    `json:"g"`
	Op    string `json:"op"`
	What  string `json:"what,omitempty"`
	Made  int    `json:"made,omitempty"`
	File  string `json:"file,omitempty"`
	Line  int    `json:"line,omitempty"`
	Start int64  `json:"start"`
	End   int64  `json:"end"`
	// Chan tells the channel of a send or receive apart from others (0:
	// not known).
	Chan uint64 `json:"chan,omitempty"`
}
