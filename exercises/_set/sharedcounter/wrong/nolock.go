// Wrong: Adder reads v and writes it back without v's lock, so another process's addition in between is lost.
// Fails: TestNoAdditionIsLost

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
		v.Store(v.Load() + 1) // read, add one, write back: no lock
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
	// Join every process that started, even after an error: the count is
	// only complete once they have all ended.
	pids := make([]int, 0, len(ps))
	for _, p := range ps {
		p.Join()
		pids = append(pids, p.Pid())
		if code := p.ExitCode(); code != 0 && err == nil {
			err = fmt.Errorf("CountTogether: process %d ended with exit code %d", p.Pid(), code)
		}
	}
	return pids, err
}
