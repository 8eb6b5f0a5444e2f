// Wrong: Get locks around each map access but not around the decision: every goroutine that finds no value calls load, so a key is loaded as many times as it is asked for during its load.
// Fails: TestConcurrentGetsLoadOnce, TestFailedLoadReachesEveryWaiter, TestManyKeysConcurrently

// Package cache remembers the results of a slow function.
package cache

import "sync"

// A Cache holds the values load has produced, one per key.
type Cache struct {
	load func(key string) (string, error)

	mu     sync.Mutex
	values map[string]string // guarded by mu
}

// New returns an empty cache that gets the value of a key it does not hold
// yet by calling load.
func New(load func(key string) (string, error)) *Cache {
	return &Cache{load: load, values: make(map[string]string)}
}

// Get returns the value of key, loading it if need be.
func (c *Cache) Get(key string) (string, error) {
	c.mu.Lock()
	v, ok := c.values[key]
	c.mu.Unlock()
	if ok {
		return v, nil
	}
	v, err := c.load(key) // every goroutine that missed gets here
	if err != nil {
		return "", err
	}
	c.mu.Lock()
	c.values[key] = v
	c.mu.Unlock()
	return v, nil
}
