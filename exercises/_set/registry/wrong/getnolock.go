// Wrong: GetOrCreate locks correctly, but Get reads the map without the read lock, a data race with GetOrCreate's writes.
// Fails: TestDifferentNamesAtOnce

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
	services map[string]*Service // guarded by mu... except in Get
}

// NewRegistry returns an empty Registry.
func NewRegistry() *Registry {
	return &Registry{services: make(map[string]*Service)}
}

// Get returns the service registered under name, if there is one.
func (r *Registry) Get(name string) (*Service, bool) {
	s, ok := r.services[name] // "only a read": still a data race
	return s, ok
}

// GetOrCreate returns the service registered under name, creating it if need be.
func (r *Registry) GetOrCreate(name string, create func() *Service) *Service {
	r.mu.RLock()
	s, ok := r.services[name]
	r.mu.RUnlock()
	if ok {
		return s
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if s, ok := r.services[name]; ok {
		return s
	}
	s = create()
	r.services[name] = s
	return s
}
