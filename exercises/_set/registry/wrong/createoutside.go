// Wrong: create runs with no lock held and the result is checked only when storing, so several goroutines call create for the same name.
// Fails: TestSameNameAtOnce

// Package registry keeps track of a program's services, by name.
package registry

import "sync"

// A Service is something the program talks to.
type Service struct {
	Name string
	Addr string
}

// A Registry maps names to services.
type Registry struct {
	mu       sync.RWMutex
	services map[string]*Service // guarded by mu
}

// NewRegistry returns an empty Registry.
func NewRegistry() *Registry {
	return &Registry{services: make(map[string]*Service)}
}

// Get returns the service registered under name, if there is one.
func (r *Registry) Get(name string) (*Service, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	s, ok := r.services[name]
	return s, ok
}

// GetOrCreate returns the service registered under name, creating it if need be.
func (r *Registry) GetOrCreate(name string, create func() *Service) *Service {
	if s, ok := r.Get(name); ok {
		return s
	}
	s := create() // outside any lock, so that create does not hold everyone up
	r.mu.Lock()
	defer r.mu.Unlock()
	if old, ok := r.services[name]; ok {
		return old // someone was faster: but create has run twice
	}
	r.services[name] = s
	return s
}
