// The value of a send case is computed before select chooses: a composite
// literal, a call, a receive.
package main

import "fmt"

type Job struct{ ID int }

type Result struct {
	Job    Job
	Square int
}

func square(n int) int { return n * n }

func main() {
	results := make(chan Result, 3)
	calls := make(chan int, 3)
	relayed := make(chan int, 3)
	source := make(chan int, 3)
	quit := make(chan bool)
	for i := 1; i <= 3; i++ {
		j := Job{i}
		source <- i * 100
		select {
		case results <- Result{j, j.ID * j.ID}:
		case <-quit:
		}
		select {
		case calls <- square(i) + 1:
		case <-quit:
		}
		select {
		case relayed <- <-source:
		case <-quit:
		}
	}
	close(results)
	close(calls)
	close(relayed)
	for r := range results {
		fmt.Println(r, <-calls, <-relayed)
	}
}
