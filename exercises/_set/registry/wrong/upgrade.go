// Wrong: it asks for the write lock while still holding the read lock, and Lock waits for every reader to leave, itself included: it deadlocks.
// Fails: TestGetOrCreateRegistersOnce

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
	r.mu.RLock()
	s, ok := r.services[name]
	if ok {
		r.mu.RUnlock()
		return s
	}
	r.mu.Lock() // still a reader: waits for itself
	s = create()
	r.services[name] = s
	r.mu.Unlock()
	r.mu.RUnlock()
	return s
}
