// Wrong: Waiters wait for the load to finish, then look the value up in the map of values; when the load failed there is nothing there, and they return "" with no error.
// Fails: TestFailedLoadReachesEveryWaiter

// Package cache remembers the results of a slow function.
package cache

import "sync"

// A Cache holds the values load has produced, one per key.
type Cache struct {
	load func(key string) (string, error)

	mu      sync.Mutex
	values  map[string]string        // guarded by mu
	loading map[string]chan struct{} // guarded by mu: closed when the load is over
}

// New returns an empty cache that gets the value of a key it does not hold
// yet by calling load.
func New(load func(key string) (string, error)) *Cache {
	return &Cache{load: load, values: make(map[string]string), loading: make(map[string]chan struct{})}
}

// Get returns the value of key, loading it if need be.
func (c *Cache) Get(key string) (string, error) {
	c.mu.Lock()
	if v, ok := c.values[key]; ok {
		c.mu.Unlock()
		return v, nil
	}
	if done, ok := c.loading[key]; ok {
		c.mu.Unlock()
		<-done
		c.mu.Lock()
		defer c.mu.Unlock()
		return c.values[key], nil // "" if the load failed
	}
	done := make(chan struct{})
	c.loading[key] = done
	c.mu.Unlock()

	v, err := c.load(key)

	c.mu.Lock()
	if err == nil {
		c.values[key] = v
	}
	delete(c.loading, key)
	c.mu.Unlock()
	close(done)
	return v, err
}
