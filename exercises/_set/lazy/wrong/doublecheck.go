// Wrong: double-checked locking that reads l.cfg without the lock first, a data race with the write under the lock.
// Fails: TestLoadRunsOnceUnderConcurrentGets, TestEveryCallerSeesTheLoadedConfig

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
	cfg  *Config // written under mu, but read without it below
}

// New returns a Lazy that builds its Config with load.
func New(load func() Config) *Lazy {
	return &Lazy{load: load}
}

// Get returns the Config, loading it on the first call.
func (l *Lazy) Get() Config {
	if l.cfg == nil { // fast path, without the lock: races with the write below
		l.mu.Lock()
		if l.cfg == nil {
			cfg := l.load()
			l.cfg = &cfg
		}
		l.mu.Unlock()
	}
	return *l.cfg
}
