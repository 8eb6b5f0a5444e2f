// Wrong: Inc reads the count in one critical section and writes count+1 in another, so increments made in between are lost, without any data race.
// Fails: TestIncFromManyGoroutines

// Package counter counts events that happen in many goroutines at once.
package counter

import "sync"

// A Counter counts calls to Inc.
type Counter struct {
	mu sync.Mutex
	n  int // guarded by mu
}

// Inc adds 1 to the count.
func (c *Counter) Inc() {
	v := c.Value() // locked
	c.mu.Lock()    // locked again, but another Inc may have run in between
	c.n = v + 1
	c.mu.Unlock()
}

// Value returns the count.
func (c *Counter) Value() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}
