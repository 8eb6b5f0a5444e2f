// Three workers take jobs from one queue and put results on another.
//
// want reason=exit code=0 races=0
// want stdout contains "30 results, 870 letters, 3 workers done"
package main

import (
	"fmt"
	"strings"

	"workbook/proc"
)

type job struct {
	ID    int
	Words []string
}

func worker(jobs, results *proc.Queue) {
	for {
		var j job
		jobs.Get(&j)
		if j.ID < 0 {
			return
		}
		n := 0
		for _, w := range j.Words {
			n += len(w)
		}
		results.Put(n)
	}
}

func main() {
	jobs, results := proc.NewQueue(), proc.NewQueue()
	var workers []*proc.Process
	for range 3 {
		p, err := proc.Start(worker, jobs, results)
		if err != nil {
			panic(err)
		}
		workers = append(workers, p)
	}
	for i := range 30 {
		jobs.Put(job{i, strings.Fields(strings.Repeat("ab ", i))})
	}
	for range workers {
		jobs.Put(job{ID: -1})
	}
	total := 0
	for range 30 {
		var n int
		results.Get(&n)
		total += n
	}
	done := 0
	for _, p := range workers {
		p.Join()
		if p.ExitCode() == 0 {
			done++
		}
	}
	fmt.Printf("30 results, %d letters, %d workers done\n", total, done)
}
