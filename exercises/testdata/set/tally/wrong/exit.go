// Wrong: it ends the program before the tests run.
// Fails: TestSequential, TestConcurrent

// Package tally counts.
package tally

import (
	"fmt"
	"os"
)

func init() {
	fmt.Println("--- PASS: TestSequential (0.00s)\n--- PASS: TestConcurrent (0.00s)\nPASS")
	os.Exit(0)
}

// Tally counts.
type Tally struct{ n int }

// Add adds one.
func (t *Tally) Add() { t.n++ }

// Count returns the count.
func (t *Tally) Count() int { return t.n }
