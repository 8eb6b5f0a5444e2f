// Wrong: stops as soon as either sequence runs out, dropping the rest of the longer one.
// Fails: TestInterleaveYieldsRestOfLonger
package interleave

import "iter"

func Interleave(a, b iter.Seq[int]) iter.Seq[int] {
	return func(yield func(int) bool) {
		nextA, stopA := iter.Pull(a)
		defer stopA()
		nextB, stopB := iter.Pull(b)
		defer stopB()
		for {
			v, ok := nextA()
			if !ok || !yield(v) {
				return
			}
			w, ok := nextB()
			if !ok || !yield(w) {
				return
			}
		}
	}
}
