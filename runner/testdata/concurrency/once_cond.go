// sync.Once runs a setup once; sync.Cond wakes waiting goroutines.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var once sync.Once
	setups := 0
	var wg sync.WaitGroup
	for range 5 {
		wg.Go(func() { once.Do(func() { setups++ }) })
	}
	wg.Wait()
	fmt.Println("setups:", setups)

	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	queue := []int{}
	done := make(chan int)
	for range 3 {
		go func() {
			mu.Lock()
			for len(queue) == 0 {
				cond.Wait()
			}
			v := queue[0]
			queue = queue[1:]
			mu.Unlock()
			done <- v
		}()
	}
	for i := 1; i <= 3; i++ {
		mu.Lock()
		queue = append(queue, i*10)
		mu.Unlock()
		cond.Signal()
	}
	sum := 0
	for range 3 {
		sum += <-done
	}
	fmt.Println("sum:", sum)
}
