package engine

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestProgramGoroutines reads dumps of all goroutines, as runtime.Stack
// takes them in a process running an interpreter (testdata/monitor: the
// dump, then the goroutines of the program the monitor finds in it, with
// their states, and whether every one of them is blocked).
func TestProgramGoroutines(t *testing.T) {
	for path, ar := range archives(t, "monitor") {
		t.Run(filepath.Base(path), func(t *testing.T) {
			gs := programGoroutines(section(ar, "dump"))
			var b strings.Builder
			for _, g := range gs {
				fmt.Fprintf(&b, "goroutine %d [%s]\n", g.id, g.state)
			}
			fmt.Fprintf(&b, "all blocked: %v\n", allBlocked(gs))
			golden(t, path, ar, "want", []byte(b.String()))
		})
	}
}

// TestProgramGoroutinesEdges: what the dump parser skips and how it
// orders what it keeps.
func TestProgramGoroutinesEdges(t *testing.T) {
	const interp = "github.com/traefik/yaegi/interp.runCfg(...)\n"
	tests := []struct {
		name string
		dump string
		want string
	}{
		{"empty", "", "[]"},
		{"host only", "goroutine 1 [chan receive]:\nmain.main()\n", "[]"},
		{
			"sorted by number",
			"goroutine 12 [select]:\n" + interp + "\ngoroutine 3 [chan send]:\n" + interp,
			"[{3 chan send} {12 select}]",
		},
		{"duration cut", "goroutine 7 [sync.Mutex.Lock, 2 minutes]:\n" + interp, "[{7 sync.Mutex.Lock}]"},
		{"locked to thread", "goroutine 7 [chan receive, locked to thread]:\n" + interp, "[{7 chan receive}]"},
		{"no header", "\t/x/run.go:302 +0x28a\n" + interp, "[]"},
		{"no state", "goroutine 7:\n" + interp, "[]"},
		{
			"waiting for a process",
			"goroutine 9 [chan receive]:\nworkbook/proc.(*Process).Join(...)\n" + interp,
			"[{9 proc wait}]",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fmt.Sprint(programGoroutines([]byte(tt.dump))); got != tt.want {
				t.Errorf("programGoroutines(%q) = %s; want %s", tt.dump, got, tt.want)
			}
		})
	}
}

// TestBlocking: the states, as Go words them, in which a goroutine waits
// for something only another goroutine of the program can give it.
func TestBlocking(t *testing.T) {
	tests := []struct {
		state string
		want  bool
	}{
		{"chan receive", true},
		{"chan send", true},
		{"chan receive (nil chan)", true},
		{"chan send (nil chan)", true},
		{"select", true},
		{"select (no cases)", true},
		{"sync.Mutex.Lock", true},
		{"sync.RWMutex.Lock", true},
		{"sync.RWMutex.RLock", true},
		{"sync.WaitGroup.Wait", true},
		{"sync.Cond.Wait", true},
		{"semacquire", true},
		// Time, the outside world or the scheduler may wake these.
		{"sleep", false},
		{"running", false},
		{"runnable", false},
		{"syscall", false},
		{"IO wait", false},
		{"proc wait", false},
		{"GC assist wait", false},
		{"preempted", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := blocking(tt.state); got != tt.want {
			t.Errorf("blocking(%q) = %v; want %v", tt.state, got, tt.want)
		}
	}
	if !allBlocked(nil) {
		t.Error("allBlocked(nil) = false; want true (the monitor asks whether main has exited)")
	}
	if allBlocked([]dumped{{1, "chan receive"}, {2, "sleep"}, {3, "select"}}) {
		t.Error("allBlocked with a sleeping goroutine = true; want false")
	}
}

// TestStateKey: two looks at the program see the same state only when no
// goroutine was created and none changed state in between; a deadlock is
// the same state, all blocked, twice in a row.
func TestStateKey(t *testing.T) {
	gs := []dumped{{7, "chan receive"}, {9, "sync.Mutex.Lock"}}
	if got, want := stateKey(12, gs), "12 7:chan receive 9:sync.Mutex.Lock"; got != want {
		t.Errorf("stateKey(12, %v) = %q; want %q", gs, got, want)
	}
	if got, want := stateKey(0, nil), "0"; got != want {
		t.Errorf("stateKey(0, nil) = %q; want %q", got, want)
	}
	key := stateKey(12, gs)
	for _, tt := range []struct {
		name string
		n    uint64
		gs   []dumped
	}{
		{"a goroutine was created", 13, gs},
		{"a goroutine changed state", 12, []dumped{{7, "chan send"}, {9, "sync.Mutex.Lock"}}},
		{"a goroutine ended", 12, gs[:1]},
		{"another goroutine in that state", 12, []dumped{{8, "chan receive"}, {9, "sync.Mutex.Lock"}}},
	} {
		if stateKey(tt.n, tt.gs) == key {
			t.Errorf("%s: stateKey(%d, %v) = %q, the same as before", tt.name, tt.n, tt.gs, key)
		}
	}

	// The same dump twice: the same key.
	var dump []byte
	for path, ar := range archives(t, "monitor") {
		if strings.HasSuffix(path, "deadlock.txtar") {
			dump = section(ar, "dump")
		}
	}
	first, second := programGoroutines(dump), programGoroutines(dump)
	if !allBlocked(first) || stateKey(40, first) != stateKey(40, second) {
		t.Errorf("two looks at testdata/monitor/deadlock.txtar: all blocked %v, keys %q and %q; want a deadlock",
			allBlocked(first), stateKey(40, first), stateKey(40, second))
	}
}

// TestTimersPending: the monitor calls nothing a deadlock while a timer
// of the program may still fire, a ticker runs or a signal may come.
func TestTimersPending(t *testing.T) {
	now := time.Date(2026, 1, 2, 15, 4, 5, 0, time.UTC)
	tests := []struct {
		name  string
		setup func(*timers)
		want  bool
	}{
		{"nothing", func(*timers) {}, false},
		{"a timer to come", func(tm *timers) { tm.noteUntil(now.Add(time.Second)) }, true},
		{"a timer that just fired", func(tm *timers) { tm.noteUntil(now.Add(-30 * time.Millisecond)) }, true},
		{"a timer long past", func(tm *timers) { tm.noteUntil(now.Add(-time.Second)) }, false},
		{"the later timer counts", func(tm *timers) {
			tm.noteUntil(now.Add(time.Second))
			tm.noteUntil(now.Add(-time.Second))
		}, true},
		{"a ticker", func(tm *timers) { tm.addTickers(1) }, true},
		{"a ticker stopped", func(tm *timers) { tm.addTickers(1); tm.addTickers(-1) }, false},
		{"a signal handler", func(tm *timers) { tm.setForever() }, true},
	}
	for _, tt := range tests {
		var tm timers
		tt.setup(&tm)
		if got := tm.pendingLocked(now); got != tt.want {
			t.Errorf("%s: pending = %v; want %v", tt.name, got, tt.want)
		}
	}
}
