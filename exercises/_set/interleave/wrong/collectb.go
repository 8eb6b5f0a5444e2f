// Wrong: ranges over a but collects all of b into a slice first, so it reads b to the end before yielding anything.
// Fails: TestInterleaveIsLazy
package interleave

import (
	"iter"
	"slices"
)

func Interleave(a, b iter.Seq[int]) iter.Seq[int] {
	return func(yield func(int) bool) {
		bs := slices.Collect(b) // b is needed side by side with a
		i := 0
		for v := range a {
			if !yield(v) {
				return
			}
			if i < len(bs) {
				if !yield(bs[i]) {
					return
				}
				i++
			}
		}
		for _, v := range bs[i:] {
			if !yield(v) {
				return
			}
		}
	}
}
