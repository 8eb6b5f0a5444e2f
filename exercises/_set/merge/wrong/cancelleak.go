// Wrong: A goroutine waiting to receive from an idle input does not watch ctx, so after a cancellation it waits forever and the output is never closed.
// Fails: TestCancelClosesOutput

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
			for v := range in { // waits for the input only, not for ctx
				select {
				case out <- v:
				case <-ctx.Done(): // nobody may read any more
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
