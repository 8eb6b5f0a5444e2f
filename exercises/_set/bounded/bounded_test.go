package bounded_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"bounded"
)

// patience is how long a test waits for something that a working ForEach
// does in microseconds.
const patience = 1 * time.Second

// window is how long a test watches for something a working ForEach never
// does (start one call too many, return too early): a wrong one does it
// within microseconds.
const window = 50 * time.Millisecond

// items returns n different random numbers.
func items(n int) []int {
	its := rand.Perm(10 * (n + 10))[:n]
	for i := range its {
		its[i] += 100
	}
	return its
}

// forEach runs ForEach on a goroutine of its own.
func forEach(ctx context.Context, its []int, limit int, f func(context.Context, int) error) <-chan error {
	done := make(chan error, 1)
	go func() { done <- bounded.ForEach(ctx, its, limit, f) }()
	return done
}

// waitStarts receives k items from started. If they have not all come
// within patience, it calls abort (which lets ForEach return) and fails the
// test with the message why returns for the number that came.
func waitStarts(t *testing.T, started <-chan int, k int, abort func(), why func(got int) string) []int {
	t.Helper()
	var got []int
	for len(got) < k {
		select {
		case it := <-started:
			got = append(got, it)
		case <-time.After(patience):
			abort()
			t.Fatal(why(len(got)))
		}
	}
	return got
}

// tooFew is the message for waitStarts when fewer than limit calls start.
func tooFew(n, limit int) func(int) string {
	return func(got int) string {
		return fmt.Sprintf("ForEach(ctx, %d items, limit %d), where each call waits until the test lets it return: %d running at once after %v; want %d",
			n, limit, got, patience, limit)
	}
}

func errString(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

func TestForEachRunsUpToLimitAtOnce(t *testing.T) {
	l := 2 + rand.IntN(3)
	for _, c := range []struct{ n, limit int }{{3*l + rand.IntN(l+1), l}, {4, 1}, {3, 5}} {
		n, limit := c.n, c.limit
		its := items(n)
		release := make(map[int]chan struct{}, n) // read-only once ForEach starts
		for _, it := range its {
			release[it] = make(chan struct{})
		}
		started := make(chan int, n)
		var inFlight, most, finished atomic.Int32
		f := func(ctx context.Context, it int) error {
			now := inFlight.Add(1)
			for m := most.Load(); now > m && !most.CompareAndSwap(m, now); m = most.Load() {
			}
			started <- it
			<-release[it]
			inFlight.Add(-1)
			finished.Add(1)
			return nil
		}
		done := forEach(context.Background(), its, limit, f)
		released := map[int]bool{}
		abort := func() {
			for it, ch := range release {
				if !released[it] {
					close(ch)
				}
			}
			<-done
		}

		seen := map[int]bool{}
		var running []int
		for len(released) < n {
			want := min(limit, n-len(released))
			more := waitStarts(t, started, want-len(running), abort, func(got int) string {
				return fmt.Sprintf("ForEach(ctx, %d items, limit %d), where each call waits until the test lets it return: with %d calls returned and %d items left to start, "+
					"%d running at once after %v; want %d", n, limit, len(released), n-len(released)-len(running), len(running)+got, patience, want)
			})
			for _, it := range more {
				if seen[it] {
					abort()
					t.Fatalf("ForEach(ctx, %v, limit %d) called f for item %d twice; want once for every item", its, limit, it)
				}
				seen[it] = true
			}
			running = append(running, more...)
			if len(released) == 0 && n > limit {
				// Once: would a call beyond the limit start now?
				select {
				case it := <-started:
					abort()
					t.Fatalf("ForEach(ctx, %d items, limit %d), where each call waits until the test lets it return: call %d started (item %d) while %d were running and none had returned; want at most %d at once",
						n, limit, limit+1, it, limit, limit)
				case <-time.After(window):
				}
			}
			select {
			case err := <-done:
				abort()
				t.Fatalf("ForEach(ctx, %d items, limit %d) returned %v while %d calls were still running; want it to return once every call has returned", n, limit, err, len(running))
			default:
			}
			// Let one of the running calls return, chosen at random.
			j := rand.IntN(len(running))
			released[running[j]] = true
			close(release[running[j]])
			running = slices.Delete(running, j, j+1)
		}
		var err error
		select {
		case err = <-done:
		case <-time.After(patience):
			t.Fatalf("ForEach(ctx, %d items, limit %d): every call had returned, but ForEach had not returned %v later", n, limit, patience)
		}
		if err != nil {
			t.Fatalf("ForEach(ctx, %d items, limit %d), where every call succeeds, returned the error %q; want nil", n, limit, err)
		}
		if m := most.Load(); int(m) > limit {
			t.Fatalf("ForEach(ctx, %d items, limit %d): %d calls were running at once; want at most %d", n, limit, m, limit)
		}
		if got := finished.Load(); int(got) != n {
			t.Fatalf("ForEach(ctx, %d items, limit %d) returned when %d calls had returned; want all %d", n, limit, got, n)
		}
	}
}

func TestForEachStopsAfterFirstError(t *testing.T) {
	for range 2 {
		limit := 2 + rand.IntN(3)
		n := 4 * limit
		its := items(n)
		fail := make(map[int]chan error, n) // read-only once ForEach starts
		for _, it := range its {
			fail[it] = make(chan error, 1)
		}
		started := make(chan int, n)
		giveUp := make(chan struct{})
		var calls atomic.Int32
		f := func(ctx context.Context, it int) error {
			calls.Add(1)
			started <- it
			select {
			case err := <-fail[it]:
				return err
			case <-ctx.Done():
				return nil
			case <-giveUp:
				return nil
			}
		}
		done := forEach(context.Background(), its, limit, f)
		abort := func() { close(giveUp); <-done }
		running := waitStarts(t, started, limit, abort, tooFew(n, limit))
		x := running[rand.IntN(limit)]
		errX := fmt.Errorf("item %d: out of stock", x)
		fail[x] <- errX

		var err error
		select {
		case err = <-done:
		case <-time.After(patience):
			abort()
			t.Fatalf("ForEach(ctx, %d items, limit %d): the call for item %d failed while %d others were running, each waiting for its context to be cancelled; "+
				"ForEach had not returned %v later. The first error must cancel the context the calls got", n, limit, x, limit-1, patience)
		}
		if err != errX {
			t.Fatalf("ForEach(ctx, %d items, limit %d): the call for item %d failed with %q; ForEach returned %q; want that first error", n, limit, x, errX, errString(err))
		}
		if c := calls.Load(); int(c) != limit {
			t.Fatalf("ForEach(ctx, %d items, limit %d): the call for item %d failed while %d calls were running, yet f was called %d times in all; "+
				"want %d: no new call may start after the first error", n, limit, x, limit, c, limit)
		}
	}

	// Now every running call fails at the same moment: any of their errors
	// will do.
	limit := 4 + rand.IntN(5)
	n := 2 * limit
	its := items(n)
	started := make(chan int, n)
	release := make(chan struct{})
	f := func(ctx context.Context, it int) error {
		started <- it
		<-release
		return fmt.Errorf("item %d failed", it)
	}
	done := forEach(context.Background(), its, limit, f)
	running := waitStarts(t, started, limit, func() { close(release); <-done }, tooFew(n, limit))
	close(release)
	err := <-done
	var errs []string
	for _, it := range running {
		errs = append(errs, fmt.Sprintf("item %d failed", it))
	}
	if !slices.Contains(errs, errString(err)) {
		t.Fatalf("ForEach(ctx, %d items, limit %d): the %d running calls all failed at the same moment; ForEach returned %q; want one of their errors", n, limit, limit, errString(err))
	}
}

func TestForEachWaitsForRunning(t *testing.T) {
	limit := 3 + rand.IntN(3)
	n := 3 * limit
	its := items(n)
	started := make(chan int, n)
	failNow := make(chan struct{})
	failed := make(chan struct{})
	release := make(chan struct{}) // lets the straggler return
	giveUp := make(chan struct{})
	var straggler atomic.Int32
	straggler.Store(-1)
	returned := false // plain: written by the straggler, read after ForEach returns
	var mode atomic.Int32
	f := func(ctx context.Context, it int) error {
		started <- it
		switch mode.Add(1) {
		case 1: // the first call fails when told to
			select {
			case <-failNow:
			case <-giveUp:
			}
			defer close(failed)
			return errors.New("failed")
		case 2: // the second takes its time once its context ends
			straggler.Store(int32(it))
			select {
			case <-ctx.Done():
			case <-giveUp:
			}
			<-release
			returned = true
			return nil
		default: // the others stop when their context ends
			select {
			case <-ctx.Done():
			case <-giveUp:
			}
			return nil
		}
	}
	done := forEach(context.Background(), its, limit, f)
	abort := func() { close(giveUp); close(release); <-done }
	waitStarts(t, started, limit, abort, tooFew(n, limit))
	close(failNow)
	<-failed
	select {
	case <-done:
		close(giveUp)
		close(release)
		t.Fatalf("ForEach(ctx, %d items, limit %d): one call failed, and ForEach returned while another (item %d) was still running; "+
			"want ForEach to wait until every call it started has returned", n, limit, straggler.Load())
	case <-time.After(window):
	}
	close(release)
	select {
	case <-done:
	case <-time.After(patience):
		close(giveUp)
		<-done
		t.Fatalf("ForEach(ctx, %d items, limit %d): one call failed, the others were waiting for their context to be cancelled, and ForEach had not returned %v later. "+
			"The first error must cancel the context the calls got", n, limit, patience)
	}
	if !returned {
		t.Fatalf("ForEach(ctx, %d items, limit %d): one call failed, and ForEach returned before the call for item %d had returned", n, limit, straggler.Load())
	}
}

func TestForEachHonoursContext(t *testing.T) {
	limit := 2 + rand.IntN(3)
	n := 3 * limit
	its := items(n)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	started := make(chan int, n)
	release := make(chan struct{})
	var calls atomic.Int32
	// The calls ignore their context: they return when the test releases
	// them, some with an error of their own.
	f := func(_ context.Context, it int) error {
		c := calls.Add(1)
		started <- it
		<-release
		if c%2 == 0 {
			return fmt.Errorf("item %d gave up", it)
		}
		return nil
	}
	done := forEach(ctx, its, limit, f)
	waitStarts(t, started, limit, func() { close(release); <-done }, tooFew(n, limit))
	cancel()
	close(release)
	var err error
	select {
	case err = <-done:
	case <-time.After(patience):
		t.Fatalf("ForEach(ctx, %d items, limit %d): ctx was cancelled and every call returned, but ForEach had not returned %v later", n, limit, patience)
	}
	if c := calls.Load(); int(c) != limit {
		t.Fatalf("ForEach(ctx, %d items, limit %d): ctx was cancelled while %d calls were running, yet f was called %d times in all; "+
			"want %d: once ctx has ended, start no new calls", n, limit, limit, c, limit)
	}
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("ForEach(ctx, %d items, limit %d): ctx was cancelled while calls were running (and then some of them failed), and ForEach returned %q; want ctx.Err(), %q",
			n, limit, errString(err), context.Canceled)
	}
}

func TestForEachNoItems(t *testing.T) {
	called := false
	err := bounded.ForEach(context.Background(), nil, 1+rand.IntN(4), func(context.Context, int) error {
		called = true
		return nil
	})
	if err != nil || called {
		t.Fatalf("ForEach(ctx, no items, limit): called f: %v, returned %v; want no calls and nil", called, err)
	}
}
