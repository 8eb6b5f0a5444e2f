// A counter protected by a mutex, and one made of atomics.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Counter struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *Counter) Inc(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n[key]++
}

func main() {
	c := Counter{n: map[string]int{}}
	var hits atomic.Int64
	var wg sync.WaitGroup
	for i := range 100 {
		wg.Go(func() {
			c.Inc([]string{"a", "b"}[i%2])
			hits.Add(1)
		})
	}
	wg.Wait()
	fmt.Println(c.n["a"], c.n["b"], hits.Load())
}
