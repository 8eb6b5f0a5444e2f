// Wrong: when nothing is ready, Run sleeps until the earliest timer, and Post and After from another goroutine do not wake it.
// Fails: TestPostWakesLoopWaitingForTimer, TestAfterWakesLoopWaitingForLaterTimer
package loop

import (
	"slices"
	"sync"
	"time"
)

type Loop struct {
	mu     sync.Mutex // guards ready and timers: Post and After come from any goroutine
	ready  []func()   // callbacks to run, first in, first out
	timers []timer    // pending timers, ordered by deadline; equal deadlines in the order scheduled
}

type timer struct {
	when time.Time
	f    func()
}

func New() *Loop {
	return &Loop{}
}

func (l *Loop) Post(f func()) {
	l.mu.Lock()
	l.ready = append(l.ready, f)
	l.mu.Unlock()
}

func (l *Loop) After(d time.Duration, f func()) {
	t := timer{when: time.Now().Add(d), f: f}
	l.mu.Lock()
	// Insert after every timer due no later than t: deadline order, and
	// equal deadlines in the order they were scheduled.
	i := 0
	for i < len(l.timers) && !t.when.Before(l.timers[i].when) {
		i++
	}
	l.timers = slices.Insert(l.timers, i, t)
	l.mu.Unlock()
}

func (l *Loop) Run() {
	for {
		l.mu.Lock()
		// Timers that are due become ready, in deadline order.
		now := time.Now()
		for len(l.timers) > 0 && !l.timers[0].when.After(now) {
			l.ready = append(l.ready, l.timers[0].f)
			l.timers = l.timers[1:]
		}
		if len(l.ready) > 0 {
			f := l.ready[0]
			l.ready[0] = nil // let the callback be garbage collected
			l.ready = l.ready[1:]
			l.mu.Unlock() // never hold the lock while a callback runs: it may Post
			f()
			continue
		}
		if len(l.timers) == 0 {
			l.mu.Unlock()
			return // nothing queued, no timer pending: done
		}
		wait := time.Until(l.timers[0].when)
		l.mu.Unlock()

		// Nothing is ready: sleep until the earliest timer is due, or until
		// Post or After from another goroutine gives us something new.
		time.Sleep(wait) // nothing to do until the earliest timer is due
	}
}
