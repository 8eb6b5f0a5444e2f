// Wrong: Merge hands every value to a goroutine of its own to send, so the values of one input can overtake each other.
// Fails: TestEachInputKeepsItsOrder

// Package merge fans in: it merges several channels into one.
package merge

import (
	"context"
	"sync"
)

// Merge sends every value received from any of ins on the returned
// channel, and closes it once every one of ins is closed. Values from one
// input keep their order; an input with nothing to send holds up none of
// the others. When ctx is cancelled, Merge closes the output and leaves no
// goroutine running.
func Merge(ctx context.Context, ins ...<-chan int) <-chan int {
	out := make(chan int)
	var wg sync.WaitGroup
	for _, in := range ins {
		// One goroutine per input: each waits on its own input only, so
		// an idle one holds up nobody, and forwards in the input's order.
		wg.Go(func() {
			for {
				select {
				case v, ok := <-in:
					if !ok {
						return // this input is done
					}
					wg.Go(func() { // a goroutine per value, so as never to wait: in any order
						select {
						case out <- v:
						case <-ctx.Done():
						}
					})
				case <-ctx.Done():
					return
				}
			}
		})
	}
	go func() {
		wg.Wait()  // every input closed (or ctx cancelled)...
		close(out) // ...and nobody sends on out any more
	}()
	return out
}
