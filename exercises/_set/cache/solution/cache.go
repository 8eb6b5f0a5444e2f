// Package cache remembers the results of a slow function, and makes sure
// that, however many goroutines ask for the same key at once, the slow
// function runs only once for it.
package cache

import "sync"

// A Cache holds the values load has produced, one per key. It is safe for
// concurrent use.
type Cache struct {
	load func(key string) (string, error)

	mu      sync.Mutex
	entries map[string]*entry // guarded by mu: one per key loaded or being loaded
}

// An entry is the value of one key: once done is closed, val and err hold
// the result of its load, and are never written again.
type entry struct {
	done chan struct{}
	val  string
	err  error
}

// New returns an empty cache that gets the value of a key it does not hold
// yet by calling load.
func New(load func(key string) (string, error)) *Cache {
	return &Cache{load: load, entries: make(map[string]*entry)}
}

// Get returns the value of key, loading it if need be.
func (c *Cache) Get(key string) (string, error) {
	c.mu.Lock()
	e, ok := c.entries[key]
	if ok {
		// Loaded, or being loaded by another goroutine: wait for that load
		// (at once, if it is over) and share its result. Do not wait while
		// holding mu: the loader needs it, and so do other keys.
		c.mu.Unlock()
		<-e.done
		return e.val, e.err
	}
	// Nobody has asked for key yet. Claim it in the same critical section as
	// the check, so that one goroutine only becomes its loader.
	e = &entry{done: make(chan struct{})}
	c.entries[key] = e
	c.mu.Unlock()

	// Load with no lock held: Gets of other keys go on meanwhile.
	e.val, e.err = c.load(key)
	if e.err != nil {
		// Forget a failed load, so that the next Get tries again. The
		// goroutines already waiting hold e itself: they still see the error.
		c.mu.Lock()
		delete(c.entries, key)
		c.mu.Unlock()
	}
	// Closing done publishes val and err: the writes above happen before
	// the close, and the close happens before every <-e.done returns.
	close(e.done)
	return e.val, e.err
}
