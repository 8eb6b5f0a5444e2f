// Package registry keeps track of a program's services, by name.
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
func (r *Registry) GetOrCreate(name string, create func() *Service) *Service {
	// The common case: the service is there. Readers share the read lock.
	if s, ok := r.Get(name); ok {
		return s
	}

	// A sync.RWMutex cannot be upgraded: Lock waits until every reader
	// has left, and a goroutine still holding the read lock is a reader,
	// so it would wait for itself. Get has released the read lock; now
	// take the write lock.
	r.mu.Lock()
	defer r.mu.Unlock()

	// Between RUnlock and Lock, another goroutine may have created the
	// service: check again, now that nobody else can change the map.
	if s, ok := r.services[name]; ok {
		return s
	}
	s := create()
	r.services[name] = s
	return s
}
