// Package interleave merges two sequences by taking turns.
package interleave

import (
	"iter"
	"slices"
)

// Interleave yields a1, b1, a2, b2, …: one value from a, then one from b,
// and so on; when one of them runs out, the rest of the other.
//
// This version gets the order right, but it reads both sequences to the
// end before it yields anything: it is not lazy, it hangs on a sequence
// that never ends, and a consumer that wants only the first value still
// pays for all of them.
//
// TODO: pull one value at a time, only when you are about to yield it
// (iter.Pull gives you a next function for each sequence), and when the
// consumer stops early, stop both sequences.
func Interleave(a, b iter.Seq[int]) iter.Seq[int] {
	return func(yield func(int) bool) {
		as := slices.Collect(a)
		bs := slices.Collect(b)
		for i := range max(len(as), len(bs)) {
			if i < len(as) && !yield(as[i]) {
				return
			}
			if i < len(bs) && !yield(bs[i]) {
				return
			}
		}
	}
}
