// Wrong: Inc takes the lock but Value reads n without it, so the read races with every Inc.
// Fails: TestValueWhileIncrementing

// Package counter counts events that happen in many goroutines at once.
package counter

import "sync"

// A Counter counts calls to Inc.
type Counter struct {
	mu sync.Mutex
	n  int // guarded by mu, in Inc at least
}

// Inc adds 1 to the count.
func (c *Counter) Inc() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}

// Value returns the count. "It only reads, so it needs no lock."
func (c *Counter) Value() int {
	return c.n
}
