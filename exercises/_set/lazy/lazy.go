// Package lazy loads a configuration once, the first time someone needs it.
//
// Read README.md first. Then run `workbook check lazy`.
package lazy

// A Config is a service's configuration. Building one is slow (think of
// files to read and servers to ask), so it is built only when first needed.
type Config struct {
	Name    string
	Port    int
	Servers []string
}

// A Lazy holds a Config that is loaded the first time Get is called.
type Lazy struct {
	load func() Config
	cfg  *Config // nil until the first Get has loaded it
}

// New returns a Lazy that builds its Config with load. It does not call
// load: that waits for the first Get.
func New(load func() Config) *Lazy {
	return &Lazy{load: load}
}

// Get returns the Config, loading it on the first call. Many goroutines
// may call Get at the same time: load must run exactly once, and every
// caller must get the Config it built.
//
// This works as long as one goroutine at a time calls Get. When several
// arrive together, each can find l.cfg still nil and run load itself, and
// the read and the write of l.cfg are a data race: run the race detector
// and see.
func (l *Lazy) Get() Config {
	if l.cfg == nil {
		cfg := l.load()
		l.cfg = &cfg
	}
	return *l.cfg
}
