// Package pipeline is a stage of a pipeline that applies a function with
// several goroutines at once and keeps the order of its input.
//
// Read README.md first. Then run `workbook check pipeline`.
package pipeline

import "context"

// Pipeline applies f to every value received from in, with workers
// goroutines at once, and sends the results on the returned channel in the
// order of the input. It closes the output once in is closed and every
// result is sent. When ctx is cancelled it stops, closes the output
// promptly, and leaves no goroutine running (once the calls of f under
// way have returned).
//
// This first version is the sq stage of the lesson: one goroutine, which
// keeps the order and closes the output at the end. But it calls f for one
// value at a time, and it never looks at ctx.
func Pipeline(ctx context.Context, in <-chan int, workers int, f func(int) int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for v := range in {
			// TODO: run up to workers calls of f at once, and still send
			// the results in the order of the input.
			out <- f(v)
			// TODO: stop, and close out, as soon as ctx is cancelled, even
			// while you wait to receive from in or to send on out.
		}
	}()
	return out
}
