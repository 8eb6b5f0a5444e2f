// Package loop is a small event loop, like the one asyncio runs.
//
// Your job: fill in Post, After and Run (and the Loop struct) so that
//
//   - every callback runs on the goroutine that called Run, one at a time,
//     so callbacks can share state without locks;
//   - posted callbacks run first in, first out, including callbacks posted
//     from inside a callback (they go to the back of the queue);
//   - a timer's callback runs no earlier than its delay; due timers run in
//     deadline order, and timers with the same deadline in the order they
//     were scheduled;
//   - Post and After may be called from any goroutine at any time, and they
//     wake a Run that is waiting for a timer;
//   - Run returns once nothing is queued and no timer is pending.
//
// The loop in the lesson "Coroutines and event loops" is a good start, but
// it is not safe to call from other goroutines: that part is yours.
package loop

import "time"

// A Loop is an event loop. Create one with New.
type Loop struct {
	// TODO: the queue of ready callbacks, the pending timers, and whatever
	// keeps them safe and lets Post and After wake a waiting Run.
}

// New returns an empty loop.
func New() *Loop {
	return &Loop{}
}

// Post queues f to run on the loop, after every callback already queued.
// It is safe to call from any goroutine, including from a callback.
func (l *Loop) Post(f func()) {
	// TODO
}

// After schedules f to run on the loop once d has passed.
// It is safe to call from any goroutine, including from a callback.
func (l *Loop) After(d time.Duration, f func()) {
	// TODO
}

// Run runs callbacks, one at a time on the calling goroutine, until nothing
// is queued and no timer is pending.
func (l *Loop) Run() {
	// TODO: take the next ready callback and run it; when none is ready,
	// wait for the earliest timer (or for Post or After to bring something
	// new); when there is nothing at all, return.
}
