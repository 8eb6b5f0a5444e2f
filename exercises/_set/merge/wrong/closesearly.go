// Wrong: Merge closes its output as soon as the first of its inputs is closed, while the others may still send.
// Fails: TestOutputStaysOpenWhileAnInputIsOpen

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
	finished := make(chan struct{}, len(ins))
	for _, in := range ins {
		// One goroutine per input: each waits on its own input only, so
		// an idle one holds up nobody, and forwards in the input's order.
		go func() {
			defer func() { finished <- struct{}{} }()
			for {
				select {
				case v, ok := <-in:
					if !ok {
						return // this input is done
					}
					select {
					case out <- v:
					case <-ctx.Done(): // nobody may read any more
						return
					}
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		if len(ins) > 0 {
			<-finished // the first input to finish: but the others may still send
		}
		close(out)
	}()
	return out
}
