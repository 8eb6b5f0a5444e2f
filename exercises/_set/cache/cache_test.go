package cache_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"cache"
)

// patience is how long a test waits for a Get that should return at once,
// while a load of another key is under way.
const patience = 2 * time.Second

var errBoom = errors.New("the database is down")

// A result is what one Get returned.
type result struct {
	v   string
	err error
}

// getIn calls c.Get(key) in a goroutine of its own and sends the result on
// the channel it returns.
func getIn(c *cache.Cache, key string) chan result {
	ch := make(chan result, 1)
	go func() {
		v, err := c.Get(key)
		ch <- result{v, err}
	}()
	return ch
}

// crowd starts n goroutines that each call c.Get(key), and returns once all
// of them are about to call it. Their results arrive on the channel.
func crowd(c *cache.Cache, key string, n int) chan result {
	ch := make(chan result, n)
	var ready sync.WaitGroup
	ready.Add(n)
	for range n {
		go func() {
			ready.Done()
			v, err := c.Get(key)
			ch <- result{v, err}
		}()
	}
	ready.Wait()
	return ch
}

// settle gives goroutines that are about to call Get the time to get into
// it and as far as they will go (to wait, or to call load), for up to d.
// It returns early once enough is true.
func settle(d time.Duration, enough func() bool) {
	deadline := time.Now().Add(d)
	for !enough() && time.Now().Before(deadline) {
		runtime.Gosched()
		time.Sleep(time.Millisecond)
	}
}

func TestGetLoadsOnceAndCaches(t *testing.T) {
	salt := rand.IntN(1_000_000)
	calls := map[string]int{} // only this goroutine calls Get here
	c := cache.New(func(key string) (string, error) {
		calls[key]++
		return fmt.Sprintf("value of %s #%d", key, salt), nil
	})
	keys := []string{"apple", "pear", fmt.Sprint("fig", rand.IntN(100))}
	for range 3 {
		for _, key := range keys {
			want := fmt.Sprintf("value of %s #%d", key, salt)
			if v, err := c.Get(key); v != want || err != nil {
				t.Fatalf("Get(%q) = %q, %v; want %q, nil, what load(%q) returned", key, v, err, want, key)
			}
		}
	}
	for _, key := range keys {
		if calls[key] != 1 {
			t.Fatalf("after three Gets of each of %q, one after another, load(%q) was called %d times; want once: a value, once loaded, is kept", keys, key, calls[key])
		}
	}
}

func TestErrorsAreNotCached(t *testing.T) {
	key := fmt.Sprint("user", rand.IntN(1000))
	want := fmt.Sprint("profile #", rand.IntN(1_000_000))
	calls := 0 // only this goroutine calls Get here
	c := cache.New(func(k string) (string, error) {
		calls++
		if calls == 1 {
			return "", fmt.Errorf("loading %s: %w", k, errBoom)
		}
		return want, nil
	})
	if _, err := c.Get(key); !errors.Is(err, errBoom) {
		t.Fatalf("Get(%q), whose load failed with the error %q, returned the error %v; want load's error", key, errBoom, err)
	}
	if v, err := c.Get(key); v != want || err != nil {
		t.Fatalf("after a Get(%q) whose load failed, a second Get(%q) = %q, %v; want %q, nil: a failed load is not kept, the next Get loads again (load was called %d times)", key, key, v, err, want, calls)
	}
	if v, err := c.Get(key); v != want || err != nil || calls != 2 {
		t.Fatalf("after a failed load of %q and a successful one, a third Get(%q) = %q, %v with load called %d times in all; want %q, nil and 2 calls: a successful load is kept", key, key, v, err, calls, want)
	}
}

func TestConcurrentGetsLoadOnce(t *testing.T) {
	key := fmt.Sprint("page", rand.IntN(1000))
	want := fmt.Sprint("content #", rand.IntN(1_000_000))
	var calls atomic.Int32
	loading, release := make(chan struct{}, 100), make(chan struct{})
	c := cache.New(func(k string) (string, error) {
		calls.Add(1)
		loading <- struct{}{}
		<-release // the load takes until the test says so
		return want, nil
	})
	const others = 7
	first := getIn(c, key)
	<-loading // the first load of key is under way
	rest := crowd(c, key, others)
	settle(50*time.Millisecond, func() bool { return calls.Load() > 1 })
	close(release)

	results := []result{<-first}
	for range others {
		results = append(results, <-rest)
	}
	for _, r := range results {
		if r.v != want || r.err != nil {
			t.Fatalf("%d goroutines called Get(%q) while its first load was under way; one got %q, %v; want %q, nil for every one, the result of that load", others, key, r.v, r.err, want)
		}
	}
	if n := calls.Load(); n != 1 {
		t.Fatalf("%d goroutines called Get(%q) while its first load was under way: load was called %d times; want once. The others must wait for that load and share its result", others, key, n)
	}
}

func TestDifferentKeysLoadInParallel(t *testing.T) {
	slow, quick, kept := fmt.Sprint("slow", rand.IntN(100)), fmt.Sprint("quick", rand.IntN(100)), fmt.Sprint("kept", rand.IntN(100))
	loading, release := make(chan struct{}, 1), make(chan struct{})
	c := cache.New(func(k string) (string, error) {
		if k == slow {
			loading <- struct{}{}
			<-release // the load of slow takes until the test says so
		}
		return "value of " + k, nil
	})
	if v, err := c.Get(kept); v != "value of "+kept || err != nil {
		t.Fatalf("Get(%q) = %q, %v; want %q, nil", kept, v, err, "value of "+kept)
	}
	slowDone := getIn(c, slow)
	<-loading // the load of slow is under way
	defer func() {
		close(release)
		if r := <-slowDone; r.v != "value of "+slow || r.err != nil {
			t.Errorf("Get(%q) = %q, %v; want %q, nil", slow, r.v, r.err, "value of "+slow)
		}
	}()

	for _, key := range []string{quick, kept} {
		select {
		case r := <-getIn(c, key):
			if r.v != "value of "+key || r.err != nil {
				t.Fatalf("while key %q was loading, Get(%q) = %q, %v; want %q, nil", slow, key, r.v, r.err, "value of "+key)
			}
		case <-time.After(patience):
			what := "a key whose load returns at once"
			if key == kept {
				what = "a key loaded before"
			}
			t.Fatalf("while key %q was loading, Get(%q), %s, had not returned after %v; want it to return at once. "+
				"Get for %s waited for the load of %s: hold no lock while load runs", slow, key, what, patience, key, slow)
		}
	}
}

func TestFailedLoadReachesEveryWaiter(t *testing.T) {
	// The first load of the key fails, while other goroutines wait for it:
	// each of them must get its error. A goroutine that comes only after the
	// failure loads again, and that load succeeds. Which goroutines came in
	// time is up to the scheduler: the test tries up to three times, giving
	// them more time at each try, and wants one try in which every
	// goroutine came in time and got the error.
	const others = 5
	key := fmt.Sprint("report", rand.IntN(1000))
	var last string
	for _, grace := range []time.Duration{20 * time.Millisecond, 100 * time.Millisecond, 400 * time.Millisecond} {
		var calls atomic.Int32
		loading, release := make(chan struct{}, 1), make(chan struct{})
		c := cache.New(func(k string) (string, error) {
			if calls.Add(1) == 1 {
				loading <- struct{}{}
				<-release // the first load takes until the test says so, then fails
				return "", fmt.Errorf("loading %s: %w", k, errBoom)
			}
			return "fresh", nil
		})
		first := getIn(c, key)
		<-loading // the first load of key is under way
		rest := crowd(c, key, others)
		settle(grace, func() bool { return calls.Load() > 1 })
		close(release)

		results := []result{<-first}
		for range others {
			results = append(results, <-rest)
		}
		failed, fresh := 0, 0
		for _, r := range results {
			switch {
			case errors.Is(r.err, errBoom):
				failed++
			case r.err == nil && r.v == "fresh":
				fresh++
			default:
				t.Fatalf("%d goroutines called Get(%q) while its first load was under way, and that load failed with the error %q: one Get returned %q, %v; "+
					"want that load's error for every goroutine that waited for it (or, for one that came after the failure, the result of a new load, %q)",
					others, key, errBoom, r.v, r.err, "fresh")
			}
		}
		n := calls.Load()
		if failed == others+1 && n == 1 {
			return // every goroutine waited for the failed load, and got its error
		}
		last = fmt.Sprintf("%d goroutines called Get(%q) while its first load was under way, and that load failed with the error %q. "+
			"Of the %d Gets, %d returned that error and %d loaded again (load was called %d times); want every goroutine that waited for the failed load to get its error, without loading again",
			others, key, errBoom, others+1, failed, fresh, n)
	}
	t.Fatal(last)
}

func TestManyKeysConcurrently(t *testing.T) {
	salt := rand.IntN(1_000_000)
	keys := make([]string, 10+rand.IntN(10))
	for i := range keys {
		keys[i] = fmt.Sprint("key", i)
	}
	var mu sync.Mutex
	calls := map[string]int{} // guarded by mu
	c := cache.New(func(key string) (string, error) {
		runtime.Gosched() // loading takes a while
		mu.Lock()
		calls[key]++
		mu.Unlock()
		return fmt.Sprintf("%s=%d", key, salt), nil
	})
	const getters = 8
	per := 100 + rand.IntN(100)
	problems := make(chan string, getters)
	release := make(chan struct{})
	var wg sync.WaitGroup
	for range getters {
		wg.Go(func() {
			<-release
			for range per {
				key := keys[rand.IntN(len(keys))]
				want := fmt.Sprintf("%s=%d", key, salt)
				if v, err := c.Get(key); v != want || err != nil {
					problems <- fmt.Sprintf("Get(%q) = %q, %v, with %d goroutines calling Get on %d keys at once; want %q, nil", key, v, err, getters, len(keys), want)
					return
				}
			}
		})
	}
	close(release)
	wg.Wait()
	close(problems)
	for p := range problems {
		t.Fatal(p)
	}
	for _, key := range keys {
		if calls[key] > 1 {
			t.Fatalf("%d goroutines called Get %d times each on %d keys at once: load(%q) was called %d times; want at most once. "+
				"A Get that finds no value must tell the others it is loading it, in the same critical section", getters, per, len(keys), key, calls[key])
		}
	}
}
