package engine

import (
	"encoding/json"
	"errors"
	"net"
	"os"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"workbook/internal/procwire"
	"workbook/internal/wire"
)

func TestCheckEntry(t *testing.T) {
	tests := []struct {
		name    string
		args    int // bytes of arguments
		wantErr string
	}{
		{"none", 0, ""},
		{"small", 100, ""},
		{"the most a message holds", maxArgs, ""},
		{"one byte more", maxArgs + 1, "the arguments take 252 KB, and a new process can be given at most 252 KB"},
		{"a megabyte", 1 << 20, "the arguments take 1024 KB"},
	}
	for _, tt := range tests {
		err := checkEntry(procwire.Entry{Target: "worker", Args: make(json.RawMessage, tt.args)})
		switch {
		case tt.wantErr == "" && err != nil:
			t.Errorf("%s: checkEntry = %v; want no error", tt.name, err)
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("%s: checkEntry = %v; want an error containing %q", tt.name, err, tt.wantErr)
		}
	}
	// The limit leaves room for the rest of the request.
	e := procwire.Entry{Target: strings.Repeat("w", 200), Args: json.RawMessage(`"` + strings.Repeat("a", maxArgs-2) + `"`), Files: 4}
	b, err := json.Marshal(wire.Control{Op: wire.OpStart, ID: 1 << 30, Entry: &e})
	if err != nil {
		t.Fatal(err)
	}
	if len(b) > wire.MaxControl {
		t.Errorf("a start request with %d bytes of arguments takes %d bytes; a control message holds %d", maxArgs, len(b), wire.MaxControl)
	}
}

func TestNoProcs(t *testing.T) {
	var s procwire.Starter = noProcs{}
	if _, err := s.Target(reflect.ValueOf(func() {})); !errors.Is(err, errNoProcs) {
		t.Errorf("Target = %v; want %v", err, errNoProcs)
	}
	if _, err := s.Start(procwire.Entry{Target: "worker"}, nil); !errors.Is(err, errNoProcs) {
		t.Errorf("Start = %v; want %v", err, errNoProcs)
	}
}

// TestTarget: only a function the interpreter compiled at the top level
// of the program has a name another process can find it by.
func TestTarget(t *testing.T) {
	p := &procs{}
	for _, fn := range []any{func() {}, strings.ToUpper, nil} {
		if _, err := p.Target(reflect.ValueOf(fn)); !errors.Is(err, procwire.ErrNotTopLevel) {
			t.Errorf("Target(%T) = %v; want %v", fn, err, procwire.ErrNotTopLevel)
		}
	}
}

func TestGetppid(t *testing.T) {
	c := &child{req: wire.Request{ParentPid: 4242}}
	if got := c.getppid(); got != 4242 {
		t.Errorf("getppid() in a child started by proc = %d; want 4242", got)
	}
	c = &child{}
	if got := c.getppid(); got != os.Getppid() {
		t.Errorf("getppid() = %d; want the process's own parent, %d", got, os.Getppid())
	}
}

// TestProcsAnswers plays the runner's side of the control socket: the
// engine passes each answer to the goroutine waiting for it, keeps the
// processes that started, and tells their ends to those that wait.
func TestProcsAnswers(t *testing.T) {
	fds, err := unix.Socketpair(unix.AF_UNIX, unix.SOCK_SEQPACKET|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		t.Fatal(err)
	}
	conn := func(fd int) *net.UnixConn {
		f := os.NewFile(uintptr(fd), "control")
		defer f.Close()
		c, err := net.FileConn(f)
		if err != nil {
			t.Fatal(err)
		}
		return c.(*net.UnixConn)
	}
	engineSide, runner := conn(fds[0]), conn(fds[1])
	defer runner.Close()
	p := &procs{conn: engineSide, waiting: map[int]chan wire.Control{}, running: map[int]*sandboxProcess{}}
	readDone := make(chan struct{})
	go func() { p.read(); close(readDone) }()

	say := func(m wire.Control) {
		t.Helper()
		b, _ := json.Marshal(m)
		if _, err := runner.Write(b); err != nil {
			t.Fatal(err)
		}
	}
	hear := func() wire.Control {
		t.Helper()
		runner.SetReadDeadline(time.Now().Add(5 * time.Second))
		buf := make([]byte, wire.MaxControl)
		n, err := runner.Read(buf)
		if err != nil {
			t.Fatal(err)
		}
		var m wire.Control
		if err := json.Unmarshal(buf[:n], &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	wait := func(ch chan wire.Control) wire.Control {
		t.Helper()
		select {
		case m := <-ch:
			return m
		case <-time.After(5 * time.Second):
			t.Fatal("no answer passed on")
			return wire.Control{}
		}
	}

	started, refused := make(chan wire.Control, 1), make(chan wire.Control, 1)
	p.mu.Lock()
	p.waiting[1], p.waiting[2] = started, refused
	p.mu.Unlock()

	say(wire.Control{Op: wire.OpStarted, ID: 99, Pid: 7}) // nobody waits for it
	runner.Write([]byte("not json"))                      // ignored
	say(wire.Control{Op: wire.OpStarted, ID: 2, Error: "too many processes"})
	say(wire.Control{Op: wire.OpStarted, ID: 1, Pid: 501})
	if m := wait(refused); m.Error != "too many processes" {
		t.Errorf("answer to start 2 = %+v; want the runner's error", m)
	}
	if m := wait(started); m.Pid != 501 || m.Error != "" {
		t.Errorf("answer to start 1 = %+v; want pid 501", m)
	}

	p.mu.Lock()
	sp, others := p.running[501], len(p.running)
	_, stillWaiting := p.waiting[1]
	p.mu.Unlock()
	if sp == nil || others != 1 || stillWaiting {
		t.Fatalf("after the answers: running %v (%d processes), start 1 still waited for: %v; want pid 501 alone, no", sp, others, stillWaiting)
	}
	if sp.Pid() != 501 {
		t.Errorf("Pid() = %d; want 501", sp.Pid())
	}

	// A signal to a running process goes to the runner.
	if err := sp.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if m := hear(); m.Op != wire.OpSignal || m.Pid != 501 || m.Signal != int(syscall.SIGTERM) {
		t.Errorf("the runner heard %+v; want a SIGTERM for pid 501", m)
	}

	say(wire.Control{Op: wire.OpExited, Pid: 501, Code: 3})
	codes := make(chan int)
	go func() { codes <- sp.Wait() }()
	select {
	case code := <-codes:
		if code != 3 {
			t.Errorf("Wait() = %d; want 3", code)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Wait() did not return after the process ended")
	}
	if err := sp.Signal(syscall.SIGTERM); !errors.Is(err, os.ErrProcessDone) {
		t.Errorf("Signal after the end = %v; want %v", err, os.ErrProcessDone)
	}

	runner.Close()
	select {
	case <-readDone:
	case <-time.After(5 * time.Second):
		t.Error("the reader did not stop when the runner closed the socket")
	}
	engineSide.Close()
}
