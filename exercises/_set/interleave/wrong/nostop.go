// Wrong: never calls the stop functions iter.Pull returns, so when the consumer breaks out, both sequences stay paused in yield forever.
// Fails: TestInterleaveStopsSourcesWhenConsumerStops, TestInterleaveLeavesNoGoroutineBehind
package interleave

import "iter"

func Interleave(a, b iter.Seq[int]) iter.Seq[int] {
	return func(yield func(int) bool) {
		nextA, _ := iter.Pull(a)
		nextB, _ := iter.Pull(b)
		next, other := nextA, nextB
		for {
			v, ok := next()
			if !ok {
				for v, ok := other(); ok; v, ok = other() {
					if !yield(v) {
						return
					}
				}
				return
			}
			if !yield(v) {
				return
			}
			next, other = other, next
		}
	}
}
