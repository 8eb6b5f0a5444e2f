// Wrong: pulls a value from a and one from b before yielding either, so it takes one more value than the consumer asked for.
// Fails: TestInterleaveIsLazy
package interleave

import "iter"

func Interleave(a, b iter.Seq[int]) iter.Seq[int] {
	return func(yield func(int) bool) {
		nextA, stopA := iter.Pull(a)
		defer stopA()
		nextB, stopB := iter.Pull(b)
		defer stopB()
		for {
			x, okA := nextA() // a's turn
			y, okB := nextB() // then b's
			if !okA && !okB {
				return
			}
			if okA && !yield(x) {
				return
			}
			if okB && !yield(y) {
				return
			}
		}
	}
}
