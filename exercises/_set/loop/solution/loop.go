// Package loop is a small event loop, like the one asyncio runs: callbacks
// are queued with Post (asyncio's call_soon_threadsafe) and After
// (call_later), and Run runs them, one at a time, on the goroutine that
// called it.
package loop

import (
	"slices"
	"sync"
	"time"
)

// A Loop is an event loop. Create one with New.
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

// New returns an empty loop.
func New() *Loop {
	return &Loop{wake: make(chan struct{}, 1)}
}

// Post queues f to run on the loop, after every callback already queued.
// It is safe to call from any goroutine, including from a callback.
func (l *Loop) Post(f func()) {
	l.mu.Lock()
	l.ready = append(l.ready, f)
	l.mu.Unlock()
	l.notify()
}

// After schedules f to run on the loop once d has passed.
// It is safe to call from any goroutine, including from a callback.
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

// notify wakes Run if it is waiting; if a signal is already pending, one
// is enough.
func (l *Loop) notify() {
	select {
	case l.wake <- struct{}{}:
	default:
	}
}

// Run runs callbacks until nothing is queued and no timer is pending. Every
// callback runs on the goroutine that called Run, one at a time, so the
// callbacks may share state without locks.
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
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-l.wake:
		}
		t.Stop()
	}
}
