// Wrong: Count ends the goroutine that calls it.
// Fails: TestSequential, TestConcurrent

// Package tally counts.
package tally

import "runtime"

// Tally counts.
type Tally struct{ n int }

// Add adds one.
func (t *Tally) Add() { t.n++ }

// Count returns the count.
func (t *Tally) Count() int {
	runtime.Goexit()
	return t.n
}
