// Package interleave merges two sequences by taking turns, pulling from
// each only when the consumer asks for more.
package interleave

import "iter"

// Interleave yields a1, b1, a2, b2, …: one value from a, then one from b,
// and so on; when one of them runs out, the rest of the other.
//
// It is lazy: it pulls a value from a or b only when it is about to yield
// it. When the consumer stops early (breaks out of its loop), Interleave
// stops both sequences, so that their loops see yield return false and
// nothing is left running.
func Interleave(a, b iter.Seq[int]) iter.Seq[int] {
	return func(yield func(int) bool) {
		// A for loop can walk one sequence; to walk two side by side we pull.
		// Each next resumes its sequence until its next yield, like Python's
		// next(gen).
		nextA, stopA := iter.Pull(a)
		defer stopA() // however we leave, a's loop ends: its yield returns false
		nextB, stopB := iter.Pull(b)
		defer stopB()

		next, other := nextA, nextB // whose turn it is, and who comes next
		for {
			v, ok := next()
			if !ok {
				// This one has run out: the rest comes from the other.
				for v, ok := other(); ok; v, ok = other() {
					if !yield(v) {
						return
					}
				}
				return
			}
			if !yield(v) {
				return // the consumer broke out of its loop
			}
			next, other = other, next
		}
	}
}
