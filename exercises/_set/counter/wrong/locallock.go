// Wrong: Inc copies the mutex into a local variable and locks the copy, so every call has a lock of its own and n++ is not guarded at all.
// Fails: TestIncFromManyGoroutines, TestValueWhileIncrementing

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
	mu := c.mu // a copy: a new mutex nobody else ever locks
	mu.Lock()
	c.n++
	mu.Unlock()
}

// Value returns the count.
func (c *Counter) Value() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}
