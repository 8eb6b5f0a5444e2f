// Wrong: Run returns as soon as the queue is empty, even while a timer is pending.
// Fails: TestRunWaitsForPendingTimers
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

	// wake tells a Run that is waiting for a timer that something changed.
	// It has room for one signal, so Post and After never block on it, and a
	// signal sent just before Run starts to wait is not lost.
	wake chan struct{}
}

type timer struct {
	when time.Time
	f    func()
}

func New() *Loop {
	return &Loop{wake: make(chan struct{}, 1)}
}

func (l *Loop) Post(f func()) {
	l.mu.Lock()
	l.ready = append(l.ready, f)
	l.mu.Unlock()
	l.notify()
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
	l.notify()
}

func (l *Loop) notify() {
	select {
	case l.wake <- struct{}{}:
	default:
	}
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
		if len(l.ready) == 0 {
			l.mu.Unlock()
			return // nothing queued: done
		}
		wait := time.Until(l.timers[0].when)
		l.mu.Unlock()

		// Nothing is ready: sleep until the earliest timer is due, or until
		// Post or After from another goroutine gives us something new.
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-l.wake:
		}
		t.Stop()
	}
}
