// Two goroutines take two locks in opposite orders.
//
// want reason=deadlock
// want deadlock line=20
// want deadlock line=27
package main

import (
	"sync"
	"time"
)

func main() {
	var a, b sync.Mutex
	var wg sync.WaitGroup
	wg.Go(func() {
		a.Lock()
		defer a.Unlock()
		time.Sleep(20 * time.Millisecond)
		b.Lock()
		defer b.Unlock()
	})
	wg.Go(func() {
		b.Lock()
		defer b.Unlock()
		time.Sleep(20 * time.Millisecond)
		a.Lock()
		defer a.Unlock()
	})
	wg.Wait()
}
