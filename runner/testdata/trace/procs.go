package main

import (
	"fmt"
	"time"

	"workbook/proc"
)

func worker(jobs, results *proc.Queue) {
	var n int
	jobs.Get(&n)
	time.Sleep(20 * time.Millisecond)
	results.Put(n * n)
}

func main() {
	jobs, results := proc.NewQueue(), proc.NewQueue()
	var ps []*proc.Process
	for range 2 {
		p, err := proc.Start(worker, jobs, results)
		if err != nil {
			panic(err)
		}
		ps = append(ps, p)
	}
	jobs.Put(3)
	jobs.Put(4)
	sum := 0
	for range ps {
		var sq int
		results.Get(&sq)
		sum += sq
	}
	for _, p := range ps {
		p.Join()
	}
	fmt.Println(sum)
}
