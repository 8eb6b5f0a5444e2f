// Wrong: Worker puts a result for the sentinel too, before it sees that it is one, so the results queue holds one result too many per worker.
// Fails: TestWorker

// Package workers sums squares with a pool of worker processes fed by a
// proc.Queue.
package workers

import (
	"errors"
	"fmt"
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
		if err := results.Put(Result{N: j.N, Square: j.N * j.N, Pid: pid}); err != nil {
			return err
		}
		if j.Stop { // checked too late: the sentinel got a result of its own
			return nil
		}
	}
}

// SumSquares starts procs worker processes, hands them the numbers through
// a jobs queue, collects one Result per number from a results queue, then
// stops the workers (one sentinel each) and joins them.
func SumSquares(nums []int, procs int) (Report, error) {
	if procs < 1 {
		return Report{}, fmt.Errorf("SumSquares: %d worker processes; want at least 1", procs)
	}
	jobs, results := proc.NewQueue(), proc.NewQueue()
	defer jobs.Close()
	defer results.Close()

	var rep Report
	var workers []*proc.Process
	for range procs {
		p := proc.New(Worker, jobs, results)
		if err := p.Start(); err != nil {
			// Stop the ones that started: one sentinel each.
			for range workers {
				jobs.Put(Job{Stop: true})
			}
			for _, w := range workers {
				w.Join()
			}
			return Report{}, err
		}
		workers = append(workers, p)
		rep.Pids = append(rep.Pids, p.Pid())
	}

	// Hand out the jobs from a goroutine of their own, and the sentinels
	// after them. A queue holds only a few hundred messages: if this
	// goroutine put every job before anyone took a result, the workers
	// would wait to put results while it waited to put jobs.
	fed := make(chan error, 1)
	go func() {
		for _, n := range nums {
			if err := jobs.Put(Job{N: n}); err != nil {
				fed <- err
				return
			}
		}
		for range workers {
			if err := jobs.Put(Job{Stop: true}); err != nil {
				fed <- err
				return
			}
		}
		fed <- nil
	}()

	// Collect every result before joining: a worker whose results the
	// queue has no room for cannot end.
	var errs []error
	for range nums {
		var r Result
		if err := results.Get(&r); err != nil {
			errs = append(errs, err)
			break
		}
		rep.Sum += r.Square
		rep.Results = append(rep.Results, r)
	}
	errs = append(errs, <-fed)
	for _, w := range workers {
		w.Join()
		if code := w.ExitCode(); code != 0 {
			errs = append(errs, fmt.Errorf("SumSquares: worker %d ended with exit code %d", w.Pid(), code))
		}
	}
	return rep, errors.Join(errs...)
}
