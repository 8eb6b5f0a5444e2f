package main

import (
	"fmt"
	"sync"
	"time"
)

// Four goroutines want one mutex at once, and each holds it a while: the
// others wait in Lock, and each Unlock lets the next one in.
func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	start := make(chan struct{})
	total := 0
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			mu.Lock()
			total += i
			time.Sleep(3 * time.Millisecond)
			mu.Unlock()
		}()
	}
	close(start)
	wg.Wait()
	fmt.Println(total)
}
