// Wrong: Count locks twice.
// Fails: TestSequential, TestConcurrent

// Package tally counts.
package tally

import "sync"

// Tally counts.
type Tally struct {
	mu sync.Mutex
	n  int
}

// Add adds one.
func (t *Tally) Add() {
	t.mu.Lock()
	t.n++
	t.mu.Unlock()
}

// Count returns the count.
func (t *Tally) Count() int {
	t.mu.Lock()
	t.mu.Lock()
	return t.n
}
