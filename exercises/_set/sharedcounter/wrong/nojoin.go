// Wrong: CountTogether returns without joining the processes, so they are still adding (or not even started) when the caller reads v.
// Fails: TestNoAdditionIsLost, TestCountTogether

// Package sharedcounter lets several processes add to one counter in
// shared memory.
package sharedcounter

import (
	"fmt"

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
	var ps []*proc.Process
	var err error
	for range procs {
		p := proc.New(Adder, v, each)
		if err = p.Start(); err != nil {
			break
		}
		ps = append(ps, p)
	}
	pids := make([]int, 0, len(ps))
	for _, p := range ps {
		pids = append(pids, p.Pid()) // no Join: the processes are still adding
	}
	return pids, err
}
