// Wrong: no lock at all: goroutines read and write the map at the same time, a data race.
// Fails: TestSameNameAtOnce

// Package registry keeps track of a program's services, by name.
package registry

// A Service is something the program talks to.
type Service struct {
	Name string
	Addr string
}

// A Registry maps names to services.
type Registry struct {
	services map[string]*Service
}

// NewRegistry returns an empty Registry.
func NewRegistry() *Registry {
	return &Registry{services: make(map[string]*Service)}
}

// Get returns the service registered under name, if there is one.
func (r *Registry) Get(name string) (*Service, bool) {
	s, ok := r.services[name]
	return s, ok
}

// GetOrCreate returns the service registered under name, creating it if need be.
func (r *Registry) GetOrCreate(name string, create func() *Service) *Service {
	if s, ok := r.services[name]; ok {
		return s
	}
	s := create()
	r.services[name] = s
	return s
}
