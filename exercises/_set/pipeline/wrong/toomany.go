// Wrong: Pipeline starts a goroutine for every value it receives with nothing to limit them, so more than workers calls of f run at once.
// Fails: TestWorkersAtOnce

// Package pipeline is a stage of a pipeline that applies a function with
// several goroutines at once and keeps the order of its input.
package pipeline

import "context"

// Pipeline applies f to every value received from in, with workers
// goroutines at once, and sends the results on the returned channel in the
// order of the input. It closes the output once in is closed and every
// result is sent. When ctx is cancelled it stops, closes the output
// promptly, and leaves no goroutine running (once the calls of f under
// way have returned).
func Pipeline(ctx context.Context, in <-chan int, workers int, f func(int) int) <-chan int {
	if workers < 1 {
		panic("pipeline: Pipeline needs at least 1 worker")
	}
	out := make(chan int)

	// For every value, in the order of the input, the dispatcher makes a
	// channel that its result will arrive on, and queues it on pending.
	// The emitter takes them in the same order: that is what keeps the
	// order. pending's room bounds how far the work may run ahead of the
	// slowest value.
	pending := make(chan chan int, 1000)

	go func() { // the dispatcher
		defer close(pending)
		for {
			var v int
			select {
			case x, ok := <-in:
				if !ok {
					return // no more input
				}
				v = x
			case <-ctx.Done():
				return
			}
			result := make(chan int, 1) // room for the result: the worker never waits
			select {
			case pending <- result:
			case <-ctx.Done():
				return
			}
			go func() { // a goroutine for every value, with no limit
				result <- f(v)
			}()
		}
	}()

	go func() { // the emitter
		defer close(out)
		for result := range pending {
			var r int
			select {
			case r = <-result:
			case <-ctx.Done():
				return
			}
			select {
			case out <- r:
			case <-ctx.Done(): // nobody may ever read: don't wait for them
				return
			}
		}
	}()
	return out
}
