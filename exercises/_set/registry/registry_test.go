package registry_test

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"registry"
)

// A factory makes create functions that count their calls, and build a
// new Service with an address made up at run time.
type factory struct {
	mu    sync.Mutex
	calls map[string]int // guarded by mu
}

func newFactory() *factory { return &factory{calls: make(map[string]int)} }

func (f *factory) create(name string) func() *registry.Service {
	return func() *registry.Service {
		f.mu.Lock()
		f.calls[name]++
		f.mu.Unlock()
		for range 5 {
			runtime.Gosched() // connecting to a service takes a moment
		}
		return &registry.Service{Name: name, Addr: fmt.Sprintf("10.1.%d.%d:%d", rand.IntN(256), rand.IntN(256), 1024+rand.IntN(60000))}
	}
}

func (f *factory) callsFor(name string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls[name]
}

func TestGetOrCreateRegistersOnce(t *testing.T) {
	r := registry.NewRegistry()
	f := newFactory()
	if s, ok := r.Get("db"); ok || s != nil {
		t.Fatalf("Get(%q) on a new Registry = %v, %v; want nil, false", "db", s, ok)
	}

	db := r.GetOrCreate("db", f.create("db"))
	if db == nil || db.Name != "db" {
		t.Fatalf("GetOrCreate(%q, create) on a new Registry = %+v; want the Service create returned", "db", db)
	}
	if n := f.callsFor("db"); n != 1 {
		t.Fatalf("GetOrCreate(%q, create) on a new Registry called create %d times; want 1", "db", n)
	}
	if again := r.GetOrCreate("db", f.create("db")); again != db {
		t.Fatalf("a second GetOrCreate(%q, create) = %p (%+v); want %p (%+v), the Service registered the first time", "db", again, again, db, db)
	}
	if n := f.callsFor("db"); n != 1 {
		t.Fatalf("after two calls of GetOrCreate(%q, create), create had been called %d times; want 1: the second call finds the Service already registered", "db", n)
	}
	if s, ok := r.Get("db"); !ok || s != db {
		t.Fatalf("Get(%q) after GetOrCreate = %p, %v; want %p, true", "db", s, ok, db)
	}

	cache := r.GetOrCreate("cache", f.create("cache"))
	if cache == nil || cache == db || cache.Name != "cache" {
		t.Fatalf("GetOrCreate(%q, create) after %q was registered = %+v; want a new Service from create", "cache", "db", cache)
	}
	if s, ok := r.Get("db"); !ok || s != db {
		t.Fatalf("Get(%q) after registering %q too = %p, %v; want %p, true", "db", "cache", s, ok, db)
	}
}

func TestSameNameAtOnce(t *testing.T) {
	for round := 1; round <= 15; round++ {
		r := registry.NewRegistry()
		f := newFactory()
		name := fmt.Sprintf("queue-%d", rand.IntN(1000))
		n := 6 + rand.IntN(7)

		// First, another service is being created, slowly. Meanwhile all n
		// goroutines arrive for name, so that they look it up together as
		// soon as that creation is over.
		var arrived sync.WaitGroup
		arrived.Add(n)
		creating := make(chan struct{})
		slowDone := make(chan struct{})
		go func() {
			defer close(slowDone)
			r.GetOrCreate("slow", func() *registry.Service {
				close(creating)
				arrived.Wait()
				for range 20 {
					runtime.Gosched()
				}
				time.Sleep(time.Millisecond)
				return &registry.Service{Name: "slow"}
			})
		}()
		<-creating

		got := make([]*registry.Service, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() {
				arrived.Done()
				got[i] = r.GetOrCreate(name, f.create(name))
			})
		}
		wg.Wait()
		<-slowDone

		if calls := f.callsFor(name); calls != 1 {
			t.Fatalf("round %d: %d goroutines called GetOrCreate(%q, create) at the same time, and create was called %d times; want exactly 1: "+
				"between letting go of the read lock and getting the write lock, another goroutine may have registered the service",
				round, n, name, calls)
		}
		for i, s := range got {
			if s != got[0] {
				t.Fatalf("round %d: %d goroutines called GetOrCreate(%q, create) at the same time, and two of them got different Services (%p and %p, numbers 0 and %d); want one shared Service",
					round, n, name, got[0], s, i)
			}
		}
		if s, ok := r.Get(name); !ok || s != got[0] {
			t.Fatalf("round %d: after GetOrCreate(%q, create) from %d goroutines, Get(%q) = %p, %v; want %p, true", round, name, n, name, s, ok, got[0])
		}
	}
}

func TestDifferentNamesAtOnce(t *testing.T) {
	r := registry.NewRegistry()
	f := newFactory()
	names := make([]string, 6+rand.IntN(6))
	for i := range names {
		names[i] = fmt.Sprintf("svc-%d-%d", i, rand.IntN(1000))
	}

	const workers = 8
	var lookups atomic.Int64
	seen := make([]map[string]*registry.Service, workers)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for w := range workers {
		seen[w] = make(map[string]*registry.Service)
		wg.Go(func() {
			<-start
			for _, i := range rand.Perm(len(names)) {
				name := names[i]
				if s, ok := r.Get(name); ok {
					lookups.Add(1)
					seen[w][name] = s
				}
				seen[w][name] = r.GetOrCreate(name, f.create(name))
			}
		})
	}
	close(start)
	wg.Wait()

	for _, name := range names {
		if calls := f.callsFor(name); calls != 1 {
			t.Fatalf("%d goroutines each called GetOrCreate for %d names, in random orders, and create was called %d times for %q; want once per name",
				workers, len(names), calls, name)
		}
		want, ok := r.Get(name)
		if !ok || want == nil || want.Name != name {
			t.Fatalf("after %d goroutines each called GetOrCreate for %d names, Get(%q) = %+v, %v; want the Service created for %q",
				workers, len(names), name, want, ok, name)
		}
		for w := range workers {
			if seen[w][name] != want {
				t.Fatalf("goroutine %d got %p for %q, but %p is registered under that name; want every goroutine to get the one Service", w, seen[w][name], name, want)
			}
		}
	}
}
