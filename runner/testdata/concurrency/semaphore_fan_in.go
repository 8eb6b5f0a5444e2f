// A buffered channel as a semaphore limits concurrency; fan-in merges
// several channels into one.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

func merge(chans ...<-chan int) <-chan int {
	out := make(chan int)
	var wg sync.WaitGroup
	for _, c := range chans {
		wg.Go(func() {
			for v := range c {
				out <- v
			}
		})
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

func counter(from, to int) <-chan int {
	c := make(chan int)
	go func() {
		defer close(c)
		for i := from; i <= to; i++ {
			c <- i
		}
	}()
	return c
}

func main() {
	sem := make(chan struct{}, 2)
	var running, peak atomic.Int32
	var wg sync.WaitGroup
	for range 6 {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			n := running.Add(1)
			for {
				p := peak.Load()
				if n <= p || peak.CompareAndSwap(p, n) {
					break
				}
			}
			time.Sleep(5 * time.Millisecond)
			running.Add(-1)
		})
	}
	wg.Wait()
	fmt.Println("at most", peak.Load(), "at once")

	total := 0
	for v := range merge(counter(1, 5), counter(6, 10)) {
		total += v
	}
	fmt.Println("total", total)
}
