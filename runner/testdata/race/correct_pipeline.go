// A pipeline of goroutines handing values over channels, with a
// semaphore made of a buffered channel: no race.
//
// run race
// want code=0 races=0
// want stdout contains "sum of squares: 285"
package main

import (
	"fmt"
	"sync"
)

func main() {
	nums := make(chan int)
	squares := make(chan int)
	sem := make(chan struct{}, 2)
	go func() {
		for i := range 10 {
			nums <- i
		}
		close(nums)
	}()
	go func() {
		var wg sync.WaitGroup
		for n := range nums {
			sem <- struct{}{}
			wg.Go(func() {
				defer func() { <-sem }()
				squares <- n * n
			})
		}
		wg.Wait()
		close(squares)
	}()
	sum := 0
	for s := range squares {
		sum += s
	}
	fmt.Println("sum of squares:", sum)
}
