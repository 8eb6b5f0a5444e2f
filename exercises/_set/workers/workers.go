// Package workers sums squares with a pool of worker processes fed by a
// proc.Queue.
//
// Read README.md first. Then run `workbook check workers`.
package workers

import (
	"os"

	"workbook/proc"
)

// A Job asks a worker to square N. A Job with Stop set is the sentinel:
// no more work.
type Job struct {
	N    int
	Stop bool
}

// A Result is the square of one number, and who computed it.
type Result struct {
	N      int // the number
	Square int // N*N
	Pid    int // the pid of the worker process that computed it
}

// A Report is what SumSquares returns.
type Report struct {
	Sum     int      // the sum of the squares of the numbers
	Results []Result // one per number, in the order they came back
	Pids    []int    // the pids of the worker processes, one per process started
}

// Worker takes jobs from jobs until it gets the sentinel, and puts a
// Result on results for each.
func Worker(jobs, results *proc.Queue) error {
	pid := os.Getpid()
	for {
		var j Job
		if err := jobs.Get(&j); err != nil {
			return err
		}
		if j.Stop {
			return nil // the sentinel: no more work
		}
		if err := results.Put(Result{N: j.N, Square: j.N * j.N, Pid: pid}); err != nil {
			return err
		}
	}
}

// SumSquares starts procs worker processes, hands them the numbers through
// a jobs queue, collects one Result per number from a results queue, then
// stops the workers (one sentinel each) and joins them.
//
// This first draft runs, and gets small sums right with one worker. Read
// it as the workers see it: which numbers does each one get? What happens
// when there are thousands of numbers, and the queues fill up? And what if
// procs is 0?
func SumSquares(nums []int, procs int) (Report, error) {
	var rep Report
	results := proc.NewQueue()

	var workers []*proc.Process
	for range procs {
		// Each worker gets a queue of jobs of its own, with every number
		// on it, and its sentinel.
		jobs := proc.NewQueue()
		for _, n := range nums {
			jobs.Put(Job{N: n})
		}
		jobs.Put(Job{Stop: true})

		p := proc.New(Worker, jobs, results)
		if err := p.Start(); err != nil {
			return rep, err
		}
		workers = append(workers, p)
		rep.Pids = append(rep.Pids, p.Pid())
	}

	for _, p := range workers {
		p.Join()
	}
	for range len(nums) * len(workers) {
		var r Result
		if err := results.Get(&r); err != nil {
			return rep, err
		}
		rep.Sum += r.Square
		rep.Results = append(rep.Results, r)
	}
	return rep, nil
}
