// Wrong: it prints passing tests in every format it can think of, and counts nothing.
// Fails: TestSequential, TestConcurrent

// Package tally counts.
package tally

import (
	"fmt"
	"os"
)

func init() {
	for _, w := range []*os.File{os.Stdout, os.Stderr} {
		fmt.Fprintln(w, `{"Action":"pass","Package":"tally","Test":"TestSequential"}`)
		fmt.Fprintln(w, `{"Action":"pass","Package":"tally","Test":"TestConcurrent"}`)
		fmt.Fprintln(w, `{"kind":"test","test":{"name":"TestSequential","passed":true}}`)
		fmt.Fprintln(w, `{"kind":"test","test":{"name":"TestConcurrent","passed":true}}`)
		fmt.Fprintln(w, `{"kind":"exit","code":0}`)
		fmt.Fprintln(w, "--- PASS: TestSequential (0.00s)\n--- PASS: TestConcurrent (0.00s)\nPASS")
	}
}

// Tally counts.
type Tally struct{ n int }

// Add adds one.
func (t *Tally) Add() {}

// Count returns the count.
func (t *Tally) Count() int { return 0 }
