// Wrong: one package-level sync.Once serves every Lazy, so only the first Lazy ever loads; the others return an empty Config.
// Fails: TestLoadRunsOnceUnderConcurrentGets, TestEveryCallerSeesTheLoadedConfig, TestEachLazyLoadsItsOwn

// Package lazy loads a configuration once, the first time someone needs it.
package lazy

import "sync"

// A Config is a service's configuration.
type Config struct {
	Name    string
	Port    int
	Servers []string
}

var once sync.Once // shared by every Lazy

// A Lazy holds a Config that is loaded the first time Get is called.
type Lazy struct {
	load func() Config
	cfg  Config
}

// New returns a Lazy that builds its Config with load.
func New(load func() Config) *Lazy {
	return &Lazy{load: load}
}

// Get returns the Config, loading it on the first call.
func (l *Lazy) Get() Config {
	once.Do(func() { l.cfg = l.load() })
	return l.cfg
}
