// A pool of workers takes jobs from one channel and sends results to
// another; main collects them in order of job number.
package main

import (
	"fmt"
	"sort"
	"sync"
)

type result struct{ job, square int }

func main() {
	jobs := make(chan int)
	results := make(chan result)
	var wg sync.WaitGroup
	for w := 1; w <= 3; w++ {
		wg.Go(func() {
			for j := range jobs {
				results <- result{j, j * j}
			}
		})
	}
	go func() {
		for j := 1; j <= 9; j++ {
			jobs <- j
		}
		close(jobs)
	}()
	go func() {
		wg.Wait()
		close(results)
	}()
	var all []result
	for r := range results {
		all = append(all, r)
	}
	sort.Slice(all, func(a, b int) bool { return all[a].job < all[b].job })
	for _, r := range all {
		fmt.Printf("%d² = %d\n", r.job, r.square)
	}
}
