package proc_test

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"workbook/proc"
)

// counter is changed by the processes that get it: each has its own.
var counter int

func addAndReport(n int, q *proc.Queue) {
	counter += n
	q.Put(counter)
}

func TestMemoryIsNotShared(t *testing.T) {
	counter = 100
	q := proc.NewQueue()
	p, err := proc.Start(addAndReport, 1, q)
	if err != nil {
		t.Fatal(err)
	}
	var got int
	if err := q.Get(&got); err != nil {
		t.Fatal(err)
	}
	p.Join()
	// The new process started from the program's initial state, not from
	// a copy of this one's.
	if got != 1 || counter != 100 {
		t.Errorf("the process saw counter = %d, and here it is %d; want 1 and 100", got, counter)
	}
	if p.ExitCode() != 0 {
		t.Errorf("ExitCode() = %d; want 0", p.ExitCode())
	}
}

type job struct {
	ID    int
	Words []string
}

type result struct {
	ID, Letters int
	Pid         int
}

func countLetters(jobs, results *proc.Queue) {
	for {
		var j job
		if err := jobs.Get(&j); err != nil {
			panic(err)
		}
		if j.ID < 0 {
			return
		}
		n := 0
		for _, w := range j.Words {
			n += len(w)
		}
		results.Put(result{j.ID, n, os.Getpid()})
	}
}

func TestQueueOfJobs(t *testing.T) {
	jobs, results := proc.NewQueue(), proc.NewQueue()
	var ps []*proc.Process
	for range 3 {
		p, err := proc.Start(countLetters, jobs, results)
		if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, p)
	}
	for i := range 30 {
		jobs.Put(job{i, strings.Fields(strings.Repeat("ab ", i))})
	}
	for range ps {
		jobs.Put(job{ID: -1})
	}
	total, pids := 0, map[int]bool{}
	for range 30 {
		var r result
		if err := results.Get(&r); err != nil {
			t.Fatal(err)
		}
		if r.Letters != 2*r.ID {
			t.Errorf("job %d: %d letters; want %d", r.ID, r.Letters, 2*r.ID)
		}
		total += r.Letters
		pids[r.Pid] = true
	}
	for _, p := range ps {
		p.Join()
		if p.ExitCode() != 0 {
			t.Errorf("a worker exited with %d", p.ExitCode())
		}
	}
	if total != 2*435 {
		t.Errorf("total = %d; want %d", total, 2*435)
	}
	if pids[os.Getpid()] {
		t.Error("a job was done by this process")
	}
}

func echo(c *proc.Conn) {
	for {
		var s string
		if err := c.Recv(&s); err != nil {
			return
		}
		c.Send(strings.ToUpper(s))
	}
}

func TestPipe(t *testing.T) {
	here, there := proc.Pipe()
	p, err := proc.Start(echo, there)
	if err != nil {
		t.Fatal(err)
	}
	there.Close()
	for _, s := range []string{"ping", "pong"} {
		here.Send(s)
		var got string
		if err := here.Recv(&got); err != nil || got != strings.ToUpper(s) {
			t.Errorf("Recv = %q, %v; want %q", got, err, strings.ToUpper(s))
		}
	}
	here.Close()
	p.Join() // echo sees EOF once this end is closed
	if p.ExitCode() != 0 {
		t.Errorf("ExitCode() = %d", p.ExitCode())
	}
}

func sayAndLeave(c *proc.Conn) { c.Send("bye") }

func TestPipeEOF(t *testing.T) {
	here, there := proc.Pipe()
	p, err := proc.Start(sayAndLeave, there)
	if err != nil {
		t.Fatal(err)
	}
	there.Close()
	var s string
	if err := here.Recv(&s); err != nil || s != "bye" {
		t.Fatalf("Recv = %q, %v", s, err)
	}
	if err := here.Recv(&s); !errors.Is(err, io.EOF) {
		t.Errorf("Recv after the other process ended = %v; want io.EOF", err)
	}
	p.Join()
}

func addMany(v *proc.Value, a *proc.Array, n int) {
	for range n {
		v.Add(1)
		a.Add(0, 1)
		// Unlocked read-modify-write of element 1 would lose updates;
		// under the lock, none is lost.
		a.Lock()
		a.Store(1, a.Load(1)+1)
		a.Unlock()
	}
}

func TestSharedMemory(t *testing.T) {
	v, a := proc.NewValue(10), proc.NewArray(2)
	var ps []*proc.Process
	for range 4 {
		p, err := proc.Start(addMany, v, a, 2000)
		if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, p)
	}
	addMany(v, a, 2000)
	for _, p := range ps {
		p.Join()
	}
	if v.Load() != 10+5*2000 || a.Values()[0] != 5*2000 || a.Values()[1] != 5*2000 {
		t.Errorf("value %d, array %v; want %d, [%d %d]", v.Load(), a.Values(), 10+5*2000, 5*2000, 5*2000)
	}
}

func fail(how string) error {
	switch how {
	case "error":
		return errors.New("it went wrong")
	case "exit":
		os.Exit(3)
	case "panic":
		panic("oh no")
	case "sleep":
		time.Sleep(time.Minute)
	}
	return nil
}

func TestExitCodes(t *testing.T) {
	for how, want := range map[string]int{"": 0, "error": 1, "exit": 3, "panic": 2, "sleep": -9} {
		p, err := proc.Start(fail, how)
		if err != nil {
			t.Fatal(err)
		}
		if code := p.ExitCode(); code != -1 && how == "sleep" {
			t.Errorf("ExitCode() of a running process = %d; want -1", code)
		}
		if how == "sleep" {
			if !p.Alive() {
				t.Error("Alive() = false for a running process")
			}
			p.Kill()
		}
		p.Join()
		if got := p.ExitCode(); got != want {
			t.Errorf("fail(%q): ExitCode() = %d; want %d", how, got, want)
		}
		if p.Alive() {
			t.Errorf("fail(%q): Alive() after Join", how)
		}
	}
}

func reportPid(q *proc.Queue) { q.Put(os.Getpid()) }

func TestPid(t *testing.T) {
	q := proc.NewQueue()
	p := proc.New(reportPid, q)
	if p.Pid() != 0 {
		t.Errorf("Pid() before Start = %d", p.Pid())
	}
	if err := p.Join(); err == nil {
		t.Error("Join before Start succeeded")
	}
	if err := p.Start(); err != nil {
		t.Fatal(err)
	}
	if err := p.Start(); err == nil {
		t.Error("a second Start succeeded")
	}
	var pid int
	q.Get(&pid)
	p.Join()
	if pid != p.Pid() || pid == os.Getpid() {
		t.Errorf("the process's own pid is %d, Pid() is %d, this one is %d", pid, p.Pid(), os.Getpid())
	}
}

func startSleeper(q *proc.Queue) {
	p, err := proc.Start(fail, "sleep")
	if err != nil {
		panic(err)
	}
	q.Put(p.Pid())
	// Returning ends this process, and with it the sleeper.
}

func TestNoProcessOutlivesItsParent(t *testing.T) {
	q := proc.NewQueue()
	p, err := proc.Start(startSleeper, q)
	if err != nil {
		t.Fatal(err)
	}
	var pid int
	q.Get(&pid)
	p.Join()
	deadline := time.Now().Add(5 * time.Second)
	for syscall.Kill(pid, 0) == nil {
		// A zombie until its parent, now gone, is reaped by init.
		if b, _ := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid)); strings.Contains(string(b), ") Z ") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("process %d outlived the process that started it", pid)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestTargetErrors(t *testing.T) {
	q := proc.NewQueue()
	n := 0
	tests := []struct {
		target any
		args   []any
		want   string
	}{
		{func() { n++ }, nil, "a function declared at the top level"},
		{42, nil, "the target of a process is a function, not int"},
		{addAndReport, []any{1}, "the target takes 2 arguments"},
		{addAndReport, []any{"one", q}, "argument 1 is a string, but the target's parameter is a int"},
		{fmt.Println, []any{"hi"}, ""},
		{countLetters, []any{q, []any{q}}, "argument 2 is a []interface {}"},
		{reportPid, []any{nil}, ""},
	}
	for _, tt := range tests {
		p, err := proc.Start(tt.target, tt.args...)
		if tt.want == "" {
			if err != nil {
				t.Errorf("Start(%T, %v) = %v", tt.target, tt.args, err)
			} else {
				p.Join()
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Start(%T, %v) = %v; want an error containing %q", tt.target, tt.args, err, tt.want)
		}
	}
}

type withQueue struct{ Q *proc.Queue }

func takesStruct(w withQueue) {}

func TestHandleInsideValue(t *testing.T) {
	_, err := proc.Start(takesStruct, withQueue{proc.NewQueue()})
	if err == nil || !strings.Contains(err.Error(), "as an argument of its own") {
		t.Errorf("Start with a queue inside a struct = %v", err)
	}
}
