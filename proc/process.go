package proc

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"sync"
	"syscall"

	"workbook/internal/procwire"
)

// A Process runs one function of the program in a new OS process: the
// Process(target=…, args=…) of Python's multiprocessing.
type Process struct {
	target any
	args   []any

	mu      sync.Mutex
	started bool
	proc    procwire.Process
	pid     int
	done    chan struct{}
	code    int
}

// New returns a process that, once started, calls target(args...) in a new
// OS process and ends when target returns.
//
// target is a function declared at the top level of the program: the new
// process starts the program afresh and calls the function by name, so a
// function literal, which could see variables of the process that made it,
// cannot be one. The arguments are copied into the new process: numbers,
// strings, booleans, and slices, maps and structs of them (anything
// encoding/json can carry), and the handles of this package (*Queue,
// *Conn, *Value, *Array, *Lock), which the new process shares.
func New(target any, args ...any) *Process {
	return &Process{target: target, args: args, done: make(chan struct{})}
}

// Start is New followed by Start.
func Start(target any, args ...any) (*Process, error) {
	p := New(target, args...)
	return p, p.Start()
}

// Start starts the process.
func (p *Process) Start() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.started {
		return errors.New("proc: the process was started already: a Process starts once")
	}
	fn := reflect.ValueOf(p.target)
	if fn.Kind() != reflect.Func || fn.IsNil() {
		return fmt.Errorf("proc: the target of a process is a function, not %T", p.target)
	}
	if err := checkArgs(fn.Type(), p.args); err != nil {
		return err
	}
	s := starter()
	name, err := s.Target(fn)
	if err != nil {
		return fmt.Errorf("proc: %w", err)
	}
	e := procwire.Entry{Target: name}
	args, files, err := encodeArgs(p.args)
	if err != nil {
		return fmt.Errorf("proc: the arguments of %s: %w", shortName(name), err)
	}
	e.Args, e.Files = args, len(files)
	if local, ok := s.(*localStarter); ok {
		if err := local.locate(&e, fn); err != nil {
			return err
		}
	}
	proc, err := s.Start(e, files)
	if err != nil {
		return fmt.Errorf("proc: starting %s: %w", shortName(name), err)
	}
	p.started, p.proc, p.pid = true, proc, proc.Pid()
	go func() {
		code := proc.Wait()
		p.mu.Lock()
		p.code = code
		p.mu.Unlock()
		close(p.done)
	}()
	return nil
}

// Join waits for the process to end. It is an error to join a process
// that was not started.
func (p *Process) Join() error {
	p.mu.Lock()
	started := p.started
	p.mu.Unlock()
	if !started {
		return errors.New("proc: Join of a process that was not started")
	}
	<-p.done
	return nil
}

// Pid is the process's id, 0 before it starts.
func (p *Process) Pid() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.pid
}

// ExitCode is the process's exit status once it has ended: 0 when its
// target returned, 1 when the target returned an error (which the process
// printed), the code it gave os.Exit, 2 after a panic, and the negated
// signal number when a signal ended it (-9 for Kill). It is -1 while the
// process has not ended (Alive tells that apart from a process ended by
// SIGHUP, signal 1).
func (p *Process) ExitCode() int {
	select {
	case <-p.done:
		p.mu.Lock()
		defer p.mu.Unlock()
		return p.code
	default:
		return -1
	}
}

// Alive reports whether the process was started and has not ended.
func (p *Process) Alive() bool {
	p.mu.Lock()
	started := p.started
	p.mu.Unlock()
	if !started {
		return false
	}
	select {
	case <-p.done:
		return false
	default:
		return true
	}
}

// Terminate asks the process to end, with SIGTERM.
func (p *Process) Terminate() error { return p.signal(syscall.SIGTERM) }

// Kill ends the process at once, with SIGKILL.
func (p *Process) Kill() error { return p.signal(syscall.SIGKILL) }

func (p *Process) signal(sig syscall.Signal) error {
	p.mu.Lock()
	proc := p.proc
	p.mu.Unlock()
	if proc == nil {
		return errors.New("proc: signal to a process that was not started")
	}
	select {
	case <-p.done:
		return nil
	default:
	}
	if err := proc.Signal(sig); err != nil && !errors.Is(err, os.ErrProcessDone) {
		return fmt.Errorf("proc: %w", err)
	}
	return nil
}

// starter is who starts processes here: the sandbox, or proc itself.
func starter() procwire.Starter {
	if procwire.Sandbox != nil {
		return procwire.Sandbox
	}
	return local
}

// checkArgs checks, before anything starts, that args fit a function of
// type t.
func checkArgs(t reflect.Type, args []any) error {
	n := t.NumIn()
	if len(args) != n && !(t.IsVariadic() && len(args) >= n-1) {
		want := plural(n, "argument")
		if t.IsVariadic() {
			want = "at least " + plural(n-1, "argument")
		}
		return fmt.Errorf("proc: the target takes %s (it is a %s), but %d %s given", want, t, len(args), map[bool]string{true: "was", false: "were"}[len(args) == 1])
	}
	for i, a := range args {
		pt := procwire.ParamType(t, i)
		if a == nil {
			switch pt.Kind() {
			case reflect.Interface, reflect.Pointer, reflect.Slice, reflect.Map:
				continue
			}
			return fmt.Errorf("proc: argument %d is nil, but the target's parameter is a %s", i+1, pt)
		}
		if at := reflect.TypeOf(a); !at.AssignableTo(pt) {
			return fmt.Errorf("proc: argument %d is a %s, but the target's parameter is a %s", i+1, at, pt)
		}
	}
	return nil
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// shortName is a target's name without its package.
func shortName(name string) string {
	if i := strings.LastIndexByte(name, '.'); i >= 0 && !strings.Contains(name[i:], "/") {
		return name[i+1:]
	}
	return name
}

// encodeArgs encodes args for the new process, and gathers the files of
// the handles among them. A handle is an argument of its own, or an
// element of a slice argument.
func encodeArgs(args []any) (json.RawMessage, []*os.File, error) {
	var files []*os.File
	encodeHandle := func(h handle) json.RawMessage {
		ref := handleRef{Kind: h.kind()}
		for _, f := range h.files() {
			ref.Files = append(ref.Files, len(files))
			files = append(files, f)
		}
		b, _ := json.Marshal(ref)
		return b
	}
	raw := make([]json.RawMessage, len(args))
	for i, a := range args {
		if h, ok := a.(handle); ok {
			raw[i] = encodeHandle(h)
			continue
		}
		if v := reflect.ValueOf(a); v.Kind() == reflect.Slice && v.Type().Elem().Implements(handleType) {
			elems := make([]json.RawMessage, v.Len())
			for j := range elems {
				elems[j] = encodeHandle(v.Index(j).Interface().(handle))
			}
			raw[i], _ = json.Marshal(elems)
			continue
		}
		b, err := json.Marshal(a)
		if err != nil {
			return nil, nil, fmt.Errorf("argument %d: %w", i+1, err)
		}
		raw[i] = b
	}
	b, err := json.Marshal(raw)
	return b, files, err
}

// A handle is a value of this package that a new process shares: its
// files go with it.
type handle interface {
	kind() string
	files() []*os.File
}

var handleType = reflect.TypeFor[handle]()

// A handleRef is a handle as the new process receives it: the indexes of
// its files among those of the entry.
type handleRef struct {
	Kind  string `json:"proc"`
	Files []int  `json:"files"`
}

// errNested is the error of a handle encoded in any other way.
func errNested(kind string) error {
	return fmt.Errorf("a %s goes to a new process as an argument of its own, or in a slice of them, not inside another value", kind)
}

// receive returns the files of a handle of the given kind, as the process
// received them with its entry.
func receive(data []byte, kind string, n int) ([]*os.File, error) {
	var ref handleRef
	if err := json.Unmarshal(data, &ref); err != nil || ref.Kind != kind || len(ref.Files) != n {
		return nil, fmt.Errorf("proc: this argument is not a %s", kind)
	}
	fs := make([]*os.File, n)
	for i, k := range ref.Files {
		if k < 0 || k >= len(procwire.Files) || procwire.Files[k] == nil {
			return nil, fmt.Errorf("proc: a %s arrived without its file", kind)
		}
		fs[i] = procwire.Files[k]
	}
	return fs, nil
}
