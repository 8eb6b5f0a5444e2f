package runner

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"sync/atomic"
	"time"

	"golang.org/x/sys/unix"

	"workbook/internal/wire"
)

// kernelLayers is off only in the runner's tests of the allowlist alone
// (wire.EnvNoKernelLayers): nothing outside this package can turn it off.
var kernelLayers = func() *atomic.Bool { var b atomic.Bool; b.Store(true); return &b }()

// A proc is a started sandbox child, waiting for its request.
type proc struct {
	cmd   *exec.Cmd
	work  string
	netns bool
	// tmpfs says the private directory is a tmpfs of its own (mountWork).
	tmpfs   bool
	readyAt time.Time // when it said it was ready, once known

	// The runner's ends of the child's descriptors. A child started for
	// workbook/proc has no stdin, stdout or stderr of its own: it writes
	// to those of the child that started it.
	stdin, request                      *os.File
	stdout, stderr, runtimeErr, reports *os.File
	control                             *net.UnixConn
	// echo, for a race-enabled child, passes what the runner reads on its
	// descriptor 2 back to it (FDRaceEcho; see runtime.go).
	echo *os.File
	// counts is the run's goroutine count (FDGoroutines): the run's first
	// child makes it, and every child started for workbook/proc shares it.
	counts     *os.File
	ownsCounts bool
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

// newControl makes the socket pair of a child's FDControl.
func newControl() (child *os.File, parent *net.UnixConn, err error) {
	fds, err := unix.Socketpair(unix.AF_UNIX, unix.SOCK_SEQPACKET|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return nil, nil, os.NewSyscallError("socketpair", err)
	}
	// A message must fit in the sender's buffer whole: make room for the
	// largest (the kernel may give less to a user without privileges,
	// which the engine is then told by a failed send, at once).
	for _, fd := range fds {
		if unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_SNDBUFFORCE, 2*wire.MaxControl) != nil {
			unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_SNDBUF, 2*wire.MaxControl)
		}
	}
	pf := os.NewFile(uintptr(fds[1]), "control")
	defer pf.Close()
	c, err := net.FileConn(pf)
	if err != nil {
		unix.Close(fds[0])
		return nil, nil, err
	}
	return os.NewFile(uintptr(fds[0]), "control"), c.(*net.UnixConn), nil
}

// newCounts makes the shared memory of a run's goroutine count: a slot
// for each process (wire.GoroutineSlots), all 0.
func newCounts() (*os.File, error) {
	fd, err := unix.MemfdCreate("workbook-goroutines", unix.MFD_CLOEXEC)
	if err != nil {
		return nil, os.NewSyscallError("memfd_create", err)
	}
	f := os.NewFile(uintptr(fd), "goroutines")
	if err := f.Truncate(8 * wire.GoroutineSlots); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// spawn starts a sandbox child in a directory of its own. A warm child
// prepares what most programs need (type information and symbol tables
// of the common packages) before it says it is ready: worth it when the
// child waits in a pool, not when a run waits for it.
func spawn(race, warm bool) (*proc, error) {
	return spawnChild(childSpec{race: race, warm: warm})
}

// A childSpec says how to start a child.
type childSpec struct {
	race, warm bool
	// For a child started for workbook/proc: the directory, the standard
	// output and error it shares with the child that started it, and the
	// files of its handles, given at FDHandles on.
	work           string
	stdout, stderr *os.File
	handles        []*os.File
	counts         *os.File
}

func spawnChild(spec childSpec) (*proc, error) {
	exe, err := childExecutable(spec.race)
	if err != nil {
		return nil, err
	}
	p := &proc{work: spec.work}
	owned := p.work == ""
	if owned {
		if p.work, err = os.MkdirTemp("", "workbook-run-*"); err != nil {
			return nil, fmt.Errorf("runner: creating the program's directory: %w", err)
		}
		// A child started as root runs the program as nobody
		// (engine.dropPrivileges), who must own its directory.
		if os.Geteuid() == 0 {
			p.tmpfs = mountWork(p.work, Limits{}.withDefaults())
			if err := os.Chown(p.work, wire.UnprivilegedID, wire.UnprivilegedID); err != nil {
				removeAll(p.work)
				return nil, fmt.Errorf("runner: giving the program's directory to the unprivileged user: %w", err)
			}
		}
	}
	cleanup := func() {
		if owned {
			removeAll(p.work)
		}
	}
	var stdin, stdout, stderr, runtimeErr, request, reports pipe
	pipes := []*pipe{&runtimeErr, &request, &reports}
	if spec.stdout == nil {
		pipes = append(pipes, &stdin, &stdout, &stderr)
	}
	for _, pp := range pipes {
		if *pp, err = newPipe(pp == &stdin || pp == &request); err != nil {
			for _, q := range pipes {
				if q.child != nil {
					q.child.Close()
					q.parent.Close()
				}
			}
			cleanup()
			return nil, fmt.Errorf("runner: %w", err)
		}
	}
	if spec.stdout != nil {
		stdout.child, stderr.child = spec.stdout, spec.stderr
	}
	controlChild, control, err := newControl()
	if err != nil {
		for _, pp := range pipes {
			pp.child.Close()
			pp.parent.Close()
		}
		cleanup()
		return nil, fmt.Errorf("runner: %w", err)
	}
	env := []string{
		wire.Env + "=" + wire.Version,
		"HOME=" + p.work,
		"TMPDIR=" + p.work,
		"PATH=/usr/bin:/bin",
	}
	if spec.warm {
		env = append(env, wire.EnvWarm+"=1")
	}
	if !kernelLayers.Load() {
		env = append(env, wire.EnvNoKernelLayers+"=1")
	}
	if os.Getenv("WORKBOOK_DEBUG") == "1" {
		env = append(env, "WORKBOOK_DEBUG=1")
	}
	if spec.race {
		// No second's sleep at exit; every report, not only the first.
		// And races told apart by address, not by stack: every race of
		// interpreted code is between the same few functions of the
		// interpreter, so the race detector, which reports a stack once,
		// would report a run's first race and none after it (a race in
		// one test would hide another's).
		env = append(env, "GORACE=atexit_sleep_ms=0 halt_on_error=0 history_size=2 suppress_equal_stacks=0")
	}
	var echo pipe
	if spec.race {
		if echo, err = newPipe(true); err != nil {
			for _, pp := range pipes {
				pp.child.Close()
				pp.parent.Close()
			}
			controlChild.Close()
			control.Close()
			cleanup()
			return nil, fmt.Errorf("runner: %w", err)
		}
	}
	counts, ownsCounts := spec.counts, false
	if counts == nil {
		if counts, err = newCounts(); err != nil {
			for _, pp := range pipes {
				pp.child.Close()
				pp.parent.Close()
			}
			controlChild.Close()
			control.Close()
			if echo.child != nil {
				echo.child.Close()
				echo.parent.Close()
			}
			cleanup()
			return nil, fmt.Errorf("runner: %w", err)
		}
		ownsCounts = true
	}
	p.counts, p.ownsCounts = counts, ownsCounts
	extra := append([]*os.File{request.child, reports.child, stderr.child, controlChild, echo.child, counts}, spec.handles...)
	cmd := func() *exec.Cmd {
		c := &exec.Cmd{
			Path:       exe,
			Args:       []string{"workbook-sandbox"},
			Env:        env,
			Dir:        p.work,
			Stdout:     stdout.child,
			Stderr:     runtimeErr.child,
			ExtraFiles: extra,
		}
		if stdin.child != nil {
			c.Stdin = stdin.child
		}
		return c
	}
	p.cmd, p.netns, err = startIsolated(cmd)
	for _, pp := range pipes {
		pp.child.Close()
	}
	controlChild.Close()
	if echo.child != nil {
		echo.child.Close()
	}
	if err != nil {
		for _, pp := range pipes {
			pp.parent.Close()
		}
		control.Close()
		if echo.parent != nil {
			echo.parent.Close()
		}
		if ownsCounts {
			counts.Close()
		}
		cleanup()
		return nil, fmt.Errorf("runner: starting the sandbox child: %w", err)
	}
	p.stdin, p.request = stdin.parent, request.parent
	p.stdout, p.stderr, p.runtimeErr, p.reports = stdout.parent, stderr.parent, runtimeErr.parent, reports.parent
	p.control, p.echo = control, echo.parent
	return p, nil
}

// discard kills a child that will not be used.
func (p *proc) discard() {
	p.cmd.Process.Kill()
	p.cmd.Wait()
	for _, f := range []*os.File{p.stdin, p.request, p.stdout, p.stderr, p.runtimeErr, p.reports} {
		if f != nil {
			f.Close()
		}
	}
	p.control.Close()
	if p.echo != nil {
		p.echo.Close()
	}
	if p.ownsCounts {
		p.counts.Close()
	}
	removeAll(p.work)
}

// waitReady waits for the child's first report, which says it is ready,
// and leaves the rest of the reports to the run.
func (c *proc) waitReady() error {
	br := bufio.NewReader(c.reports)
	line, err := br.ReadBytes('\n')
	if err != nil {
		return fmt.Errorf("runner: the sandbox child did not start: %w", err)
	}
	var rep wire.Report
	if json.Unmarshal(line, &rep) != nil || rep.Kind != wire.KindReady {
		return fmt.Errorf("runner: the sandbox child said %q before it was ready", line)
	}
	if br.Buffered() > 0 {
		return fmt.Errorf("runner: the sandbox child said more than it was asked")
	}
	c.readyAt = time.Now()
	return nil
}
