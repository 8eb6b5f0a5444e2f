package main

import (
	"fmt"
	"sync"
)

// The worker waits for a job nobody sends; main waits for the worker.
func main() {
	jobs := make(chan int)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		job := <-jobs
		fmt.Println("got", job)
	}()
	wg.Wait()
}
