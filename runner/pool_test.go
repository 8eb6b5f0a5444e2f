package runner

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// lockedBuffer is a log a pool's goroutines write to.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestPoolBackoff checks that a pool whose children fail to start tries
// again, with a growing pause, says so, and fills up once they start.
func TestPoolBackoff(t *testing.T) {
	var calls atomic.Int32
	var times []time.Time
	var mu sync.Mutex
	startChild = func(race, warm bool) (*proc, error) {
		mu.Lock()
		times = append(times, time.Now())
		mu.Unlock()
		if calls.Add(1) <= 3 {
			return nil, errors.New("no more processes")
		}
		return spawn(race, warm)
	}
	defer func() { startChild = spawn }()
	var log lockedBuffer
	p := NewPool(1, PoolLog(slog.New(slog.NewTextHandler(&log, nil))))
	defer p.Close()
	deadline := time.Now().Add(20 * time.Second)
	for {
		p.mu.Lock()
		n := len(p.idle[false])
		p.mu.Unlock()
		if n == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the pool has no child after %d starts", calls.Load())
		}
		time.Sleep(10 * time.Millisecond)
	}
	if got := strings.Count(log.String(), "failed to start"); got != 3 {
		t.Errorf("the log tells %d failed starts; want 3:\n%s", got, log.String())
	}
	mu.Lock()
	defer mu.Unlock()
	// The pauses are 100, 200 and 400 ms: each at least the one before.
	for i := 1; i < 4; i++ {
		want := firstBackoff << (i - 1)
		if gap := times[i].Sub(times[i-1]); gap < want {
			t.Errorf("start %d came %v after the one before; want at least %v", i+1, gap, want)
		}
	}
}

// TestPoolCloseWaits checks that Close waits for the children being
// started, and stops them: none is left behind.
func TestPoolCloseWaits(t *testing.T) {
	var started []*proc
	var mu sync.Mutex
	release := make(chan struct{})
	startChild = func(race, warm bool) (*proc, error) {
		<-release
		c, err := spawn(race, warm)
		mu.Lock()
		started = append(started, c)
		mu.Unlock()
		return c, err
	}
	defer func() { startChild = spawn }()
	p := NewPool(2)
	closed := make(chan struct{})
	go func() {
		p.Close()
		close(closed)
	}()
	select {
	case <-closed:
		t.Fatal("Close returned while children were being started")
	case <-time.After(200 * time.Millisecond):
	}
	close(release)
	select {
	case <-closed:
	case <-time.After(20 * time.Second):
		t.Fatal("Close did not return after the children started")
	}
	mu.Lock()
	defer mu.Unlock()
	for _, c := range started {
		if c != nil && c.cmd.ProcessState == nil {
			t.Errorf("a child started while the pool closed is still running (pid %d)", c.cmd.Process.Pid)
		}
	}
}

// TestPoolMaxRuns checks that a pool runs no more than MaxRuns programs at
// once: the others wait their turn, or give up when their context ends.
func TestPoolMaxRuns(t *testing.T) {
	p := NewPool(1, MaxRuns(1))
	defer p.Close()
	prog := Program{Files: []File{{Name: "main.go", Src: []byte("package main\n\nimport \"time\"\n\nfunc main() { time.Sleep(300 * time.Millisecond) }\n")}}}
	start := time.Now()
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() {
			res, err := p.Run(context.Background(), prog, Options{})
			if err != nil || res.Code != 0 {
				t.Errorf("Run = %+v, %v", res, err)
			}
		})
	}
	wg.Wait()
	if elapsed := time.Since(start); elapsed < 900*time.Millisecond {
		t.Errorf("three runs of 300 ms, one at a time, took %v; want at least 900 ms", elapsed)
	}
	// A run waiting for its turn gives up with its context.
	busy := make(chan struct{})
	go func() {
		p.Run(context.Background(), prog, Options{Events: func(e Event) {
			if e.Kind == KindSandbox {
				close(busy)
			}
		}})
	}()
	<-busy
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := p.Run(ctx, prog, Options{}); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Run waiting for its turn past its deadline = %v; want context.DeadlineExceeded", err)
	}
}

// TestPooledRunEndsOnReport: a pooled run without the race detector ends
// on the child's exit report, without waiting for the kernel to take the
// child apart, and still has all the output, the program's exit status and
// the child's usage; a goroutine still writing as main returns does not
// hold it up.
func TestPooledRunEndsOnReport(t *testing.T) {
	pool := NewPool(1)
	defer pool.Close()
	tests := []struct {
		name, body string
		code       int
		stdout     int // bytes
	}{
		{"output", `for i := 0; i < 2000; i++ { fmt.Println(strings.Repeat("x", 99)) }`, 0, 200000},
		{"exit status", `fmt.Print("bye"); os.Exit(3)`, 3, 3},
		{"writer still running", `go func() { for { fmt.Fprint(os.Stderr, ".") } }(); time.Sleep(10 * time.Millisecond); fmt.Print("done")`, 0, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n\t\"strings\"\n\t\"time\"\n)\n\nvar _, _, _ = os.Exit, strings.Repeat, time.Sleep\n\nfunc main() {\n\t" + tt.body + "\n}\n"
			for range 5 {
				var mu sync.Mutex
				stdout := 0
				opts := Options{Events: func(e Event) {
					if e.Kind == KindStdout {
						mu.Lock()
						stdout += len(e.Data)
						mu.Unlock()
					}
				}}
				ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
				r, err := newRun(ctx, Program{Files: []File{{Name: "main.go", Src: []byte(src)}}}, opts, pool)
				if err != nil {
					cancel()
					t.Fatal(err)
				}
				res := r.wait()
				cancel()
				if r.early == nil {
					t.Fatalf("the run waited for the kernel: %+v", res.Exit)
				}
				if res.Reason != Exited || res.Code != tt.code {
					t.Fatalf("the run ended with %s %d (%s); want exit %d", res.Reason, res.Code, res.Message, tt.code)
				}
				if stdout != tt.stdout {
					t.Errorf("got %d bytes of output; want %d", stdout, tt.stdout)
				}
				if res.MaxRSS <= 0 || res.Timing.CPU <= 0 {
					t.Errorf("no usage: %d bytes, %v", res.MaxRSS, res.Timing.CPU)
				}
			}
		})
	}
}
