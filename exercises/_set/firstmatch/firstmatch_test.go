package firstmatch_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"firstmatch"
)

// patience is how long a test waits for something that takes
// microseconds, before it says that it is not coming.
const patience = time.Second

func randomItems(n int) []string {
	items := make([]string, n)
	for i := range items {
		items[i] = fmt.Sprintf("item-%d-%d", i, rand.IntN(100000))
	}
	return items
}

type answer struct {
	item string
	ok   bool
}

// first calls First in a goroutine of its own; its answer arrives on the
// channel returned.
func first(ctx context.Context, items []string, match func(context.Context, string) bool) <-chan answer {
	done := make(chan answer, 1)
	go func() {
		item, ok := firstmatch.First(ctx, items, match)
		done <- answer{item, ok}
	}()
	return done
}

// noGoroutinesLeft waits, up to a second, for the number of goroutines to
// come back down to base, and fails the test if it does not.
func noGoroutinesLeft(t *testing.T, base int, what string) {
	t.Helper()
	deadline := time.Now().Add(time.Second)
	for runtime.NumGoroutine() > base {
		if time.Now().After(deadline) {
			t.Fatalf("%s: a second after First returned and every match had returned, %d goroutines that First started were still there; want none: "+
				"a goroutine whose answer nobody will receive any more must still be able to end", what, runtime.NumGoroutine()-base)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// A gathering counts the match calls that have started, and lets a match
// wait until all of them have, or until patience runs out, or its context
// is done. Once patience has run out, nobody waits any more.
type gathering struct {
	mu        sync.Mutex
	want      int
	started   int
	gaveUp    bool          // a wait ran out of patience before all had started
	startedBy int           // how many had started by then
	all       chan struct{} // closed when want calls have started
	one       chan struct{} // closed when the first call has started
}

func newGathering(want int) *gathering {
	return &gathering{want: want, all: make(chan struct{}), one: make(chan struct{})}
}

func (g *gathering) arrive() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.started++
	if g.started == 1 {
		close(g.one)
	}
	if g.started == g.want {
		close(g.all)
	}
}

// wait reports whether all calls had started.
func (g *gathering) wait(ctx context.Context) bool {
	g.mu.Lock()
	gaveUp := g.gaveUp
	g.mu.Unlock()
	if gaveUp {
		return false
	}
	timer := time.NewTimer(patience)
	defer timer.Stop()
	select {
	case <-g.all:
		return true
	case <-timer.C:
		g.mu.Lock()
		if !g.gaveUp {
			g.gaveUp = true
			g.startedBy = g.started
		}
		g.mu.Unlock()
	case <-ctx.Done():
	}
	select {
	case <-g.all:
		return true
	default:
		return false
	}
}

// waitedInVain says whether a wait ran out of patience.
func (g *gathering) waitedInVain() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.gaveUp
}

func TestFindsAMatch(t *testing.T) {
	for _, n := range []int{0, 1, 2, 5, 8 + rand.IntN(8)} {
		items := randomItems(n)
		var yes []string
		for _, it := range items {
			if rand.IntN(3) == 0 {
				yes = append(yes, it)
			}
		}
		match := func(ctx context.Context, item string) bool {
			runtime.Gosched()
			return slices.Contains(yes, item)
		}
		item, ok := firstmatch.First(context.Background(), items, match)
		switch {
		case len(yes) == 0 && (ok || item != ""):
			t.Fatalf("First of %d items, none of which match, = %q, %v; want \"\", false", n, item, ok)
		case len(yes) > 0 && (!ok || !slices.Contains(yes, item)):
			t.Fatalf("First of %d items, of which %q match, = %q, %v; want one of those, and true", n, yes, item, ok)
		}
	}
}

func TestNoneMatch(t *testing.T) {
	items := randomItems(4 + rand.IntN(8))
	var mu sync.Mutex
	var asked []string
	match := func(ctx context.Context, item string) bool {
		mu.Lock()
		asked = append(asked, item)
		mu.Unlock()
		runtime.Gosched()
		return false
	}
	item, ok := firstmatch.First(context.Background(), items, match)
	if ok || item != "" {
		t.Fatalf("First of %d items, none of which match, = %q, %v; want \"\", false", len(items), item, ok)
	}
	mu.Lock()
	defer mu.Unlock()
	slices.Sort(asked)
	want := slices.Clone(items)
	slices.Sort(want)
	if !slices.Equal(asked, want) {
		t.Fatalf("First of %d items, none of which match, called match for %q; want every item once: %q", len(items), asked, want)
	}
}

func TestMatchesRunAtOnce(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	items := randomItems(4 + rand.IntN(6))
	target := items[rand.IntN(len(items))]
	g := newGathering(len(items))
	match := func(ctx context.Context, item string) bool {
		g.arrive()
		g.wait(ctx)
		return item == target
	}
	a := <-first(ctx, items, match)
	if g.waitedInVain() {
		t.Fatalf("First of %d items: each match waited for the others to start, and %v after the first started, only %d had; want all %d match calls running at once, each in a goroutine of its own",
			len(items), patience, g.startedBy, len(items))
	}
	if a != (answer{target, true}) {
		t.Fatalf("First of %d items, of which only %q matches, = %q, %v; want %q, true", len(items), target, a.item, a.ok, target)
	}
}

func TestReturnsAsSoonAsOneMatches(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	items := randomItems(4 + rand.IntN(6))
	target := items[rand.IntN(len(items))]
	match := func(ctx context.Context, item string) bool {
		if item == target {
			return true
		}
		<-ctx.Done() // the others think until they are told to stop
		return false
	}
	done := first(ctx, items, match)
	select {
	case a := <-done:
		if a != (answer{target, true}) {
			t.Fatalf("First of %d items, of which only %q matches, = %q, %v; want %q, true", len(items), target, a.item, a.ok, target)
		}
	case <-time.After(patience):
		cancel() // let everything go
		<-done
		t.Fatalf("First of %d items: match(%q) returned true at once, while the other matches wait until their context is cancelled, and First had not returned %v later; "+
			"want First to return as soon as one match says yes, not to wait for all of them", len(items), target, patience)
	}
}

func TestMatchContextCancelledOnReturn(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	items := randomItems(4 + rand.IntN(6))
	target := items[rand.IntN(len(items))]
	g := newGathering(len(items))
	var mu sync.Mutex
	var given []context.Context
	match := func(mctx context.Context, item string) bool {
		mu.Lock()
		given = append(given, mctx)
		mu.Unlock()
		g.arrive()
		if item == target {
			g.wait(mctx) // say yes once everyone has been asked
			return true
		}
		<-mctx.Done()
		return false
	}
	done := first(ctx, items, match)
	select {
	case <-done:
	case <-time.After(2 * patience):
		cancel()
		<-done
		t.Fatalf("First of %d items, of which %q matches once every match has started, had not returned after %v", len(items), target, 2*patience)
	}
	mu.Lock()
	defer mu.Unlock()
	for _, c := range given {
		if c.Err() == nil {
			t.Fatalf("First of %d items returned, and the context it had given to match was not cancelled; want it cancelled by the time First returns, "+
				"so that the matches still running know that nobody needs their answer", len(items))
		}
	}
}

func TestNoGoroutineLeftBehind(t *testing.T) {
	base := runtime.NumGoroutine()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	items := randomItems(5 + rand.IntN(6))
	target := items[rand.IntN(len(items))]
	returned := make(chan struct{}) // closed once First has returned
	match := func(mctx context.Context, item string) bool {
		if item == target {
			return true
		}
		<-returned // the others answer late, once First has its answer
		return rand.IntN(2) == 0
	}
	done := first(ctx, items, match)
	select {
	case <-done:
		close(returned)
	case <-time.After(patience):
		close(returned)
		<-done
		t.Fatalf("First of %d items: match(%q) returned true at once, and First had not returned %v later; want First to return as soon as one match says yes", len(items), target, patience)
	}
	noGoroutinesLeft(t, base, fmt.Sprintf("First of %d items, where one match said yes at once and the others answered after First had returned", len(items)))
}

func TestReturnsWhenContextCancelled(t *testing.T) {
	base := runtime.NumGoroutine()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	items := randomItems(4 + rand.IntN(6))
	g := newGathering(len(items))
	release := make(chan struct{}) // the matches are slow: they ignore ctx, and answer when released
	var releaseOnce sync.Once
	defer releaseOnce.Do(func() { close(release) })
	match := func(mctx context.Context, item string) bool {
		g.arrive()
		<-release
		return true
	}
	done := first(ctx, items, match)
	select {
	case <-g.one: // the matches are busy
	case <-time.After(patience):
	}
	cancel() // the caller gives up
	select {
	case a := <-done:
		if a.ok || a.item != "" {
			t.Fatalf("First of %d items returned %q, %v after ctx was cancelled, while every match was still running; want \"\", false", len(items), a.item, a.ok)
		}
	case <-time.After(patience):
		releaseOnce.Do(func() { close(release) })
		<-done
		t.Fatalf("First of %d items: ctx was cancelled while every match was still busy (these matches do not watch their context), and First had not returned %v later; "+
			"want First to return \"\", false as soon as ctx is done, without waiting for the matches", len(items), patience)
	}
	releaseOnce.Do(func() { close(release) }) // now the matches answer, to nobody
	noGoroutinesLeft(t, base, fmt.Sprintf("First of %d items, cancelled while the matches were busy, whose matches answered afterwards", len(items)))
}
