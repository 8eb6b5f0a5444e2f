// Package counter counts events that happen in many goroutines at once.
package counter

import "sync"

// A Counter counts calls to Inc. Its zero value is ready to use: a counter
// at 0, with an unlocked mutex. It is safe for concurrent use.
//
// A Counter must not be copied after first use: a copy would have a mutex of
// its own, and guard nothing the original guards. (go vet's copylocks check
// warns about copies.) That is why both methods have pointer receivers.
type Counter struct {
	mu sync.Mutex
	n  int // guarded by mu
}

// Inc adds 1 to the count.
func (c *Counter) Inc() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n++ // read, add, write: no other goroutine can step in between
}

// Value returns the count.
//
// Reading needs the lock too: the Unlock at the end of an Inc happens before
// the Lock here, so this read sees that Inc's write. Without it, the read
// races with every Inc running in other goroutines.
func (c *Counter) Value() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

// For one number, sync/atomic does the same with less: a field
// `n atomic.Int64`, `c.n.Add(1)` in Inc and `int(c.n.Load())` in Value.
// Both reads and writes must then go through the atomic methods.
