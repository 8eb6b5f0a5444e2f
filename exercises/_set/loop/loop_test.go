package loop_test

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"loop"
)

// patience is how long a test waits for something that a working loop
// does in microseconds.
const patience = 2 * time.Second

// far is the delay of a timer that keeps a loop waiting while a test
// checks that Post and After wake it up.
const far = 5 * time.Second

// firstDiff describes where got and want first differ.
func firstDiff(got, want []int) string {
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			return fmt.Sprintf("callback #%d was %d; want %d", i+1, got[i], want[i])
		}
	}
	return fmt.Sprintf("%d callbacks ran; want %d", len(got), len(want))
}

func TestRunWithNothingToDoReturns(t *testing.T) {
	// A loop with nothing queued and no timer pending has nothing to wait
	// for: Run returns at once. (If this test hangs, Run waits for work that
	// can never come.)
	loop.New().Run()
}

func TestPostRunsInFIFOOrder(t *testing.T) {
	for _, n := range []int{2, 3 + rand.IntN(5), 20 + rand.IntN(40)} {
		l := loop.New()
		want := rand.Perm(1000)[:n]
		var got []int // plain: only the loop's callbacks touch it, then this goroutine after Run
		for _, v := range want {
			l.Post(func() { got = append(got, v) })
		}
		l.Run()
		if !slices.Equal(got, want) {
			t.Fatalf("posted %d callbacks before Run, each appending its number: they ran as %v; want the order posted, %v (%s)",
				n, got, want, firstDiff(got, want))
		}
	}
}

// node is a callback that posts its kids when it runs.
type node struct {
	id   int
	kids []*node
}

func TestPostFromCallbackRunsAfterQueued(t *testing.T) {
	for range 3 {
		// A random forest, three levels deep: each callback posts its kids.
		id := 0
		newNode := func() *node { id++; return &node{id: id} }
		var roots []*node
		for range 3 + rand.IntN(3) {
			r := newNode()
			for range 1 + rand.IntN(3) {
				k := newNode()
				for range rand.IntN(3) {
					k.kids = append(k.kids, newNode())
				}
				r.kids = append(r.kids, k)
			}
			roots = append(roots, r)
		}
		// FIFO: a callback posted from a callback runs after every callback
		// already queued, so the callbacks run level by level.
		var want []int
		for level := roots; len(level) > 0; {
			var next []*node
			for _, n := range level {
				want = append(want, n.id)
				next = append(next, n.kids...)
			}
			level = next
		}

		l := loop.New()
		var got []int
		var post func(n *node)
		post = func(n *node) {
			l.Post(func() {
				got = append(got, n.id)
				for _, k := range n.kids {
					post(k)
				}
			})
		}
		for _, r := range roots {
			post(r)
		}
		l.Run()
		if !slices.Equal(got, want) {
			t.Fatalf("posted %d callbacks before Run, and they posted more from inside (callback 1 posts %s): they ran as %v; want %v (%s). "+
				"A callback posted from a callback goes to the back of the queue, after the ones already queued",
				len(roots), kidsOf(roots[0]), got, want, firstDiff(got, want))
		}
	}
}

func kidsOf(n *node) string {
	if len(n.kids) == 0 {
		return "nothing"
	}
	var ids []int
	for _, k := range n.kids {
		ids = append(ids, k.id)
	}
	return fmt.Sprint(ids)
}

func TestCallbacksShareStateWithoutLocks(t *testing.T) {
	l := loop.New()
	// total is a plain int: the callbacks change it without a lock, and so
	// does this goroutine before and after Run. That is only safe if every
	// callback runs on the goroutine that called Run; the race detector
	// checks it.
	total := 0
	inc := func() {
		total++
		runtime.Gosched()
	}
	posted, timers := 20+rand.IntN(20), 3+rand.IntN(5)
	slow := 0
	for i := range posted {
		l.Post(func() {
			inc()
			if i%8 == 0 {
				// A slow callback: it posts another, then takes its time. A
				// loop that ran callbacks anywhere but on its own goroutine
				// would run the new one meanwhile.
				l.Post(inc)
				time.Sleep(5 * time.Millisecond)
				total++
			}
		})
		if i%8 == 0 {
			slow++
		}
	}
	for i := range timers {
		l.After(time.Duration(i%3)*time.Millisecond, inc)
	}
	total += 1000 // this goroutine's own change, before Run
	l.Run()
	want := posted + 2*slow + timers
	if total != 1000+want {
		t.Errorf("%d callbacks (%d posted, %d posted from callbacks, %d timers) did total++ %d times in all, without a lock: total went up by %d; want %d",
			posted+slow+timers, posted, slow, timers, want, total-1000, want)
	}
}

func TestCallbacksRunOneAtATime(t *testing.T) {
	l := loop.New()
	var inFlight, ran atomic.Int32
	var overlapped atomic.Bool
	enter := func() {
		if inFlight.Add(1) != 1 {
			overlapped.Store(true)
		}
	}
	leave := func() {
		ran.Add(1)
		inFlight.Add(-1)
	}
	quick := func() {
		enter()
		runtime.Gosched() // give another callback every chance to start now, if it can
		leave()
	}
	n := 30 + rand.IntN(20)
	for i := range n {
		switch i % 10 {
		case 0:
			l.After(time.Millisecond, quick)
		case 5:
			l.Post(func() { // a slow callback that posts another first
				enter()
				l.Post(quick)
				time.Sleep(5 * time.Millisecond)
				leave()
			})
		default:
			l.Post(quick)
		}
	}
	l.Run()
	want := int32(n + (n+4)/10)
	if overlapped.Load() {
		t.Errorf("%d callbacks (posted, posted from callbacks, and timers): two of them were running at the same time; want one at a time, each run to completion on the goroutine that called Run", want)
	}
	if got := ran.Load(); got != want {
		t.Errorf("%d callbacks (posted, posted from callbacks, and timers): %d had finished when Run returned; want all of them", want, got)
	}
}

func TestRunWaitsForPendingTimers(t *testing.T) {
	l := loop.New()
	d1 := time.Duration(20+rand.IntN(10)) * time.Millisecond
	d2 := time.Duration(10+rand.IntN(10)) * time.Millisecond
	var ran []string
	start := time.Now()
	l.After(d1, func() {
		ran = append(ran, "timer")
		l.After(d2, func() {
			ran = append(ran, "timer set by a timer")
			l.Post(func() { ran = append(ran, "post from that timer") })
		})
	})
	l.Run()
	elapsed := time.Since(start)
	want := []string{"timer", "timer set by a timer", "post from that timer"}
	if !slices.Equal(ran, want) {
		t.Fatalf("After(%v, f), where f sets After(%v, g) and g posts h, then Run: Run returned after %v having run %q; want %q: "+
			"Run must keep going while a timer is pending", d1, d2, elapsed.Round(time.Millisecond), ran, want)
	}
	if elapsed < d1+d2 {
		t.Fatalf("Run returned %v after After(%v, f), where f sets After(%v, g); want at least %v", elapsed, d1, d2, d1+d2)
	}
}

func TestTimersRunNoEarlierThanDelay(t *testing.T) {
	l := loop.New()
	type result struct {
		d, waited time.Duration
		from      string
	}
	var results []result
	schedule := func(d time.Duration, from string) {
		at := time.Now()
		l.After(d, func() { results = append(results, result{d, time.Since(at), from}) })
	}
	n := 4 + rand.IntN(4)
	for range n {
		schedule(time.Duration(1+rand.IntN(15))*time.Millisecond, "the test, before Run")
	}
	l.Post(func() {
		for range n {
			schedule(time.Duration(1+rand.IntN(15))*time.Millisecond, "a callback")
		}
	})
	l.Run()
	if len(results) != 2*n {
		t.Fatalf("scheduled %d timers (%d before Run, %d from a callback): %d ran before Run returned; want all of them", 2*n, n, n, len(results))
	}
	for _, r := range results {
		if r.waited < r.d {
			t.Errorf("After(%v, f), called from %s: f ran %v after the call; want no earlier than %v", r.d, r.from, r.waited, r.d)
		}
	}
}

func TestTimersRunInDeadlineOrder(t *testing.T) {
	for range 2 {
		k := 5 + rand.IntN(3)
		delays := make([]time.Duration, k)
		for i, j := range rand.Perm(k) {
			delays[i] = time.Duration(3*(j+1)) * time.Millisecond
		}
		if slices.IsSorted(delays) {
			delays[0], delays[k-1] = delays[k-1], delays[0]
		}
		l := loop.New()
		// The deadline of timer i lies between earliest[i] and latest[i]:
		// After reads the clock somewhere between the two.
		earliest := make([]time.Time, k)
		latest := make([]time.Time, k)
		var order []int
		for i, d := range delays {
			earliest[i] = time.Now().Add(d)
			l.After(d, func() { order = append(order, i) })
			latest[i] = time.Now().Add(d)
		}
		l.Run()
		if len(order) != k {
			t.Fatalf("scheduled %d timers with delays %v: %d ran before Run returned; want all of them", k, delays, len(order))
		}
		for a := range order {
			for b := a + 1; b < k; b++ {
				i, j := order[a], order[b]
				if latest[j].Before(earliest[i]) { // j was certainly due before i, yet i ran first
					t.Fatalf("scheduled timers one after another with delays %v: they ran in the order %v; "+
						"the one with delay %v ran before the one with delay %v; want deadline order (earliest deadline first), whatever order they were scheduled in",
						delays, orderDelays(order, delays), delays[i], delays[j])
				}
			}
		}
	}
}

func orderDelays(order []int, delays []time.Duration) []time.Duration {
	var ds []time.Duration
	for _, i := range order {
		ds = append(ds, delays[i])
	}
	return ds
}

func TestTimersWithEqualDelaysRunInScheduledOrder(t *testing.T) {
	l := loop.New()
	d := time.Duration(2+rand.IntN(4)) * time.Millisecond
	var want, got []int
	for range 8 + rand.IntN(8) {
		v := rand.IntN(1000)
		want = append(want, v)
		l.After(d, func() { got = append(got, v) })
	}
	l.Run()
	if !slices.Equal(got, want) {
		t.Fatalf("scheduled %d timers in a row, all with After(%v, f): they ran as %v; want the order scheduled, %v (%s)",
			len(want), d, got, want, firstDiff(got, want))
	}
}

func TestPostAndAfterFromManyGoroutines(t *testing.T) {
	l := loop.New()
	const posters = 8
	per := 30 + rand.IntN(20)
	timersEach := (per + 9) / 10
	got := make([][]int, posters) // plain: touched by callbacks, then by this goroutine after Run
	timersRan := 0

	// keepAlive keeps the loop busy until every poster is done, so that Run
	// cannot return early.
	var remaining atomic.Int32
	remaining.Store(posters)
	var keepAlive func()
	keepAlive = func() {
		if remaining.Load() > 0 {
			runtime.Gosched()
			l.Post(keepAlive)
		}
	}
	l.Post(keepAlive)

	start := make(chan struct{})
	var wg sync.WaitGroup
	for p := range posters {
		wg.Go(func() {
			<-start
			for i := range per {
				l.Post(func() { got[p] = append(got[p], i) })
				if i%10 == 0 {
					l.After(time.Millisecond, func() { timersRan++ })
				}
			}
			remaining.Add(-1)
		})
	}
	close(start)
	l.Run()
	wg.Wait()

	want := make([]int, per)
	for i := range want {
		want[i] = i
	}
	for p := range posters {
		if !slices.Equal(got[p], want) {
			t.Fatalf("%d goroutines each posted %d callbacks (0, 1, 2, …) while the loop ran: goroutine %d's callbacks ran as %v; want each goroutine's in the order it posted them (%s)",
				posters, per, p, got[p], firstDiff(got[p], want))
		}
	}
	if timersRan != posters*timersEach {
		t.Fatalf("%d goroutines each called After(1ms, f) %d times while the loop ran: %d timers ran; want %d",
			posters, timersEach, timersRan, posters*timersEach)
	}
}

// waitingLoop returns a loop whose Run, on a goroutine of its own, has run
// every callback it had and is waiting for a timer far away.
func waitingLoop(t *testing.T) *loop.Loop {
	t.Helper()
	l := loop.New()
	started := make(chan struct{})
	l.Post(func() { close(started) })
	l.After(far, func() {})
	go l.Run() // left waiting for the far timer when the test ends
	select {
	case <-started:
	case <-time.After(patience):
		t.Fatalf("Post(f), After(%v, g), then Run on a goroutine of its own: f had not run %v later", far, patience)
	}
	return l
}

func TestPostWakesLoopWaitingForTimer(t *testing.T) {
	l := waitingLoop(t)
	for round := range 3 {
		// Not for correctness: give the loop time to settle into its wait
		// for the timer, so that the Post below must wake it.
		time.Sleep(20 * time.Millisecond)
		ran := make(chan struct{})
		go func() { l.Post(func() { close(ran) }) }()
		select {
		case <-ran:
		case <-time.After(patience):
			t.Fatalf("Run was waiting for a timer due in %v; another goroutine called Post(f) (round %d): f had not run %v later. "+
				"Post must wake a loop that is waiting for a timer", far, round+1, patience)
		}
	}
}

func TestAfterWakesLoopWaitingForLaterTimer(t *testing.T) {
	l := waitingLoop(t)
	for round := range 3 {
		time.Sleep(20 * time.Millisecond) // not for correctness: let the loop settle into its wait
		ran := make(chan struct{})
		go func() { l.After(5*time.Millisecond, func() { close(ran) }) }()
		select {
		case <-ran:
		case <-time.After(patience):
			t.Fatalf("Run was waiting for a timer due in %v; another goroutine called After(5ms, f) (round %d): f had not run %v later. "+
				"After must wake the loop, so that it waits for the new, earlier deadline", far, round+1, patience)
		}
	}
}
