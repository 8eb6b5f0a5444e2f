// On one thread, main and three goroutines that compute take turns: the
// go statement makes each ready to run, and each waits for the thread
// before it first runs. Then a ping-pong: each send makes the other side
// ready to run, and it runs once the sender waits.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

func spin(d time.Duration) {
	for start := time.Now(); time.Since(start) < d; {
	}
}

func main() {
	runtime.GOMAXPROCS(1)
	var wg sync.WaitGroup
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			spin(30 * time.Millisecond)
		}()
	}
	spin(30 * time.Millisecond)
	wg.Wait()

	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
	}()
	for i := range 3 {
		time.Sleep(time.Millisecond) // the other side waits for it
		ping <- i
		fmt.Println(<-pong)
	}
}
