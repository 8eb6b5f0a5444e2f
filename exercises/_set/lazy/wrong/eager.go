// Wrong: New calls load right away, so the Config is built even if nobody ever asks for it.
// Fails: TestNewDoesNotLoad

// Package lazy loads a configuration once, the first time someone needs it.
package lazy

// A Config is a service's configuration.
type Config struct {
	Name    string
	Port    int
	Servers []string
}

// A Lazy holds a Config.
type Lazy struct {
	cfg Config
}

// New builds the Config at once: safe, but not lazy.
func New(load func() Config) *Lazy {
	return &Lazy{cfg: load()}
}

// Get returns the Config.
func (l *Lazy) Get() Config {
	return l.cfg
}
