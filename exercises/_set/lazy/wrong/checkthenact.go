// Wrong: every access is under the mutex, but the check and the load are separate steps, so several goroutines find no Config and all run load.
// Fails: TestLoadRunsOnceUnderConcurrentGets

// Package lazy loads a configuration once, the first time someone needs it.
package lazy

import "sync"

// A Config is a service's configuration.
type Config struct {
	Name    string
	Port    int
	Servers []string
}

// A Lazy holds a Config that is loaded the first time Get is called.
type Lazy struct {
	mu   sync.Mutex
	load func() Config
	cfg  *Config // guarded by mu
}

// New returns a Lazy that builds its Config with load.
func New(load func() Config) *Lazy {
	return &Lazy{load: load}
}

// Get returns the Config, loading it on the first call.
func (l *Lazy) Get() Config {
	l.mu.Lock()
	cfg := l.cfg
	l.mu.Unlock()
	if cfg == nil {
		c := l.load() // without the lock, so that load does not block the others... and they load too
		l.mu.Lock()
		l.cfg = &c
		l.mu.Unlock()
		return c
	}
	return *cfg
}
