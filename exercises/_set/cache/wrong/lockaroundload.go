// Wrong: Get holds the one lock while load runs, so a slow load of one key makes the Gets of every other key wait.
// Fails: TestDifferentKeysLoadInParallel, TestFailedLoadReachesEveryWaiter

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
	defer c.mu.Unlock() // held while load runs
	if v, ok := c.values[key]; ok {
		return v, nil
	}
	v, err := c.load(key)
	if err != nil {
		return "", err
	}
	c.values[key] = v
	return v, nil
}
