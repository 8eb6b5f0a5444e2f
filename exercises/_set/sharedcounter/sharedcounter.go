// Package sharedcounter lets several processes add to one counter in
// shared memory.
//
// Read README.md first. Then run `workbook check sharedcounter`.
package sharedcounter

import (
	"fmt"

	"workbook/proc"
)

// Adder adds 1 to v, each times. It runs in a process of its own, next to
// other processes that add to the same v.
//
// It looks right, and it is right as long as it runs alone. But other
// processes add to v at the same time, and some of the additions get
// lost. The race detector cannot help you here: it watches the goroutines
// of one process, and these are several processes. Only the count tells.
func Adder(v *proc.Value, each int) {
	for range each {
		v.Store(v.Load() + 1)
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
		p.Join()
		pids = append(pids, p.Pid())
		if code := p.ExitCode(); code != 0 && err == nil {
			err = fmt.Errorf("CountTogether: process %d ended with exit code %d", p.Pid(), code)
		}
	}
	return pids, err
}
