// Package registry keeps track of a program's services, by name.
//
// Read README.md first. Then run `workbook check registry`.
package registry

import "sync"

// A Service is something the program talks to.
type Service struct {
	Name string
	Addr string
}

// A Registry maps names to services. Many goroutines use it at once; most
// of them only look services up, so it is guarded by a sync.RWMutex.
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

// GetOrCreate returns the service registered under name. If there is none
// yet, it calls create, registers what create returns under name, and
// returns that. However many goroutines ask for the same name at once,
// create is called once for that name, and they all get the same Service.
//
// Looking up takes the read lock, so that lookups do not wait for each
// other; registering needs the write lock. This version asks for the write
// lock while it still holds the read lock. Try it.
func (r *Registry) GetOrCreate(name string, create func() *Service) *Service {
	r.mu.RLock()
	defer r.mu.RUnlock()
	if s, ok := r.services[name]; ok {
		return s
	}

	r.mu.Lock() // "upgrade" to the write lock
	defer r.mu.Unlock()
	s := create()
	r.services[name] = s
	return s
}
