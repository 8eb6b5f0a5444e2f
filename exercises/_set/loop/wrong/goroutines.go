// Wrong: Run starts every callback on a goroutine of its own, so callbacks run at the same time and race on shared state.
// Fails: TestCallbacksShareStateWithoutLocks, TestCallbacksRunOneAtATime
package loop

import (
	"slices"
	"sync"
	"time"
)

type Loop struct {
	mu      sync.Mutex
	ready   []func()
	timers  []timer
	wake    chan struct{}
	running sync.WaitGroup
}

type timer struct {
	when time.Time
	f    func()
}

func New() *Loop { return &Loop{wake: make(chan struct{}, 1)} }

func (l *Loop) Post(f func()) {
	l.mu.Lock()
	l.ready = append(l.ready, f)
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
			l.ready = append(l.ready, l.timers[0].f)
			l.timers = l.timers[1:]
		}
		if len(l.ready) > 0 {
			f := l.ready[0]
			l.ready = l.ready[1:]
			l.mu.Unlock()
			l.running.Add(1)
			go func() { // don't let a slow callback hold up the others
				defer l.running.Done()
				f()
			}()
			continue
		}
		if len(l.timers) == 0 {
			l.mu.Unlock()
			l.running.Wait() // running callbacks may still post more
			l.mu.Lock()
			more := len(l.ready) > 0 || len(l.timers) > 0
			l.mu.Unlock()
			if more {
				continue
			}
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
