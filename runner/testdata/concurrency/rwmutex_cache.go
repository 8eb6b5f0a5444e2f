// A cache read by many goroutines and written by a few, with an RWMutex.
package main

import (
	"fmt"
	"sync"
)

type Cache struct {
	mu   sync.RWMutex
	data map[int]int
}

func (c *Cache) Get(k int) (int, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.data[k]
	return v, ok
}

func (c *Cache) Put(k, v int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.data[k] = v
}

func main() {
	c := &Cache{data: map[int]int{}}
	var wg sync.WaitGroup
	for i := range 10 {
		wg.Go(func() { c.Put(i, i*i) })
	}
	wg.Wait()
	found := 0
	for i := range 20 {
		wg.Go(func() {
			if _, ok := c.Get(i % 10); ok {
				c.mu.Lock()
				found++
				c.mu.Unlock()
			}
		})
	}
	wg.Wait()
	fmt.Println("found", found, "of 20")
}
