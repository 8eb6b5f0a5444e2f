// runtime.NumGoroutine counts the program's goroutines; GOMAXPROCS is at
// least one.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	fmt.Println("at start:", runtime.NumGoroutine())
	var wg sync.WaitGroup
	start := make(chan struct{})
	for range 5 {
		wg.Go(func() { <-start })
	}
	runtime.Gosched()
	fmt.Println("with five waiting:", runtime.NumGoroutine())
	close(start)
	wg.Wait()
	fmt.Println("GOMAXPROCS >= 1:", runtime.GOMAXPROCS(0) >= 1)
}
