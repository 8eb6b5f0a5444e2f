// Ranges over a channel the producer never closes.
//
// want reason=deadlock
// want stderr contains "goroutine 1 [chan receive]"
// want deadlock line=18
package main

import "fmt"

func main() {
	ch := make(chan int)
	go func() {
		for i := range 3 {
			ch <- i
		}
	}()
	sum := 0
	for v := range ch {
		sum += v
	}
	fmt.Println(sum)
}
