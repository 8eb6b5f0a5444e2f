// Wrong: Inc has a value receiver, so it locks and increments a copy of the Counter, and the count never moves.
// Fails: TestZeroValueCounts, TestIncFromManyGoroutines, TestValueWhileIncrementing

// Package counter counts events that happen in many goroutines at once.
package counter

import "sync"

// A Counter counts calls to Inc.
type Counter struct {
	mu sync.Mutex
	n  int // guarded by mu
}

// Inc adds 1 to the count: to the count of a copy.
func (c Counter) Inc() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n++
}

// Value returns the count.
func (c *Counter) Value() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}
