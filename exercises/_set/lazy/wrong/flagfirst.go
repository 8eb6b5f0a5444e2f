// Wrong: an atomic flag picks one goroutine to load, but the others do not wait for it and return a Config that is not built yet.
// Fails: TestLoadRunsOnceUnderConcurrentGets, TestEveryCallerSeesTheLoadedConfig

// Package lazy loads a configuration once, the first time someone needs it.
package lazy

import "sync/atomic"

// A Config is a service's configuration.
type Config struct {
	Name    string
	Port    int
	Servers []string
}

// A Lazy holds a Config that is loaded the first time Get is called.
type Lazy struct {
	started atomic.Bool
	load    func() Config
	cfg     Config
}

// New returns a Lazy that builds its Config with load.
func New(load func() Config) *Lazy {
	return &Lazy{load: load}
}

// Get returns the Config, loading it on the first call.
func (l *Lazy) Get() Config {
	if !l.started.Swap(true) { // exactly one goroutine wins the flag...
		l.cfg = l.load()
	}
	return l.cfg // ...and the others read cfg while it is still being built
}
