// Package tally counts.
package tally

import (
	"fmt"
	"sync"
)

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
	defer t.mu.Unlock()
	fmt.Println("counted", t.n)
	return t.n
}
