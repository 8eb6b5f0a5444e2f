package runner

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"time"

	"workbook/internal/wire"
)

// A run is one child process running one program.
type run struct {
	ctx    context.Context
	prog   Program
	opts   Options
	limits Limits
	start  time.Time
	work   string
	cmd    *exec.Cmd
	pgid   int

	events   chan Event
	dispatch sync.WaitGroup
	readers  sync.WaitGroup
	exited   chan struct{}

	mu        sync.Mutex
	stopped   *LimitHit // why the runner killed the child, if it did
	canceled  bool
	outBytes  int64
	truncated bool
	reports   []wire.Report
	ready     time.Duration
	compiled  time.Duration
	sandbox   Sandbox
	runtime   strings.Builder // the child's fd 2, minus race reports
	races     []Race
	tests     []TestResult
}

// pipe is one pipe to or from the child: the end the child gets and the
// end the runner keeps.
type pipe struct{ child, parent *os.File }

func newPipe(toChild bool) (pipe, error) {
	r, w, err := os.Pipe()
	if err != nil {
		return pipe{}, err
	}
	if toChild {
		return pipe{child: r, parent: w}, nil
	}
	return pipe{child: w, parent: r}, nil
}

func newRun(ctx context.Context, prog Program, opts Options) (*run, error) {
	r := &run{
		ctx:    ctx,
		prog:   prog,
		opts:   opts,
		limits: opts.Limits.withDefaults(),
		start:  time.Now(),
		events: make(chan Event, 256),
		exited: make(chan struct{}),
	}
	exe, err := childExecutable(opts.Race)
	if err != nil {
		return nil, err
	}
	if r.work, err = os.MkdirTemp("", "workbook-run-*"); err != nil {
		return nil, fmt.Errorf("runner: creating the program's directory: %w", err)
	}
	var stdout, stderr, runtimeErr, request, reports pipe
	for _, p := range []struct {
		p       *pipe
		toChild bool
	}{{&stdout, false}, {&stderr, false}, {&runtimeErr, false}, {&request, true}, {&reports, false}} {
		if *p.p, err = newPipe(p.toChild); err != nil {
			os.RemoveAll(r.work)
			return nil, fmt.Errorf("runner: %w", err)
		}
	}
	var stdin *os.File
	var stdinPipe pipe
	if prog.Stdin != nil {
		if stdinPipe, err = newPipe(true); err != nil {
			os.RemoveAll(r.work)
			return nil, fmt.Errorf("runner: %w", err)
		}
		stdin = stdinPipe.child
	}

	env := []string{
		wire.Env + "=" + wire.Version,
		"HOME=" + r.work,
		"TMPDIR=" + r.work,
		"PATH=/usr/bin:/bin",
	}
	if os.Getenv("WORKBOOK_DEBUG") == "1" {
		env = append(env, "WORKBOOK_DEBUG=1")
	}
	if opts.Race {
		// No second's sleep at exit; every report, not only the first.
		env = append(env, "GORACE=atexit_sleep_ms=0 halt_on_error=0 history_size=2")
	}
	r.cmd = &exec.Cmd{
		Path:       exe,
		Args:       []string{"workbook-sandbox"},
		Env:        env,
		Dir:        r.work,
		Stdin:      stdin,
		Stdout:     stdout.child,
		Stderr:     runtimeErr.child,
		ExtraFiles: []*os.File{request.child, reports.child, stderr.child},
	}
	r.sandbox.Network, err = startIsolated(r.cmd)
	for _, p := range []pipe{stdout, stderr, runtimeErr, request, reports} {
		p.child.Close()
	}
	if stdin != nil {
		stdin.Close()
	}
	if err != nil {
		for _, p := range []pipe{stdout, stderr, runtimeErr, request, reports} {
			p.parent.Close()
		}
		os.RemoveAll(r.work)
		return nil, fmt.Errorf("runner: starting the sandbox child: %w", err)
	}
	r.pgid = r.cmd.Process.Pid

	r.dispatch.Add(1)
	go r.dispatchEvents()

	// The request goes in the background: a child may die before reading
	// it, and the pipe must not block the runner then.
	go func() {
		json.NewEncoder(request.parent).Encode(r.request())
		request.parent.Close()
	}()
	if stdin != nil {
		go func() {
			io.Copy(stdinPipe.parent, prog.Stdin)
			stdinPipe.parent.Close()
		}()
	}

	r.readers.Add(4)
	go r.readOutput(stdout.parent, KindStdout)
	go r.readOutput(stderr.parent, KindStderr)
	go r.readRuntime(runtimeErr.parent)
	go r.readReports(reports.parent)
	return r, nil
}

func (r *run) request() wire.Request {
	req := wire.Request{
		Mode:    wire.RunMain,
		Args:    r.prog.Args,
		TestRun: r.prog.TestRun,
		Limits: wire.Limits{
			CPU:        r.limits.CPU,
			Memory:     r.limits.Memory,
			FileSize:   r.limits.FileSize,
			OpenFiles:  r.limits.OpenFiles,
			Goroutines: r.limits.Goroutines,
		},
	}
	if r.prog.Test {
		req.Mode = wire.RunTests
	}
	for _, f := range r.prog.Files {
		req.Files = append(req.Files, wire.File{Name: f.Name, Src: string(f.Src)})
	}
	return req
}

func (r *run) since() float64 {
	return float64(time.Since(r.start).Microseconds()) / 1000
}

func (r *run) emit(e Event) {
	e.MS = r.since()
	r.events <- e
}

func (r *run) dispatchEvents() {
	defer r.dispatch.Done()
	for e := range r.events {
		if r.opts.Events != nil {
			r.opts.Events(e)
		}
	}
}

// kill stops the child's whole process group, for the given reason unless
// one was given already.
func (r *run) kill(why *LimitHit) {
	r.mu.Lock()
	if r.stopped == nil && !r.canceled {
		if why != nil {
			r.stopped = why
		} else {
			r.canceled = true
		}
	}
	r.mu.Unlock()
	syscall.Kill(-r.pgid, syscall.SIGKILL)
}

// readOutput passes the program's output on, up to the output limit.
func (r *run) readOutput(f *os.File, kind string) {
	defer r.readers.Done()
	defer f.Close()
	buf := make([]byte, 32<<10)
	for {
		n, err := f.Read(buf)
		if n > 0 {
			r.mu.Lock()
			allowed := r.limits.Output - r.outBytes
			if allowed < 0 {
				allowed = 0
			}
			keep := int64(n)
			if keep > allowed {
				keep = allowed
				r.truncated = true
			}
			r.outBytes += keep
			over := r.truncated
			r.mu.Unlock()
			if keep > 0 {
				r.emit(Event{Kind: kind, Data: string(buf[:keep])})
			}
			if over {
				r.kill(&LimitHit{Name: "output", Message: "output truncated at " + byteSize(r.limits.Output)})
				io.Copy(io.Discard, f)
				return
			}
		}
		if err != nil {
			return
		}
	}
}

// readReports reads the child's reports.
func (r *run) readReports(f *os.File) {
	defer r.readers.Done()
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	for sc.Scan() {
		var rep wire.Report
		if err := json.Unmarshal(sc.Bytes(), &rep); err != nil {
			continue
		}
		r.mu.Lock()
		r.reports = append(r.reports, rep)
		r.mu.Unlock()
		switch rep.Kind {
		case wire.KindReady:
			r.mu.Lock()
			r.ready = time.Since(r.start)
			r.mu.Unlock()
		case wire.KindCompiled:
			r.mu.Lock()
			r.compiled = rep.Elapsed
			r.mu.Unlock()
		case wire.KindSandbox:
			r.mu.Lock()
			net := r.sandbox.Network
			r.sandbox = *rep.Sandbox
			r.sandbox.Network = net
			sb := r.sandbox
			r.mu.Unlock()
			r.emit(Event{Kind: KindSandbox, Sandbox: &sb})
		case wire.KindCompile:
			r.emit(Event{Kind: KindCompile, Diagnostics: rep.Diagnostics})
		case wire.KindPanic:
			r.emit(Event{Kind: KindPanic, Panic: rep.Panic})
		case wire.KindDeadlock:
			r.emit(Event{Kind: KindDeadlock, Deadlock: rep.Deadlock})
		case wire.KindLimit:
			r.emit(Event{Kind: KindLimit, Limit: &LimitHit{Name: rep.Limit.Name, Message: limitMessage(rep.Limit.Name, r.limits)}})
		case wire.KindRace:
			r.addRace(Race{Variable: rep.Race.Variable, Kind: rep.Race.Kind, Accesses: rep.Race.Accesses, Report: rep.Race.Report})
		case wire.KindTest:
			r.mu.Lock()
			r.tests = append(r.tests, *rep.Test)
			r.mu.Unlock()
			r.emit(Event{Kind: KindTest, Test: rep.Test})
		}
	}
}

// limitMessage says in words which limit was exceeded.
func limitMessage(name string, l Limits) string {
	switch name {
	case "time":
		return fmt.Sprintf("time limit of %v exceeded", l.Time)
	case "cpu":
		return fmt.Sprintf("CPU time limit of %v exceeded", l.CPU)
	case "memory":
		return "memory limit of " + byteSize(l.Memory) + " exceeded"
	case "output":
		return "output truncated at " + byteSize(l.Output)
	case "goroutines":
		return fmt.Sprintf("goroutine limit of %d exceeded", l.Goroutines)
	case "threads":
		return "thread limit exceeded"
	}
	return name + " limit exceeded"
}

// wait waits for the run to end and works out how it ended.
func (r *run) wait() *Result {
	timer := time.NewTimer(r.limits.Time)
	defer timer.Stop()
	waitErr := make(chan error, 1)
	go func() { waitErr <- r.cmd.Wait() }()
	var err error
	select {
	case err = <-waitErr:
	case <-timer.C:
		r.kill(&LimitHit{Name: "time", Message: limitMessage("time", r.limits)})
		err = <-waitErr
	case <-r.ctx.Done():
		r.kill(nil)
		err = <-waitErr
	}
	// Whatever the child left behind goes with it.
	syscall.Kill(-r.pgid, syscall.SIGKILL)
	r.readers.Wait()
	res := r.result(err)
	r.emit(Event{Kind: KindExit, Exit: &res.Exit})
	close(r.events)
	r.dispatch.Wait()
	removeAll(r.work)
	return res
}

// removeAll removes the program's directory, even where it took away its
// own permissions.
func removeAll(dir string) {
	if os.RemoveAll(dir) == nil {
		return
	}
	filepathWalkChmod(dir)
	os.RemoveAll(dir)
}

var errNoExit = errors.New("no exit status")
