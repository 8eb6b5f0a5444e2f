// Package engine is the sandbox child: the workbook binary re-executed by
// the runner to check, lower and interpret one program, inside the limits
// and protections the kernel offers, reporting on the channels described in
// package wire.
//
// Its life is short and linear: start, say ready, read the request, apply
// the resource limits, check and lower the program (package lower), close
// the sandbox (Landlock, seccomp), compile with yaegi, run, report how the
// program ended, exit. A child never runs a second program.
package engine

import (
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"os"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/traefik/yaegi/interp"
	"golang.org/x/sys/unix"

	"workbook/internal/lower"
	"workbook/internal/procwire"
	"workbook/internal/wire"
)

// runtimeStderr keeps descriptor 2 open; see Main.
var runtimeStderr *os.File

// IsChild reports whether this process was started as a sandbox child.
func IsChild() bool { return os.Getenv(wire.Env) != "" }

// A child holds the state of the one run of a sandbox child.
type child struct {
	report     *wire.Writer
	reportFile *os.File
	stdout     *os.File
	stderr     *os.File
	req        wire.Request
	prog       *lower.Program
	interp     *interp.Interpreter
	work       string // the private working directory
	files      *confined
	env        *environ
	limits     wire.Limits
	sandbox    wire.Sandbox // the kernel's layers, closed before the request
	// lockFilter is the seccomp filter that keeps the request's limits.
	lockFilter []unix.SockFilter
	monitor    *monitor
	procs      *procs // what serves workbook/proc, when the runner allows it
	races      *raceReader
	// raceIDs maps the race detector's goroutine numbers to the
	// runtime's, as the race reader learns them (raceGoroutine).
	raceIDs map[int]int
	trace   *tracer  // when the request asks for the timeline
	tests   *testLog // in a run of tests
	// compiled is closed once the program is compiled: the race reader
	// reads what the compiler built only after (a happens-before edge that
	// precedes the program, so it hides none of its races).
	compiled chan struct{}

	exitOnce sync.Once
	exitCode atomic.Int32 // the code of the first end
}

// Main runs the child and exits; it never returns.
func Main() {
	smallThreadStacks()
	if v := os.Getenv(wire.Env); v != wire.Version {
		fmt.Fprintf(os.Stderr, "workbook: sandbox child of protocol %q started by a runner of protocol %q\n", wire.Version, v)
		os.Exit(70)
	}
	reports := os.NewFile(wire.FDReport, "report")
	c := &child{
		report:     wire.NewWriter(reports),
		reportFile: reports,
		stdout:     os.Stdout,
		stderr:     os.NewFile(wire.FDStderr, "/dev/stderr"),
		compiled:   make(chan struct{}),
	}
	// Compiled library code that writes to os.Stderr (the log package's
	// default logger among it) writes to the program's standard error:
	// descriptor 2 is reserved for the Go runtime's own messages.
	// The *os.File of descriptor 2 must stay referenced: its finalizer
	// would close the runtime's descriptor.
	runtimeStderr = os.Stderr
	os.Stderr = c.stderr
	log.SetOutput(c.stderr)

	c.readRaces()
	if os.Getenv(wire.EnvWarm) == "1" {
		warm()
	}
	c.prepare()
	c.report.Send(wire.Report{Kind: wire.KindReady})
	if err := json.NewDecoder(os.NewFile(wire.FDRequest, "request")).Decode(&c.req); err != nil {
		c.internal(fmt.Errorf("reading the request: %w", err))
	}
	c.limits = withDefaults(c.req.Limits)
	c.run()
}

// prepare confines the child to its working directory and closes the
// kernel's layers of the sandbox: all that needs no request, so that a
// warm child has done it before its program comes.
func (c *child) prepare() {
	wd, err := os.Getwd()
	if err != nil {
		c.internal(err)
	}
	c.work = wd
	if c.files, err = confine(wd); err != nil {
		c.internal(err)
	}
	c.env = newEnviron(wd)
	c.sandbox = closeSandbox(wd)
	c.lockFilter = assembleFilter(limitsFilter())
}

func (c *child) internal(err error) {
	c.end(70, nil, wire.Report{Kind: wire.KindInternal, Message: err.Error()})
}

func (c *child) run() {
	sb := c.sandbox
	sb.Rlimits = applyLimits(c.limits)
	sb = lockLimits(sb, c.lockFilter)
	start := time.Now()
	files := make([]lower.File, len(c.req.Files))
	for i, f := range c.req.Files {
		files[i] = lower.File{Name: f.Name, Src: []byte(f.Src)}
	}
	mode := lower.Run
	if c.req.Mode == wire.RunTests {
		mode = lower.Test
	}
	prog, err := lower.Lower(files, mode|lower.ChildIf(c.req.Entry != nil))
	if err != nil {
		c.compileError(err)
	}
	c.prog = prog
	sb.Allowlist = true
	c.report.Send(wire.Report{Kind: wire.KindSandbox, Sandbox: &sb})

	c.monitor = newMonitor(c)
	if c.req.Trace {
		c.trace = newTracer(c)
	}
	if c.req.Mode == wire.RunTests && c.req.Entry == nil {
		c.tests = c.newTestLog()
	}
	i, err := c.compile()
	if err != nil {
		c.compileError(err)
	}
	c.interp = i
	close(c.compiled)
	c.report.Send(wire.Report{Kind: wire.KindCompiled, Elapsed: time.Since(start)})

	procwire.Sandbox = c.procStarter()
	c.procs, _ = procwire.Sandbox.(*procs)
	c.trace.begin()
	switch {
	case c.req.Entry != nil:
		c.runEntry(i)
	case c.req.Mode == wire.RunTests:
		c.runTests(i)
	default:
		c.runMain(i)
	}
}

// compileError reports diagnostics and exits 1, as go run does when the
// build fails.
func (c *child) compileError(err error) {
	var diags []wire.Diagnostic
	var list lower.Errors
	if errors.As(err, &list) {
		for _, e := range list {
			d := wire.Diagnostic{File: e.Pos.Filename, Line: e.Pos.Line, Column: e.Pos.Column, Message: e.Msg}
			if file, line := c.place(d.File, d.Line); line == 0 && file != d.File {
				d.File, d.Line, d.Column = file, 0, 0
			}
			diags = append(diags, d)
		}
	} else {
		diags = append(diags, wire.Diagnostic{Message: err.Error()})
	}
	c.end(1, nil, wire.Report{Kind: wire.KindCompile, Diagnostics: diags})
}

// compile builds the interpreter and compiles the lowered program.
func (c *child) compile() (i *interp.Interpreter, err error) {
	src := map[string][]byte{}
	for _, f := range c.prog.Files {
		src[progDir+"/"+f.Name] = f.Src
	}
	args := append([]string{"/tmp/go-build/exe/" + strings.TrimSuffix(firstName(c.req.Files), ".go")}, c.req.Args...)
	opts := interp.Options{
		GoPath:               ".",
		SourcecodeFilesystem: newSourceFS(src),
		Stdin:                os.Stdin,
		Stdout:               c.stdout,
		Stderr:               c.stderr,
		Args:                 args,
		Env:                  []string{},
		GoStart:              c.monitor.goStart,
		At:                   c.monitor.at,
		TrackVariables:       raceEnabled,
		Unobserved:           unobserved,
		Checked:              true,
	}
	if c.trace != nil {
		opts.Trace = c.trace.hook
	}
	i = interp.New(opts)
	syms := c.symbols()
	if err := i.Use(syms); err != nil {
		return nil, err
	}
	if err := c.useOverrides(i, syms); err != nil {
		return nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			err = c.interpreterFailure(r)
		}
	}()
	// Without main: tests, and a child started by proc, call what they run.
	err = i.CompilePackage("./"+progDir, c.req.Mode == wire.RunTests || c.req.Entry != nil)
	return i, c.mapError(err)
}

func firstName(files []wire.File) string {
	if len(files) == 0 {
		return "main.go"
	}
	return files[0].Name
}

// runMain runs func main as the program's main goroutine.
func (c *child) runMain(i *interp.Interpreter) {
	c.onMain(func() int {
		if err := i.RunCompiled(); err != nil {
			c.mainFailed(err)
		}
		return 0
	})
}

// onMain runs run as the program's main goroutine: on a goroutine of its
// own, so that a runtime.Goexit in it ends that goroutine and not the
// child. The child then exits with the code run returns.
func (c *child) onMain(run func() int) {
	done := make(chan int, 1)
	c.monitor.start()
	go func() {
		c.monitor.enterMain()
		returned := false
		defer func() {
			if !returned {
				// runtime.Goexit: main is gone, the others go on.
				c.monitor.mainGoexit()
			}
		}()
		var code int
		spell(c.monitor.mainID(), func() { code = run() })
		returned = true
		done <- code
	}()
	c.exit(<-done)
}

// mainFailed reports what RunCompiled returned: a panic of main.
func (c *child) mainFailed(err error) {
	var p interp.Panic
	if errors.As(err, &p) {
		c.panicked(1, p.Value)
	}
	c.panicked(1, err)
}

// exit ends the program with code, as os.Exit does.
func (c *child) exit(code int) {
	c.end(code, nil, wire.Report{Kind: wire.KindExit, Code: code})
}

// end ends the child with code, once: the race reports written so far are
// told, stderr (what the program must still say) is written, the program's
// output read, and rep sent. Whatever else ends the program meanwhile (a
// panic in another goroutine as main returns) exits with the first end's
// code, so that the status agrees with the report the runner got.
func (c *child) end(code int, stderr []byte, rep wire.Report) {
	c.exitOnce.Do(func() {
		c.races.flush()
		if len(stderr) > 0 {
			c.stderr.Write(stderr)
		}
		c.tests.flush()
		if c.trace != nil {
			c.report.Send(wire.Report{Kind: wire.KindTrace, Trace: c.trace.report(rep.Kind == wire.KindExit)})
		}
		if rep.Kind == wire.KindExit && !raceEnabled {
			rep.Usage = usage()
			c.closeOutputs()
		}
		c.report.SendLast(rep)
		if rep.Usage != nil {
			c.reportFile.Close()
		}
		c.exitCode.Store(int32(code))
	})
	os.Exit(int(c.exitCode.Load()))
}

// closeOutputs closes every descriptor the runner reads but the reports,
// before a child without the race detector tells it that the program
// exited: the runner then has all of the run once it has the report, and
// need not wait for the kernel to take the child apart, which takes as
// long as compiling and running a small program. With the race detector,
// the runtime still has its say at exit (exit status 66), and the runner
// waits for the exit.
func (c *child) closeOutputs() {
	c.stdout.Close()
	c.stderr.Close()
	if c.procs != nil {
		c.procs.conn.Close()
	}
	runtimeStderr.Close()
}

// usage is what the child used until now.
func usage() *wire.Usage {
	var ru unix.Rusage
	if unix.Getrusage(unix.RUSAGE_SELF, &ru) != nil {
		return nil
	}
	return &wire.Usage{MaxRSS: ru.Maxrss * 1024, CPU: time.Duration(ru.Utime.Nano() + ru.Stime.Nano())}
}

// osExit is os.Exit. In a test, os.Exit(0) panics, as go test has it: a
// test that ends the program with success must not pass for one.
func (c *child) osExit(code int) {
	if code == 0 && c.tests.running() != "" {
		panic("unexpected call to os.Exit(0) during test")
	}
	c.exit(code)
}

// unobserved runs f with its synchronisation hidden from the race detector.
func unobserved(f func()) {
	raceDisable()
	defer raceEnable()
	f()
}

func withDefaults(l wire.Limits) wire.Limits {
	if l.CPU <= 0 {
		l.CPU = 10 * time.Second
	}
	if l.Memory <= 0 {
		l.Memory = 512 << 20
	}
	if l.FileSize <= 0 {
		l.FileSize = 16 << 20
	}
	if l.OpenFiles <= 0 {
		l.OpenFiles = 256
	}
	if l.Goroutines <= 0 {
		l.Goroutines = 20000
	}
	if l.Threads <= 0 {
		l.Threads = 256
	}
	return l
}

// applyLimits sets the OS limits on this process. It reports whether all
// could be set.
func applyLimits(l wire.Limits) bool {
	ok := setRlimits(l)
	debug.SetMaxThreads(l.Threads)
	// A soft memory limit a little under the hard one makes the collector
	// work harder before the kernel refuses memory.
	debug.SetMemoryLimit(l.Memory / 10 * 8)
	// Interpreted recursion grows the host stack fast: a program that
	// recurses without end should fail as a stack overflow, well before
	// it exhausts the memory limit.
	debug.SetMaxStack(int(min(l.Memory/4, 256<<20)))
	return ok
}
