// Wrong: Pipeline runs workers goroutines that send each result as soon as it is computed, so a value that takes longer comes out after the ones behind it.
// Fails: TestOutputInInputOrder

// Package pipeline is a stage of a pipeline that applies a function with
// several goroutines at once and keeps the order of its input.
package pipeline

import (
	"context"
	"sync"
)

// Pipeline applies f to every value received from in, with workers
// goroutines at once, and sends the results on the returned channel in the
// order of the input. It closes the output once in is closed and every
// result is sent. When ctx is cancelled it stops, closes the output
// promptly, and leaves no goroutine running (once the calls of f under
// way have returned).
func Pipeline(ctx context.Context, in <-chan int, workers int, f func(int) int) <-chan int {
	out := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				select {
				case v, ok := <-in:
					if !ok {
						return
					}
					select {
					case out <- f(v): // in the order the calls finish
					case <-ctx.Done():
						return
					}
				case <-ctx.Done():
					return
				}
			}
		})
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}
