package sharedcounter_test

import (
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"sharedcounter"
	"workbook/proc"
)

// A test binary built with the race detector sleeps a second before it
// exits, and so does every process proc starts from it, unless GORACE says
// otherwise. Processes started from here inherit this environment.
func init() {
	os.Setenv("GORACE", strings.TrimSpace("atexit_sleep_ms=0 "+os.Getenv("GORACE")))
}

// busyEach returns how many additions make a process add for about 20 ms
// without a lock, here: long enough for processes that add at the same
// time to overlap, however long each takes to start. (The fastest of a few
// tries, so that a pause of this process does not count.)
func busyEach() int {
	v := proc.NewValue(0)
	const n = 2000
	per := time.Hour
	for range 5 {
		start := time.Now()
		for range n {
			v.Store(v.Load() + 1)
		}
		per = min(per, time.Since(start)/n)
	}
	return min(max(int(20*time.Millisecond/max(per, 1)), 5000), 300000)
}

// addAlongside is a careful process of its own, played here by a
// goroutine: until stop is closed, every 50µs or so it takes v's lock and
// adds 1 to v. It sends how many times it added.
func addAlongside(v *proc.Value, stop <-chan struct{}) <-chan int64 {
	out := make(chan int64, 1)
	go func() {
		var added int64
		for {
			select {
			case <-stop:
				out <- added
				return
			case <-time.After(50 * time.Microsecond):
			}
			v.Lock()
			v.Add(1)
			v.Unlock()
			added++
		}
	}()
	return out
}

func TestNoAdditionIsLost(t *testing.T) {
	start := int64(rand.IntN(1000))
	procs, each := 3, busyEach()
	v := proc.NewValue(start)

	stop := make(chan struct{})
	alongside := addAlongside(v, stop)
	_, err := sharedcounter.CountTogether(v, procs, each)
	close(stop)
	added := <-alongside
	if err != nil {
		t.Fatalf("CountTogether(v, %d, %d) returned the error %v", procs, each, err)
	}
	want := start + int64(procs*each) + added
	if got := v.Load(); got != want {
		t.Fatalf("v started at %d; CountTogether(v, %d, %d) added to it, while this process also added 1 to it %d times (each under v's lock). "+
			"Then v = %d; want %d + %d + %d = %d: %d additions were lost. "+
			"Reading v and writing it back are two steps: another process can add in between, and the write overwrites its addition",
			start, procs, each, added, got, start, procs*each, added, want, want-got)
	}
}

func TestCountTogether(t *testing.T) {
	start := int64(rand.IntN(1000))
	procs, each := 2, 1000+rand.IntN(1000)
	v := proc.NewValue(start)
	pids, err := sharedcounter.CountTogether(v, procs, each)
	if err != nil {
		t.Fatalf("CountTogether(v, %d, %d) returned the error %v", procs, each, err)
	}
	got, want := v.Load(), start+int64(procs*each)
	if got < want {
		t.Fatalf("v started at %d, and was %d as soon as CountTogether(v, %d, %d) returned; want %d: "+
			"CountTogether returns only once every process has ended (Join them all)", start, got, procs, each, want)
	}
	if got > want {
		t.Fatalf("v started at %d, and was %d once CountTogether(v, %d, %d) returned; want %d: %d processes add %d each, no more", start, got, procs, each, want, procs, each)
	}
	if len(pids) != procs {
		t.Fatalf("CountTogether(v, %d, %d) returned the pids %v; want the pids of the %d processes it started", procs, each, pids, procs)
	}
	for _, pid := range pids {
		if pid <= 0 || pid == os.Getpid() {
			t.Fatalf("CountTogether(v, %d, %d) returned the pids %v, and this process is %d; want the pids of %d new processes (p.Pid())", procs, each, pids, os.Getpid(), procs)
		}
	}
	if pids[0] == pids[1] {
		t.Fatalf("CountTogether(v, %d, %d) returned the pids %v; want %d different processes", procs, each, pids, procs)
	}
}

func TestInvalidProcs(t *testing.T) {
	v := proc.NewValue(0)
	if _, err := sharedcounter.CountTogether(v, 0, 10); err == nil {
		t.Errorf("CountTogether(v, 0, 10) returned no error; want one: counting together takes at least 1 process")
	}
}
