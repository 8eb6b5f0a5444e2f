// Package lazy loads a configuration once, the first time someone needs it.
package lazy

import "sync"

// A Config is a service's configuration. Building one is slow (think of
// files to read and servers to ask), so it is built only when first needed.
type Config struct {
	Name    string
	Port    int
	Servers []string
}

// A Lazy holds a Config that is loaded the first time Get is called.
type Lazy struct {
	get func() Config // load, wrapped by sync.OnceValue
}

// New returns a Lazy that builds its Config with load. It does not call
// load: that waits for the first Get.
func New(load func() Config) *Lazy {
	// sync.OnceValue returns a function that calls load the first time it
	// is called, and hands out load's result on every call after. Callers
	// that arrive while load is still running wait until it has returned,
	// and load's return happens before any of them returns: every caller
	// sees the Config fully built, with no data race.
	return &Lazy{get: sync.OnceValue(load)}
}

// Get returns the Config, loading it on the first call. Many goroutines
// may call Get at the same time: load runs exactly once, and every caller
// gets the Config it built.
func (l *Lazy) Get() Config {
	return l.get()
}

// The same with sync.Once, which is what sync.OnceValue does for you:
//
//	type Lazy struct {
//		once sync.Once
//		load func() Config
//		cfg  Config // written once, inside once.Do
//	}
//
//	func (l *Lazy) Get() Config {
//		l.once.Do(func() { l.cfg = l.load() })
//		return l.cfg // once.Do has returned: the write above happens before this read
//	}
