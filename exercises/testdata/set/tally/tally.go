// Package tally counts.
package tally

// Tally counts.
type Tally struct{ n int }

// Add adds one.
func (t *Tally) Add() { t.n++ }

// Count returns the count.
func (t *Tally) Count() int { return t.n }
