package engine

import (
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"reflect"
	"sync"
	"syscall"

	"github.com/traefik/yaegi/interp"
	"golang.org/x/sys/unix"

	"workbook/internal/procwire"
	"workbook/internal/wire"
)

// A program's processes (package workbook/proc) are the runner's to
// start: a sandboxed program may not start processes, so the engine asks
// the runner over FDControl (wire.Control messages, one per datagram) and
// the runner starts another child running the same program, which calls
// the function named in the request instead of main (runEntry). The
// runner answers each start with the new child's pid or an error, and
// says when a child ends; the engine passes the answers on to the
// goroutines waiting for them.

// procs starts processes for workbook/proc, through the runner.
type procs struct {
	conn *net.UnixConn

	mu      sync.Mutex
	nextID  int
	waiting map[int]chan wire.Control // start requests, by ID
	running map[int]*sandboxProcess   // by pid
}

// procStarter is what starts processes for proc in this child: the
// runner, or, when it gave no control socket, nobody.
func (c *child) procStarter() procwire.Starter {
	if p := newProcs(); p != nil {
		return p
	}
	return noProcs{}
}

// noProcs refuses to start processes.
type noProcs struct{}

var errNoProcs = errors.New("this run cannot start processes")

func (noProcs) Target(reflect.Value) (string, error) { return "", errNoProcs }
func (noProcs) Start(procwire.Entry, []*os.File) (procwire.Process, error) {
	return nil, errNoProcs
}

// newProcs connects to the runner's control socket and serves proc; nil
// when the runner gave none.
func newProcs() *procs {
	f := os.NewFile(wire.FDControl, "control")
	c, err := net.FileConn(f)
	f.Close()
	if err != nil {
		return nil
	}
	uc, ok := c.(*net.UnixConn)
	if !ok {
		c.Close()
		return nil
	}
	p := &procs{conn: uc, waiting: map[int]chan wire.Control{}, running: map[int]*sandboxProcess{}}
	go p.read()
	return p
}

// read passes on the runner's answers and news of processes that ended.
//
// The race detector sees this synchronisation: it orders what a goroutine
// did before it started a process before what a goroutine does after it
// joins one, which hides a race between the two only in a program that
// has both in different goroutines without ordering them itself. Hiding
// it instead would make the engine's own bookkeeping look racy.
func (p *procs) read() {
	buf := make([]byte, 64<<10)
	for {
		n, _, _, _, err := p.conn.ReadMsgUnix(buf, nil)
		if err != nil || n == 0 {
			return
		}
		var m wire.Control
		if json.Unmarshal(buf[:n], &m) != nil {
			continue
		}
		func() {
			p.mu.Lock()
			defer p.mu.Unlock()
			switch m.Op {
			case wire.OpStarted:
				if ch := p.waiting[m.ID]; ch != nil {
					delete(p.waiting, m.ID)
					if m.Error == "" {
						p.running[m.Pid] = &sandboxProcess{procs: p, pid: m.Pid, done: make(chan struct{})}
					}
					ch <- m
				}
			case wire.OpExited:
				if sp := p.running[m.Pid]; sp != nil {
					delete(p.running, m.Pid)
					sp.code = m.Code
					close(sp.done)
				}
			}
		}()
	}
}

func (p *procs) send(m wire.Control, files []int) error {
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	var oob []byte
	if len(files) > 0 {
		oob = unix.UnixRights(files...)
	}
	_, _, err = p.conn.WriteMsgUnix(b, oob, nil)
	return err
}

// Target names fn for the child, which looks it up by name.
func (p *procs) Target(fn reflect.Value) (string, error) {
	name, ok := interp.FuncName(fn)
	if !ok {
		return "", procwire.ErrNotTopLevel
	}
	return name, nil
}

// Start asks the runner for a child running e; the child's standard
// output and error are this one's.
func (p *procs) Start(e procwire.Entry, files []*os.File) (procwire.Process, error) {
	fds := []int{1, wire.FDStderr}
	for _, f := range files {
		fds = append(fds, int(f.Fd()))
	}
	if err := checkEntry(e); err != nil {
		return nil, err
	}
	ch := make(chan wire.Control, 1)
	p.mu.Lock()
	p.nextID++
	id := p.nextID
	p.waiting[id] = ch
	p.mu.Unlock()
	if err := p.send(wire.Control{Op: wire.OpStart, ID: id, Entry: &e}, fds); err != nil {
		p.mu.Lock()
		delete(p.waiting, id)
		p.mu.Unlock()
		return nil, fmt.Errorf("asking the runner: %w", err)
	}
	m := <-ch
	if m.Error != "" {
		return nil, errors.New(m.Error)
	}
	p.mu.Lock()
	sp := p.running[m.Pid]
	p.mu.Unlock()
	if sp == nil {
		// Gone already: the news came before this goroutine woke.
		sp = &sandboxProcess{procs: p, pid: m.Pid, done: closedChan}
	}
	return sp, nil
}

// maxArgs is the most the arguments of a new process may take: a start
// request must fit in one control message, with room for the rest of it.
const maxArgs = wire.MaxControl - 4<<10

// checkEntry says why the runner cannot be asked to start e, if it cannot.
func checkEntry(e procwire.Entry) error {
	if n := len(e.Args); n > maxArgs {
		return fmt.Errorf("the arguments take %d KB, and a new process can be given at most %d KB: send big data through a proc.Queue or a proc.Pipe instead", n>>10, maxArgs>>10)
	}
	return nil
}

var closedChan = func() chan struct{} { c := make(chan struct{}); close(c); return c }()

// A sandboxProcess is a child the runner started for this one.
type sandboxProcess struct {
	procs *procs
	pid   int
	done  chan struct{}
	code  int
}

func (sp *sandboxProcess) Pid() int { return sp.pid }

func (sp *sandboxProcess) Wait() int {
	<-sp.done
	sp.procs.mu.Lock()
	defer sp.procs.mu.Unlock()
	return sp.code
}

func (sp *sandboxProcess) Signal(sig syscall.Signal) error {
	select {
	case <-sp.done:
		return os.ErrProcessDone
	default:
	}
	return sp.procs.send(wire.Control{Op: wire.OpSignal, Pid: sp.pid, Signal: int(sig)}, nil)
}

// getppid is os.Getppid: in a child started for workbook/proc, the pid of
// the program's process that started it, not the runner's.
func (c *child) getppid() int {
	if c.req.ParentPid != 0 {
		return c.req.ParentPid
	}
	return os.Getppid()
}

// runEntry runs the function the runner started this child for, after
// the program's initialization, in place of main.
func (c *child) runEntry(i *interp.Interpreter) {
	e := c.req.Entry
	for k := range e.Files {
		procwire.Files = append(procwire.Files, os.NewFile(uintptr(wire.FDHandles+k), "handle"))
	}
	c.onMain(func() (code int) {
		defer func() {
			if r := recover(); r != nil {
				c.panicked(1, r)
			}
		}()
		if err := i.RunCompiled(); err != nil {
			c.mainFailed(err)
		}
		fn, ok := i.CompiledFunc(e.Target)
		if !ok {
			c.internal(fmt.Errorf("proc: the program has no function %s", e.Target))
		}
		code, err := procwire.Call(fn, *e)
		if err != nil {
			fmt.Fprintf(c.stderr, "proc: %v\n", err)
			code = 1
		}
		return code
	})
}
