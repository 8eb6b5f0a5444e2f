// Package cache remembers the results of a slow function, and makes sure
// that, however many goroutines ask for the same key at once, the slow
// function runs only once for it.
package cache

// A Cache holds the values load has produced, one per key.
//
// Many goroutines call Get at the same time, and this version was written
// for one. Make it safe for concurrent use, and make sure that load runs
// only once for a key, however many goroutines ask for it at once.
type Cache struct {
	load   func(key string) (string, error)
	values map[string]string // the values loaded so far
}

// New returns an empty cache that gets the value of a key it does not hold
// yet by calling load.
func New(load func(key string) (string, error)) *Cache {
	return &Cache{load: load, values: make(map[string]string)}
}

// Get returns the value of key, loading it if need be.
func (c *Cache) Get(key string) (string, error) {
	if v, ok := c.values[key]; ok {
		return v, nil
	}
	v, err := c.load(key) // slow: it may take a long time
	if err != nil {
		return "", err
	}
	c.values[key] = v
	return v, nil
}
