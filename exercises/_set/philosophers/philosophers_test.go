package philosophers_test

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"philosophers"
)

// A table is what the test puts in front of Dine: n forks that watch who
// picks them up, and an eat function that checks each meal.
type table struct {
	n     int
	meals int // each philosopher's share

	mu     sync.Mutex
	cond   *sync.Cond // on mu: broadcast whenever something below changes
	forks  []*fork
	inLock int // goroutines inside a fork's Lock, waiting for it (or parked at the start)

	// The start: while startUp is true, nobody gets a fork until every
	// philosopher is inside a fork's Lock (or, for a Dine in which not
	// everyone reaches for a fork at once, nobody has reached for one for
	// startQuiet). Then each fork goes to the first who reached for it. If
	// everyone reaches for the left fork first, everyone gets it, all at
	// once.
	startUp    bool
	startTimer *time.Timer

	eaten      []int  // meals eaten, by philosopher
	eating     []bool // eating right now, by philosopher
	nowEating  int
	mostEating int // the most philosophers ever eating at once
	problem    string

	// The pairing: while pairUp is true, eat waits for a second philosopher
	// to be eating, unless every other philosopher who still has meals to
	// eat is waiting for a fork that is held, or nothing has happened at
	// the table for a while.
	pairUp     bool
	lastChange time.Time // the last time a fork was reached for, picked up or put down
}

// quiet is how long nothing must happen at the table (no fork reached
// for, picked up or put down) before a philosopher waiting in eat for
// company gives up: the others wait for something the test cannot see.
// startQuiet is the same for the start. Reaching for a fork takes a
// goroutine microseconds.
const (
	quiet      = 50 * time.Millisecond
	startQuiet = 200 * time.Millisecond
)

func newTable(n, meals int) *table {
	t := &table{n: n, meals: meals, eaten: make([]int, n), eating: make([]bool, n)}
	t.cond = sync.NewCond(&t.mu)
	for i := range n {
		t.forks = append(t.forks, &fork{t: t, i: i})
	}
	return t
}

func (t *table) lockers() []sync.Locker {
	ls := make([]sync.Locker, t.n)
	for i, f := range t.forks {
		ls[i] = f
	}
	return ls
}

func (t *table) report(format string, args ...any) { // with t.mu held
	if t.problem == "" {
		t.problem = fmt.Sprintf(format, args...)
	}
}

// everyoneReaching says whether every philosopher is inside a fork's Lock.
func (t *table) everyoneReaching() bool { return t.inLock >= t.n } // with t.mu held

func (t *table) endStart() { // with t.mu held
	if t.startUp {
		t.startUp = false
		t.startTimer.Stop()
		t.cond.Broadcast()
	}
}

// A fork is a sync.Locker that tells its table who is reaching for it. It
// is fair: whoever asked first gets it first, like a queue at a counter,
// so a philosopher who puts a fork down and reaches for it again at once
// lines up behind the neighbour who was already waiting for it.
type fork struct {
	t *table
	i int
	// All guarded by t.mu:
	held    bool
	waiting int // goroutines inside Lock that do not hold it yet
	next    int // the ticket the next Lock draws
	serving int // the ticket whose turn it is
}

func (f *fork) Lock() {
	t := f.t
	t.mu.Lock()
	defer t.mu.Unlock()
	t.inLock++
	f.waiting++
	ticket := f.next
	f.next++
	t.lastChange = time.Now()
	if t.startUp {
		t.startTimer.Reset(startQuiet) // someone reached: wait on
	}
	t.cond.Broadcast()
	for {
		if t.startUp && t.everyoneReaching() {
			t.endStart()
		}
		// Wait for this ticket's turn, then (at the start) for everyone.
		if f.serving == ticket && !t.startUp {
			break
		}
		t.cond.Wait()
	}
	t.inLock--
	f.waiting--
	f.held = true
	t.lastChange = time.Now()
	t.cond.Broadcast()
}

func (f *fork) Unlock() {
	t := f.t
	t.mu.Lock()
	defer t.mu.Unlock()
	if !f.held {
		t.report("forks[%d].Unlock() was called while nobody held forks[%d]", f.i, f.i)
		return
	}
	f.held = false
	f.serving++
	t.lastChange = time.Now()
	t.cond.Broadcast()
}

// othersStuck says whether every philosopher but p who still has meals to
// eat is waiting for a fork that someone holds: then, most likely, nobody
// else can eat while p eats.
func (t *table) othersStuck(p int) bool { // with t.mu held
	hungry := 0
	for q := range t.n {
		if q != p && t.eaten[q] < t.meals {
			hungry++
		}
	}
	stuck := 0
	for _, f := range t.forks {
		if f.held {
			stuck += f.waiting
		}
	}
	return stuck >= hungry
}

func (t *table) eat(p int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if p < 0 || p >= t.n {
		t.report("eat(%d) was called at a table of %d philosophers, numbered 0 to %d", p, t.n, t.n-1)
		return
	}
	left, right := p, (p+1)%t.n
	if !t.forks[left].held || !t.forks[right].held {
		t.report("eat(%d) was called while philosopher %d held forks[%d]: %v and forks[%d]: %v; want both in hand, locked before eat and unlocked after it",
			p, p, left, t.forks[left].held, right, t.forks[right].held)
	}
	for _, q := range []int{(p + t.n - 1) % t.n, right} {
		if q != p && t.eating[q] {
			t.report("philosophers %d and %d ate at the same time, but they share a fork", q, p)
		}
	}
	if t.eating[p] {
		t.report("eat(%d) was called while philosopher %d was already eating", p, p)
	}
	t.eaten[p]++
	t.eating[p] = true
	t.nowEating++
	t.mostEating = max(t.mostEating, t.nowEating)
	t.lastChange = time.Now()
	t.cond.Broadcast()

	if t.pairUp && t.mostEating < 2 {
		// Wait for a second philosopher to sit down to eat, unless nobody
		// else can: everyone else waits for a fork that is held, or the
		// table has been quiet for a while (they wait for something else).
		for t.mostEating < 2 && !t.othersStuck(p) && time.Since(t.lastChange) < quiet {
			timer := time.AfterFunc(quiet, func() {
				t.mu.Lock()
				t.cond.Broadcast()
				t.mu.Unlock()
			})
			t.cond.Wait()
			timer.Stop()
		}
	}

	t.eating[p] = false
	t.nowEating--
	t.cond.Broadcast()
}

// check fails the test if anything went wrong at the table, if someone
// did not eat every meal, or if a fork is still held after Dine returned.
func (t *table) check(tt *testing.T) {
	tt.Helper()
	t.mu.Lock()
	defer t.mu.Unlock()
	what := fmt.Sprintf("Dine(%d forks, %d meals, eat)", t.n, t.meals)
	if t.problem != "" {
		tt.Fatalf("%s: %s", what, t.problem)
	}
	for p, m := range t.eaten {
		if m != t.meals {
			tt.Fatalf("%s returned, and philosopher %d had eaten %d meals; want %d (meals eaten by each: %v)", what, p, m, t.meals, t.eaten)
		}
	}
	for _, f := range t.forks {
		if f.held {
			tt.Fatalf("%s returned, and forks[%d] was still held: every fork that is picked up is put down again", what, f.i)
		}
	}
}

func TestNoDeadlockWhenAllSitDownAtOnce(t *testing.T) {
	// Every philosopher reaches for a first fork, and whoever gets one
	// holds on to it until all of them have reached. Then they go on. If
	// everyone took the left fork first, everyone now holds one fork and
	// waits for the one the neighbour holds: a circle. This test just
	// waits: a deadlock is reported as one.
	for _, n := range []int{5, 3, 2} {
		tab := newTable(n, 3)
		tab.startUp = true
		tab.startTimer = time.AfterFunc(startQuiet, func() {
			tab.mu.Lock()
			tab.endStart()
			tab.mu.Unlock()
		})
		philosophers.Dine(tab.lockers(), tab.meals, tab.eat)
		tab.check(t)
	}
}

func TestEatWithBothForksInHand(t *testing.T) {
	for _, n := range []int{2, 3, 5, 6 + rand.IntN(4)} {
		tab := newTable(n, 2+rand.IntN(3))
		philosophers.Dine(tab.lockers(), tab.meals, tab.eat)
		tab.check(t)
	}
}

func TestEveryoneEatsEveryMeal(t *testing.T) {
	for range 4 {
		tab := newTable(2+rand.IntN(7), 1+rand.IntN(6))
		philosophers.Dine(tab.lockers(), tab.meals, tab.eat)
		tab.check(t)
	}
}

func TestTwoEatAtOnce(t *testing.T) {
	// Each meal lasts until a second philosopher is eating too, or until
	// nobody else can start eating. A table where that never happens, at
	// three tables in a row, lets only one philosopher eat at a time.
	for _, n := range []int{5, 6, 7} {
		tab := newTable(n, 3)
		tab.pairUp = true
		philosophers.Dine(tab.lockers(), tab.meals, tab.eat)
		tab.check(t)
		if tab.mostEating >= 2 {
			return
		}
	}
	t.Fatalf("Dine with 5, 6 and 7 forks, 3 meals each: at most one philosopher ate at a time, even while one waited in eat for a second one; want two at once: " +
		"two philosophers who are not neighbours share no fork, and must be able to eat together")
}
