// Correct synchronisation with every tool of package sync, atomic,
// channels and context: no race may be reported.
//
// run race
// want code=0 races=0
// want stdout contains "10 10 10 45 once"
package main

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	var mu sync.Mutex
	var rw sync.RWMutex
	var n atomic.Int64
	var once sync.Once
	var m sync.Map
	count := 0
	shared := map[int]int{}
	var wg sync.WaitGroup
	cond := sync.NewCond(&mu)
	ready := false
	ch := make(chan int, 10)
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	onceMsg := ""
	for i := range 10 {
		wg.Go(func() {
			mu.Lock()
			count++
			mu.Unlock()
			rw.Lock()
			shared[i] = i
			rw.Unlock()
			rw.RLock()
			_ = shared[0]
			rw.RUnlock()
			n.Add(1)
			once.Do(func() { onceMsg = "once" })
			m.Store(i, i)
			ch <- i
			select {
			case <-ctx.Done():
			default:
			}
		})
	}
	go func() {
		mu.Lock()
		ready = true
		cond.Broadcast()
		mu.Unlock()
	}()
	mu.Lock()
	for !ready {
		cond.Wait()
	}
	mu.Unlock()
	wg.Wait()
	close(ch)
	sum := 0
	for v := range ch {
		sum += v
	}
	fmt.Println(count, len(shared), n.Load(), sum, onceMsg)
}
