// Wrong: the ready callbacks are kept in a map, and ranging over a map runs them in no particular order.
// Fails: TestPostRunsInFIFOOrder, TestPostFromCallbackRunsAfterQueued
package loop

import (
	"slices"
	"sync"
	"time"
)

type Loop struct {
	mu     sync.Mutex
	ready  map[int]func() // callbacks by number
	nextID int
	timers []timer
	wake   chan struct{}
}

type timer struct {
	when time.Time
	f    func()
}

func New() *Loop {
	return &Loop{ready: map[int]func(){}, wake: make(chan struct{}, 1)}
}

func (l *Loop) Post(f func()) {
	l.mu.Lock()
	l.ready[l.nextID] = f
	l.nextID++
	l.mu.Unlock()
	l.notify()
}

func (l *Loop) After(d time.Duration, f func()) {
	t := timer{time.Now().Add(d), f}
	l.mu.Lock()
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
		now := time.Now()
		for len(l.timers) > 0 && !l.timers[0].when.After(now) {
			l.ready[l.nextID] = l.timers[0].f
			l.nextID++
			l.timers = l.timers[1:]
		}
		var f func()
		for id, g := range l.ready { // take any one
			f = g
			delete(l.ready, id)
			break
		}
		if f != nil {
			l.mu.Unlock()
			f()
			continue
		}
		if len(l.timers) == 0 {
			l.mu.Unlock()
			return
		}
		wait := time.Until(l.timers[0].when)
		l.mu.Unlock()
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-l.wake:
		}
		t.Stop()
	}
}
