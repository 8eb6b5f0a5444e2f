// Wrong: keeps taking turns after one sequence has run out, yielding 0 for its missing values.
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
			x, okA := nextA()
			if !okA {
				// a is done; b may not be
				y, okB := nextB()
				if !okB {
					return
				}
				if !yield(x) || !yield(y) { // x is 0 here
					return
				}
				continue
			}
			if !yield(x) {
				return
			}
			y, _ := nextB() // 0 once b is done
			if !yield(y) {
				return
			}
		}
	}
}
