// Wrong: Merge reads its inputs one after another, so while it waits for an idle input the values of the others wait too.
// Fails: TestIdleInputDoesNotBlockOthers

// Package merge fans in: it merges several channels into one.
package merge

import "context"

// Merge sends every value received from any of ins on the returned
// channel, and closes it once every one of ins is closed. Values from one
// input keep their order; an input with nothing to send holds up none of
// the others. When ctx is cancelled, Merge closes the output and leaves no
// goroutine running.
func Merge(ctx context.Context, ins ...<-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for _, in := range ins { // one input at a time
			if !forward(ctx, in, out) {
				return
			}
		}
	}()
	return out
}

// forward sends every value of in on out until in is closed, and reports
// false if ctx was cancelled first.
func forward(ctx context.Context, in <-chan int, out chan<- int) bool {
	for {
		select {
		case v, ok := <-in:
			if !ok {
				return true
			}
			select {
			case out <- v:
			case <-ctx.Done():
				return false
			}
		case <-ctx.Done():
			return false
		}
	}
}
