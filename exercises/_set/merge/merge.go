// Package merge fans in: it merges several channels into one.
//
// Read README.md first. Then run `workbook check merge`.
package merge

import "context"

// Merge sends every value received from any of ins on the returned
// channel, and closes it once every one of ins is closed. Values from one
// input keep their order; an input with nothing to send holds up none of
// the others. When ctx is cancelled, Merge closes the output and leaves no
// goroutine running.
//
// This first version gets every value through, in order, and closes the
// output at the end. But it takes the inputs one after another.
func Merge(ctx context.Context, ins ...<-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		// TODO: while this loop waits for one input, the others wait
		// too. Give every input a goroutine of its own, and close out
		// once all of them are done.
		for _, in := range ins {
			for v := range in {
				// TODO: stop as soon as ctx is cancelled, whether you are
				// waiting for a value or waiting to send one.
				out <- v
			}
		}
	}()
	return out
}
