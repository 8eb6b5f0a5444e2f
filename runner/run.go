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
	"slices"
	"sync"
	"syscall"
	"time"

	"golang.org/x/sys/unix"

	"workbook/internal/wire"
)

// A run is one child process running one program.
type run struct {
	ctx    context.Context
	pool   *Pool // nil for a run of its own
	prog   Program
	opts   Options
	limits Limits
	start  time.Time
	work   string
	proc   *proc
	cmd    *exec.Cmd
	pgid   int

	events   chan Event
	dispatch sync.WaitGroup
	readers  sync.WaitGroup
	exited   chan struct{}
	// said is closed when a child that closed its outputs reports that
	// the program exited (see wait); saidOnce guards it.
	said     chan struct{}
	saidOnce sync.Once
	// early is that report, when the run ended on it.
	early *wire.Report

	mu        sync.Mutex
	stopped   *LimitHit // why the runner killed the child, if it did
	canceled  bool
	outBytes  int64
	truncated bool
	reports   []wire.Report
	ready     time.Duration
	compiled  time.Duration
	sandbox   Sandbox
	runtime   runtimeLog // what the child's runtime said on its fd 2
	races     []Race
	// unexplained are the races the runner read that the engine did
	// not tell (decide.go).
	unexplained []Race
	trace       *Trace // the timeline, when asked for
	traceStart  int64  // when its main began, Unix nanoseconds
	tests       []TestResult
	running     []string // tests started and not finished, innermost last

	kids kids // the processes the program started with workbook/proc
	// counts is the run's goroutine count, mapped (wire.FDGoroutines).
	counts []byte
}

func newRun(ctx context.Context, prog Program, opts Options, pool *Pool) (*run, error) {
	r := &run{
		ctx:    ctx,
		pool:   pool,
		prog:   prog,
		opts:   opts,
		limits: opts.Limits.withDefaults(),
		start:  time.Now(),
		events: make(chan Event, 256),
		exited: make(chan struct{}),
		said:   make(chan struct{}),
	}
	var p *proc
	var err error
	if pool != nil {
		p, err = pool.get(opts.Race)
	} else {
		p, err = spawn(opts.Race, false)
	}
	if err != nil {
		return nil, err
	}
	r.proc = p
	r.cmd, r.work, r.pgid = p.cmd, p.work, p.cmd.Process.Pid
	r.sandbox.Network = p.netns
	if p.tmpfs && r.limits != (Limits{}.withDefaults()) {
		if err := resizeWork(p.work, r.limits); err != nil {
			p.discard()
			return nil, fmt.Errorf("runner: sizing the program's directory: %w", err)
		}
	}
	// The request goes first, the child's wait being the run's, and in
	// the background: a child may die before reading it, and the pipe
	// must not block the runner then.
	go func() {
		json.NewEncoder(p.request).Encode(r.request())
		p.request.Close()
	}()

	r.kids.slots[0] = true
	if mem, err := unix.Mmap(int(p.counts.Fd()), 0, 8*wire.GoroutineSlots, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_SHARED); err == nil {
		r.counts = mem
	}

	r.dispatch.Add(1)
	go r.dispatchEvents()
	go func() {
		if prog.Stdin != nil {
			io.Copy(p.stdin, prog.Stdin)
		}
		p.stdin.Close()
	}()

	r.readers.Add(5)
	go r.serveControl(p, &r.readers)
	go r.readOutput(p.stdout, KindStdout)
	go r.readOutput(p.stderr, KindStderr)
	go func() {
		defer r.readers.Done()
		r.runtime.read(p.runtimeErr, newEchoer(p.echo), nil)
	}()
	go r.readReports(p.reports)
	r.kids.sampler.Do(func() { go r.sample() })
	return r, nil
}

func (r *run) request() wire.Request {
	req := wire.Request{
		Slot:      1,
		Trace:     r.opts.Trace,
		Mode:      wire.RunMain,
		Args:      r.prog.Args,
		TestRun:   r.prog.TestRun,
		TestCount: r.prog.TestCount,
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
		req.Files = append(req.Files, wire.File{Name: f.Name, Src: string(f.Src), Hidden: f.Hidden})
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
	r.killKids()
}

// readOutput passes the program's output on, up to the output limit.
func (r *run) readOutput(f *os.File, kind Kind) {
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
			if r.proc.readyAt.IsZero() {
				r.proc.readyAt = time.Now()
			}
			r.ready = max(0, r.proc.readyAt.Sub(r.start))
			r.mu.Unlock()
		case wire.KindCompiled:
			r.mu.Lock()
			r.compiled = rep.Elapsed
			r.mu.Unlock()
		case wire.KindExit:
			r.exitSaid(rep)
		case wire.KindSandbox:
			r.mu.Lock()
			net := r.sandbox.Network
			r.sandbox = Sandbox(*rep.Sandbox)
			r.sandbox.Network = net
			sb := r.sandbox
			r.mu.Unlock()
			r.emit(Event{Kind: KindSandbox, Sandbox: &sb})
		case wire.KindCompile:
			r.emit(Event{Kind: KindCompile, Diagnostics: diagnostics(rep.Diagnostics)})
		case wire.KindPanic:
			r.emit(Event{Kind: KindPanic, Panic: panicOf(rep.Panic)})
		case wire.KindDeadlock:
			r.emit(Event{Kind: KindDeadlock, Deadlock: deadlockOf(rep.Deadlock)})
		case wire.KindLimit:
			r.emit(Event{Kind: KindLimit, Limit: &LimitHit{Name: rep.Limit.Name, Message: limitMessage(rep.Limit.Name, r.limits)}})
		case wire.KindRace:
			r.addRace(raceOf(rep.Race))
		case wire.KindTrace:
			if rep.Trace != nil {
				tr := traceOf(rep.Trace)
				r.mu.Lock()
				r.trace, r.traceStart = tr, rep.Trace.Start
				r.mu.Unlock()
			}
		case wire.KindTestRun:
			r.mu.Lock()
			r.running = append(r.running, rep.Test.Name)
			r.mu.Unlock()
			r.emit(Event{Kind: KindTestRun, Test: testOf(rep.Test)})
		case wire.KindTest:
			r.mu.Lock()
			r.tests = append(r.tests, *testOf(rep.Test))
			if i := slices.Index(r.running, rep.Test.Name); i >= 0 {
				r.running = slices.Delete(r.running, i, i+1)
			}
			r.mu.Unlock()
			r.emit(Event{Kind: KindTest, Test: testOf(rep.Test)})
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
	case "disk":
		return "disk limit of " + byteSize(l.Disk) + " exceeded by the program's files together"
	case "files":
		return fmt.Sprintf("file limit of %d files exceeded", l.Files)
	}
	return name + " limit exceeded"
}

// wait waits for the run to end and works out how it ended.
//
// A pooled run without the race detector ends when the child reports that
// the program exited: the child closes its outputs first (engine's
// closeOutputs), so the output is whole once the reports end, and the
// kernel's taking the child apart (1.5 to 2 ms of a 5 ms run on a small
// machine) happens while the caller reads the result. The exit status and
// the usage are then the child's own report; the child is killed, and
// reaped before its directory goes. A report is no more trusted for that
// than for any other verdict of a run without the race detector (a
// program that corrupts memory could send one, as it could call os.Exit).
// Other runs wait for the kernel's word.
func (r *run) wait() *Result {
	timer := time.NewTimer(r.limits.Time)
	defer timer.Stop()
	waitErr := make(chan error, 1)
	go func() { waitErr <- r.cmd.Wait() }()
	var err error
	var state *os.ProcessState // the kernel's word, when waited for
	reaped := true
	select {
	case err = <-waitErr:
		state = r.cmd.ProcessState
	case <-r.said:
		// The program ended; its processes go with it. A child that said
		// so and kept its outputs open is killed after a second.
		reaped = false
		r.killKids()
		read := make(chan struct{})
		go func() {
			r.readers.Wait()
			close(read)
		}()
		select {
		case <-read:
		case <-time.After(time.Second):
		}
	case <-timer.C:
		r.kill(&LimitHit{Name: "time", Message: limitMessage("time", r.limits)})
		err = <-waitErr
		state = r.cmd.ProcessState
	case <-r.ctx.Done():
		r.kill(nil)
		err = <-waitErr
		state = r.cmd.ProcessState
	}
	// Whatever the child left behind goes with it, and so do the processes
	// it started: they share its output, which ends when they do.
	syscall.Kill(-r.pgid, syscall.SIGKILL)
	close(r.exited)
	r.killKids()
	r.kids.wg.Wait()
	r.readers.Wait()
	if r.counts != nil {
		unix.Munmap(r.counts)
	}
	if r.proc.ownsCounts {
		r.proc.counts.Close()
	}
	res := r.result(err, state)
	for _, race := range r.unexplained {
		r.emit(Event{Kind: KindRace, Race: &race})
		r.emit(Event{Kind: KindStderr, Data: race.Report})
	}
	if res.Trace != nil {
		r.emit(Event{Kind: KindTrace, Trace: res.Trace})
	}
	r.emit(Event{Kind: KindExit, Exit: &res.Exit})
	close(r.events)
	r.dispatch.Wait()
	if r.pool != nil {
		// A pool's caller waits for no more than the result: the
		// directory goes while the learner reads it (Pool.Close waits).
		r.pool.removals.Add(1)
		go func() {
			defer r.pool.removals.Done()
			if !reaped {
				<-waitErr
			}
			removeAll(r.work)
		}()
	} else {
		removeAll(r.work)
	}
	return res
}

// exitSaid is called with each exit report: a pooled run without the race
// detector may end on it (wait).
func (r *run) exitSaid(rep wire.Report) {
	if r.pool == nil || r.opts.Race || rep.Usage == nil {
		return
	}
	r.saidOnce.Do(func() {
		r.mu.Lock()
		r.early = &rep
		r.mu.Unlock()
		close(r.said)
	})
}

// removeAll removes the program's directory, even where it took away its
// own permissions.
func removeAll(dir string) {
	unmountWork(dir)
	if os.RemoveAll(dir) == nil {
		return
	}
	filepathWalkChmod(dir)
	os.RemoveAll(dir)
}

var errNoExit = errors.New("no exit status")
