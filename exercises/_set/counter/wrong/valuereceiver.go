// Wrong: Value has a value receiver, so each call copies the Counter, mutex and n included, without holding the lock; the copy races with Inc.
// Fails: TestValueWhileIncrementing

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
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n++
}

// Value returns the count. It locks, but the mutex it locks is a copy.
func (c Counter) Value() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}
