// Wrong: Inc adds atomically, but Value reads n with a plain read, which races with the atomic writes.
// Fails: TestValueWhileIncrementing

// Package counter counts events that happen in many goroutines at once.
package counter

import "sync/atomic"

// A Counter counts calls to Inc.
type Counter struct {
	n int64 // written with atomic.AddInt64
}

// Inc adds 1 to the count.
func (c *Counter) Inc() {
	atomic.AddInt64(&c.n, 1)
}

// Value returns the count, read without atomic.LoadInt64.
func (c *Counter) Value() int {
	return int(c.n)
}
