package lazy_test

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"lazy"
)

// randomConfig returns a Config made up at run time, so that no answer can
// be written down in advance.
func randomConfig() lazy.Config {
	c := lazy.Config{
		Name: fmt.Sprintf("shop-%d", rand.IntN(100000)),
		Port: 1024 + rand.IntN(60000),
	}
	for range 1 + rand.IntN(4) {
		c.Servers = append(c.Servers, fmt.Sprintf("10.0.%d.%d", rand.IntN(256), rand.IntN(256)))
	}
	return c
}

func same(a, b lazy.Config) bool {
	return a.Name == b.Name && a.Port == b.Port && slices.Equal(a.Servers, b.Servers)
}

// A loader is a load function that counts its calls and builds want one
// field at a time, as a real load that reads files would.
type loader struct {
	want  lazy.Config
	calls atomic.Int32
	// ready, when not nil, is waited for before building: every goroutine
	// of the round has arrived at Get by then.
	ready *sync.WaitGroup
}

func (ld *loader) load() lazy.Config {
	ld.calls.Add(1)
	if ld.ready != nil {
		ld.ready.Wait()
	}
	var c lazy.Config
	c.Name = ld.want.Name
	for range 20 {
		runtime.Gosched() // let the other callers of Get run now
	}
	time.Sleep(200 * time.Microsecond) // a slow disk
	c.Port = ld.want.Port
	runtime.Gosched()
	c.Servers = slices.Clone(ld.want.Servers)
	return c
}

// getAtOnce calls get(l) from n goroutines released together, on a new
// Lazy l, and returns what each one got, and how many times load ran.
func getAtOnce(n int, get func(*lazy.Lazy) lazy.Config) (got []lazy.Config, want lazy.Config, calls int) {
	ld := &loader{want: randomConfig()}
	l := lazy.New(ld.load)
	var ready sync.WaitGroup
	ready.Add(n)
	ld.ready = &ready // set after New: a New that loads at once does not wait for it

	got = make([]lazy.Config, n)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			<-start
			ready.Done()
			got[i] = get(l)
		})
	}
	close(start)
	wg.Wait()
	return got, ld.want, int(ld.calls.Load())
}

func TestNewDoesNotLoad(t *testing.T) {
	ld := &loader{want: randomConfig()}
	l := lazy.New(ld.load)
	if n := ld.calls.Load(); n != 0 {
		t.Fatalf("New(load) called load %d times before anyone called Get; want 0: the Config is loaded by the first Get, and never if nobody asks for it", n)
	}
	for i := 1; i <= 4; i++ {
		got := l.Get()
		if !same(got, ld.want) {
			t.Fatalf("call %d of Get() = %+v; want %+v, the Config load returned", i, got, ld.want)
		}
		if n := ld.calls.Load(); n != 1 {
			t.Fatalf("after %d calls of Get() from one goroutine, load had run %d times; want exactly 1", i, n)
		}
	}
}

func TestLoadRunsOnceUnderConcurrentGets(t *testing.T) {
	for round := 1; round <= 15; round++ {
		n := 6 + rand.IntN(7)
		_, _, calls := getAtOnce(n, func(l *lazy.Lazy) lazy.Config { return l.Get() })
		if calls != 1 {
			t.Fatalf("round %d: %d goroutines called Get() on a new Lazy at the same time, and load ran %d times; want exactly 1", round, n, calls)
		}
	}
}

func TestEveryCallerSeesTheLoadedConfig(t *testing.T) {
	for round := 1; round <= 15; round++ {
		n := 6 + rand.IntN(7)
		got, want, _ := getAtOnce(n, func(l *lazy.Lazy) lazy.Config {
			c := l.Get()
			c.Servers = slices.Clone(c.Servers) // read every field of what Get returned
			return c
		})
		for i, c := range got {
			if !same(c, want) {
				t.Fatalf("round %d: %d goroutines called Get() at the same time, and one of them (number %d) got %+v; want %+v, the Config load built: a caller that arrives while load runs must wait for it to finish", round, n, i, c, want)
			}
		}
	}
}

func TestEachLazyLoadsItsOwn(t *testing.T) {
	a := &loader{want: randomConfig()}
	b := &loader{want: randomConfig()}
	for b.want.Name == a.want.Name {
		b.want = randomConfig()
	}
	la, lb := lazy.New(a.load), lazy.New(b.load)
	if got := lb.Get(); !same(got, b.want) {
		t.Fatalf("with two Lazy values from New(loadA) and New(loadB), the second one's Get() = %+v; want %+v, what loadB returns", got, b.want)
	}
	if got := la.Get(); !same(got, a.want) {
		t.Fatalf("with two Lazy values from New(loadA) and New(loadB), after the second one's Get(), the first one's Get() = %+v; want %+v, what loadA returns", got, a.want)
	}
	if na, nb := a.calls.Load(), b.calls.Load(); na != 1 || nb != 1 {
		t.Fatalf("two Lazy values, one Get() each: loadA ran %d times and loadB %d times; want 1 each", na, nb)
	}
}
