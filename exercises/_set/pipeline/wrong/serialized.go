// Wrong: Pipeline calls f for one value at a time, in a single goroutine, however many workers it is given.
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
	out := make(chan int)
	go func() {
		defer close(out)
		for {
			select {
			case v, ok := <-in:
				if !ok {
					return
				}
				select {
				case out <- f(v): // one call of f at a time
				case <-ctx.Done():
					return
				}
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}
