package proc

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"unsafe"

	"workbook/internal/procwire"
)

// Outside the sandbox, proc starts a process by running the program's own
// executable again, with procwire.Env set, the entry on descriptor 3 and
// the handles' files after it. The new process takes over in this
// package's init, calls the target and exits: before the packages that
// import proc are initialized, so their package-level variables hold only
// what the compiler laid out in the binary. (The workbook's sandbox gives
// its child the same, as doc.go says: see internal/lower's mode Child.)
func init() {
	if os.Getenv(procwire.Env) != "" {
		os.Exit(childMain())
	}
}

// localStarter starts processes by re-executing the program.
type localStarter struct{}

var local procwire.Starter = &localStarter{}

// anchor is the function and type the new process finds its target from:
// code and types lie at the same distances from them in every run of one
// executable.
func anchor() {}

func (*localStarter) Target(fn reflect.Value) (string, error) {
	f := runtime.FuncForPC(fn.Pointer())
	if f == nil {
		return "", procwire.ErrNotTopLevel
	}
	name := f.Name()
	// A top-level function is pkgpath.Name; closures are main.main.func1,
	// method values end in -fm.
	dot := strings.LastIndexByte(name, '/') + 1
	if strings.Count(name[dot:], ".") != 1 || strings.ContainsAny(name, "-[(*") || f.Entry() != fn.Pointer() {
		return "", procwire.ErrNotTopLevel
	}
	return name, nil
}

// locate records where the new process finds the target.
func (*localStarter) locate(e *procwire.Entry, fn reflect.Value) error {
	e.FuncOffset = int64(fn.Pointer()) - int64(reflect.ValueOf(anchor).Pointer())
	e.TypeOffset = int64(typePtr(fn.Type())) - int64(typePtr(reflect.TypeOf(anchor)))
	e.Type = fn.Type().String()
	return nil
}

// typePtr is the address of the runtime's descriptor of t.
func typePtr(t reflect.Type) uintptr {
	return (*[2]uintptr)(unsafe.Pointer(&t))[1]
}

// typeAt is the type whose descriptor is at p.
func typeAt(p uintptr) reflect.Type {
	var x any
	(*[2]uintptr)(unsafe.Pointer(&x))[0] = p
	return reflect.TypeOf(x)
}

// funcAt is the function of type t whose code starts at pc.
func funcAt(t reflect.Type, pc uintptr) reflect.Value {
	fv := &struct{ fn uintptr }{pc} // a function value: its code, no closure
	p := unsafe.Pointer(fv)
	return reflect.NewAt(t, unsafe.Pointer(&p)).Elem()
}

func (*localStarter) Start(e procwire.Entry, files []*os.File) (procwire.Process, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	r, w, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), procwire.Env+"="+procwire.Version)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	cmd.ExtraFiles = append([]*os.File{r}, files...)
	// The new process dies with this one: a process started by proc never
	// outlives the program.
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := startLocked(cmd); err != nil {
		w.Close()
		return nil, err
	}
	go func() {
		json.NewEncoder(w).Encode(e)
		w.Close()
	}()
	return &localProcess{cmd: cmd}, nil
}

// startLocked starts cmd from one OS thread that never ends: the kernel
// sends the parent-death signal when the thread that started a process
// ends, not the process, and Go may end an idle thread.
func startLocked(cmd *exec.Cmd) error {
	spawner.once.Do(func() {
		spawner.reqs = make(chan *exec.Cmd)
		spawner.errs = make(chan error)
		go func() {
			runtime.LockOSThread()
			for c := range spawner.reqs {
				spawner.errs <- c.Start()
			}
		}()
	})
	spawner.mu.Lock()
	defer spawner.mu.Unlock()
	spawner.reqs <- cmd
	return <-spawner.errs
}

var spawner struct {
	once sync.Once
	mu   sync.Mutex
	reqs chan *exec.Cmd
	errs chan error
}

type localProcess struct{ cmd *exec.Cmd }

func (p *localProcess) Pid() int { return p.cmd.Process.Pid }

func (p *localProcess) Wait() int {
	p.cmd.Wait()
	ws := p.cmd.ProcessState.Sys().(syscall.WaitStatus)
	if ws.Signaled() {
		return -int(ws.Signal())
	}
	return ws.ExitStatus()
}

func (p *localProcess) Signal(sig syscall.Signal) error { return p.cmd.Process.Signal(sig) }

// childMain runs the entry of a process proc started, and returns its
// exit code.
func childMain() int {
	os.Unsetenv(procwire.Env)
	fail := func(format string, args ...any) int {
		fmt.Fprintf(os.Stderr, "proc: "+format+"\n", args...)
		return 70
	}
	var e procwire.Entry
	if err := json.NewDecoder(os.NewFile(3, "entry")).Decode(&e); err != nil {
		return fail("reading what to run: %v", err)
	}
	for i := range e.Files {
		procwire.Files = append(procwire.Files, os.NewFile(uintptr(4+i), "handle"))
	}
	// The function first: finding it by name where it was proves this is
	// the same executable, and so that the type is where it was too.
	pc := uintptr(int64(reflect.ValueOf(anchor).Pointer()) + e.FuncOffset)
	if f := runtime.FuncForPC(pc); f == nil || f.Name() != e.Target || f.Entry() != pc {
		return fail("%s is not where it was in the process that started this one: is it the same executable?", e.Target)
	}
	t := typeAt(uintptr(int64(typePtr(reflect.TypeOf(anchor))) + e.TypeOffset))
	if t.Kind() != reflect.Func || t.String() != e.Type {
		return fail("the type of %s is not where it was in the process that started this one", e.Target)
	}
	code, err := procwire.Call(funcAt(t, pc), e)
	if err != nil {
		return fail("%v", err)
	}
	return code
}
