package main

import "fmt"

// A generator and three stages: each stage receives from the one before
// and sends to the one after; main reads the end, slowly enough that the
// stages block sending.
func stage(in <-chan int, out chan<- int) {
	for v := range in {
		out <- v * 2
	}
	close(out)
}

func main() {
	source := make(chan int)
	a := make(chan int)
	b := make(chan int)
	c := make(chan int)
	go func() {
		for i := range 5 {
			source <- i
		}
		close(source)
	}()
	go stage(source, a)
	go stage(a, b)
	go stage(b, c)
	sum := 0
	for v := range c {
		sum += v
	}
	fmt.Println(sum)
}
