// select with a timeout, a default case, and a quit channel.
package main

import (
	"fmt"
	"time"
)

func main() {
	slow := make(chan string)
	go func() {
		time.Sleep(200 * time.Millisecond)
		slow <- "too late"
	}()
	select {
	case msg := <-slow:
		fmt.Println(msg)
	case <-time.After(50 * time.Millisecond):
		fmt.Println("timed out")
	}

	ready := make(chan int, 1)
	select {
	case v := <-ready:
		fmt.Println("got", v)
	default:
		fmt.Println("nothing ready")
	}
	ready <- 7
	select {
	case v := <-ready:
		fmt.Println("got", v)
	default:
		fmt.Println("nothing ready")
	}

	quit := make(chan struct{})
	ticks := 0
	ticker := time.NewTicker(10 * time.Millisecond)
	defer ticker.Stop()
	go func() {
		time.Sleep(35 * time.Millisecond)
		close(quit)
	}()
loop:
	for {
		select {
		case <-ticker.C:
			ticks++
		case <-quit:
			break loop
		}
	}
	fmt.Println("ticked at least twice:", ticks >= 2)
}
