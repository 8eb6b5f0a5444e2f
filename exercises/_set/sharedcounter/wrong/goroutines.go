// Wrong: CountTogether adds with goroutines of the calling process instead of starting processes, so there are no process pids to return.
// Fails: TestCountTogether

// Package sharedcounter lets several processes add to one counter in
// shared memory.
package sharedcounter

import (
	"fmt"

	"sync"

	"workbook/proc"
)

// Adder adds 1 to v, each times. It runs in a process of its own, next to
// other processes that add to the same v.
func Adder(v *proc.Value, each int) {
	for range each {
		// Read, add one, write back: three steps, which no other process
		// may cut into while this one holds v's lock.
		v.Lock()
		v.Store(v.Load() + 1)
		v.Unlock()
	}
}

// CountTogether starts procs processes, each running Adder(v, each),
// waits until every one of them has ended, and returns their pids.
func CountTogether(v *proc.Value, procs, each int) ([]int, error) {
	if procs < 1 {
		return nil, fmt.Errorf("CountTogether: %d processes; want at least 1", procs)
	}
	var wg sync.WaitGroup
	for range procs {
		wg.Go(func() { Adder(v, each) }) // goroutines of this process
	}
	wg.Wait()
	return nil, nil
}
