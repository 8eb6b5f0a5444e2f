package engine

import "strings"

// The race detector numbers goroutines its own way: the numbers of its
// reports are neither the runtime's (those of a panic, a deadlock or the
// timeline) nor known to any goroutine. To say which goroutines of the
// program raced, the engine starts each one (main too) at the bottom of a
// chain of calls that spells its number in binary, bit1 for a one and
// bit0 for a zero, most significant first: every stack the race detector
// prints for that goroutine ends in the chain, and readNumber reads it
// back. It costs a few calls at the start of a goroutine, and only in a
// child with the race detector.

// spell calls f at the bottom of the chain that spells n, when the race
// detector is built in; else it calls f.
func spell(n int, f func()) {
	if !raceEnabled || n <= 0 {
		f()
		return
	}
	k := 0
	for n>>k > 0 {
		k++
	}
	spelled(n, k, f)
}

// spelled heads the chain: a stack the race detector printed cut short
// (it keeps a bounded history) has bits without it, which say nothing.
//
//go:noinline
func spelled(n, k int, f func()) { spellFrom(n, k, f) }

// spellFrom spells the k low bits of n, then calls f.
func spellFrom(n, k int, f func()) {
	if k == 0 {
		f()
		return
	}
	k--
	if n>>k&1 == 1 {
		bit1(n, k, f)
	} else {
		bit0(n, k, f)
	}
}

//go:noinline
func bit0(n, k int, f func()) { spellFrom(n, k, f) }

//go:noinline
func bit1(n, k int, f func()) { spellFrom(n, k, f) }

// readNumber reads back the number a stack spells, from its frames'
// function names innermost first, as the race detector prints them
// ("workbook/internal/engine.bit1()"); ok is false when the stack holds no
// whole chain (the race detector could not restore it, or the goroutine
// is not the program's).
func readNumber(funcs []string) (n int, ok bool) {
	// Innermost first: the least significant bit comes first, and the
	// head of the chain last.
	shift := 0
	for _, f := range funcs {
		switch strings.TrimSuffix(f, "()") {
		case "workbook/internal/engine.bit0":
		case "workbook/internal/engine.bit1":
			n |= 1 << shift
		case "workbook/internal/engine.spelled":
			return n, shift > 0
		default:
			continue
		}
		shift++
	}
	return 0, false
}
