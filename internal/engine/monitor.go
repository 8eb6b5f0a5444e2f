package engine

import (
	"bytes"
	"context"
	"go/token"
	"os"
	"os/signal"
	"reflect"
	"runtime"
	"runtime/metrics"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"

	"workbook/internal/wire"
)

// A monitor watches the program's goroutines. It starts those of go
// statements and of the library functions that start goroutines
// (WaitGroup.Go, time.AfterFunc, context.AfterFunc), counting them against
// the limit, giving each a state (gls.go) and catching their panics; and it
// notices when every goroutine of the program is blocked.
//
// Inside the interpreter, Go's own deadlock detection never fires: the
// child has goroutines of its own. So the monitor does what the runtime
// does, from outside: it looks, a few times a second, whether nothing of
// the program can run (runtime/metrics, cheap), and if so takes a dump of
// all goroutines and checks that every goroutine of the program is blocked
// on a channel, a select or a lock, and that no timer of the program can
// still wake one. Twice in a row, the same: that is a deadlock.
type monitor struct {
	c        *child
	live     atomic.Int64 // goroutines of the program started by the engine, still running
	baseline int          // the child's own goroutines
	// shared is the run's goroutine count, a slot for each of its
	// processes (wire.FDGoroutines), and slot this one's: the limit holds
	// for the run as a whole, the processes started with workbook/proc
	// together. Nil when the runner gave none.
	shared     []byte
	slot       int
	mainG      *gstate
	mainExited atomic.Bool
	timers     timers
	interval   time.Duration
}

// timers is what the monitor knows of the program's timers: until when one
// may still fire, and whether something may wake the program at any time
// (a ticker, a signal handler).
type timers struct {
	mu      sync.Mutex
	until   time.Time
	tickers int
	forever bool
}

func (t *timers) note(d time.Duration) { t.noteUntil(time.Now().Add(d)) }

func (t *timers) noteUntil(at time.Time) {
	raceDisable()
	t.mu.Lock()
	t.extend(at)
	t.mu.Unlock()
	raceEnable()
}

//go:norace
func (t *timers) extend(at time.Time) {
	if at.After(t.until) {
		t.until = at
	}
}

func (t *timers) addTickers(n int) {
	raceDisable()
	t.mu.Lock()
	t.addTickersLocked(n)
	t.mu.Unlock()
	raceEnable()
}

//go:norace
func (t *timers) addTickersLocked(n int) { t.tickers += n }

func (t *timers) setForever() {
	raceDisable()
	t.mu.Lock()
	t.setForeverLocked()
	t.mu.Unlock()
	raceEnable()
}

//go:norace
func (t *timers) setForeverLocked() { t.forever = true }

// pending reports whether a timer or a signal may still wake the program.
// Only the monitor calls it, with the race detector's eyes closed.
func (t *timers) pending() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.pendingLocked(time.Now())
}

//go:norace
func (t *timers) pendingLocked(now time.Time) bool {
	return t.forever || t.tickers > 0 || now.Before(t.until.Add(50*time.Millisecond))
}

func newMonitor(c *child) *monitor {
	m := &monitor{c: c, interval: 100 * time.Millisecond, slot: c.req.Slot - 1}
	if m.slot >= 0 && m.slot < wire.GoroutineSlots {
		if _, err := unix.FcntlInt(wire.FDGoroutines, unix.F_GETFD, 0); err == nil {
			unix.CloseOnExec(wire.FDGoroutines)
			if mem, err := unix.Mmap(wire.FDGoroutines, 0, 8*wire.GoroutineSlots, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_SHARED); err == nil {
				m.shared = mem
			}
		}
	}
	theMonitor = m
	return m
}

// counter is slot i of the run's goroutine count.
func (m *monitor) counter(i int) *atomic.Int64 {
	return (*atomic.Int64)(unsafe.Pointer(&m.shared[8*i]))
}

// add counts delta goroutines of this process, and returns how many the
// run has: in all its processes, or in this one when there is no count
// shared.
func (m *monitor) add(delta int64) int64 {
	n := m.live.Add(delta)
	if m.shared == nil {
		return n
	}
	m.counter(m.slot).Add(delta)
	var total int64
	for i := range wire.GoroutineSlots {
		total += m.counter(i).Load()
	}
	return total
}

// theMonitor is the monitor of this child's one program, for the library
// replacements that are types (WaitGroup, Timer) and cannot hold it.
var theMonitor *monitor

// goStart runs f on a new goroutine, for a go statement of the program.
func (m *monitor) goStart(f func()) {
	m.count()
	at, parent := creator()
	spawned := m.c.trace.stamp()
	go m.goroutine(at, parent, spawned, f)
}

// creator returns where the calling goroutine is, starting one, and its
// number.
func creator() (int64, int) {
	if g := current(); g != nil {
		return g.getAt(), g.id
	}
	return 0, 0
}

// count counts a new goroutine against the limit.
func (m *monitor) count() {
	raceDisable()
	n := m.add(1)
	raceEnable()
	if n > int64(m.c.limits.Goroutines) {
		m.c.end(3, nil, wire.Report{Kind: wire.KindLimit, Limit: &wire.Limit{Name: "goroutines", Value: int64(m.c.limits.Goroutines)}})
	}
}

// goroutine runs f as a goroutine of the program: with a state of its own,
// and its unrecovered panic reported as Go reports it.
func (m *monitor) goroutine(from int64, parent int, spawned int64, f func()) {
	g := adopt(from, parent)
	m.c.trace.goStart(g, spawned)
	defer m.leave(g)
	defer m.guard(g)
	spell(g.id, f)
}

func (m *monitor) leave(g *gstate) {
	m.c.trace.goEnd(g)
	g.setDone()
	raceDisable()
	m.add(-1)
	raceEnable()
}

// guard catches the unrecovered panic of a goroutine of the program.
func (m *monitor) guard(g *gstate) {
	if r := recover(); r != nil {
		m.c.panicked(g.id, r)
	}
}

// at is the interpreter's At hook: it records where the calling goroutine
// is, at each operation that may block.
func (m *monitor) at(pos token.Pos) {
	if g := current(); g != nil {
		g.setAt(int64(pos))
	}
}

// numGoroutine is runtime.NumGoroutine as the program sees it: without
// the child's own goroutines.
func (m *monitor) numGoroutine() int {
	return runtime.NumGoroutine() - m.baseline
}

// start starts watching, just before main runs; it returns the state of
// the goroutine to run main on, which the caller adopts.
func (m *monitor) start() {
	m.baseline = runtime.NumGoroutine() + 1 // and the watch
	go m.watch()
}

// enterMain makes the calling goroutine the program's main goroutine.
func (m *monitor) enterMain() {
	g := adopt(0, 0)
	m.setMain(g)
	m.c.trace.goStart(g, m.c.trace.stamp())
}

//go:norace
func (m *monitor) setMain(g *gstate) { m.mainG = g }

// mainID is the runtime's number of the program's main goroutine, or 0.
//
//go:norace
func (m *monitor) mainID() int {
	if m.mainG == nil {
		return 0
	}
	return m.mainG.id
}

// mainGoexit is called when main's goroutine ended with runtime.Goexit:
// the other goroutines go on, and the program ends when none is left.
func (m *monitor) mainGoexit() {
	m.mainG.setDone()
	raceDisable()
	m.mainExited.Store(true)
	raceEnable()
}

var schedMetrics = []metrics.Sample{
	{Name: "/sched/goroutines/running:goroutines"},
	{Name: "/sched/goroutines/runnable:goroutines"},
	{Name: "/sched/goroutines/not-in-go:goroutines"},
	{Name: "/sched/goroutines-created:goroutines"},
}

// watch looks for a deadlock until the program ends.
func (m *monitor) watch() {
	raceDisable() // the monitor's synchronisation is none of the program's
	var last string
	streak := 0
	buf := make([]byte, 64<<10)
	for {
		time.Sleep(m.interval)
		if m.overLimit() {
			raceEnable() // the program is over; see deadlock
			m.c.end(3, nil, wire.Report{Kind: wire.KindLimit, Limit: &wire.Limit{Name: "goroutines", Value: int64(m.c.limits.Goroutines)}})
		}
		metrics.Read(schedMetrics)
		busy := schedMetrics[0].Value.Uint64() + schedMetrics[1].Value.Uint64() + schedMetrics[2].Value.Uint64()
		if busy > 1 || m.timers.pending() {
			streak = 0
			continue
		}
		for {
			n := runtime.Stack(buf, true)
			if n < len(buf) {
				buf = buf[:n]
				break
			}
			buf = make([]byte, 2*len(buf))
		}
		gs := programGoroutines(buf)
		buf = buf[:cap(buf)]
		key := stateKey(schedMetrics[3].Value.Uint64(), gs)
		if !allBlocked(gs) || (len(gs) == 0 && !m.mainExited.Load()) {
			streak = 0
			continue
		}
		if key == last {
			streak++
		} else {
			streak, last = 1, key
		}
		if streak >= 2 {
			m.deadlock(gs)
		}
	}
}

// stateKey sums up the scheduler's count and the goroutines' states, to
// tell whether anything changed between two looks. Not with fmt: this
// goroutine hides its synchronisation from the race detector, and fmt's
// pool of printers, shared with the program, would look raced.
func stateKey(n uint64, gs []dumped) string {
	b := []byte(strconv.FormatUint(n, 10))
	for _, g := range gs {
		b = append(b, ' ')
		b = strconv.AppendInt(b, int64(g.id), 10)
		b = append(b, ':')
		b = append(b, g.state...)
	}
	return string(b)
}

// A dumped goroutine is one goroutine of a dump of all goroutines.
type dumped struct {
	id    int
	state string
}

// programGoroutines returns the goroutines of the dump that run
// interpreted code: those of the program.
func programGoroutines(dump []byte) []dumped {
	var gs []dumped
	for _, block := range bytes.Split(dump, []byte("\n\n")) {
		if !bytes.Contains(block, []byte("github.com/traefik/yaegi/interp.")) {
			continue
		}
		head, _, _ := bytes.Cut(block, []byte("\n"))
		// goroutine 18 [chan receive, 2 minutes]:
		rest, ok := bytes.CutPrefix(head, []byte("goroutine "))
		if !ok {
			continue
		}
		num, state, ok := bytes.Cut(rest, []byte(" ["))
		if !ok {
			continue
		}
		id, _ := strconv.Atoi(string(num))
		s := strings.TrimSuffix(string(state), "]:")
		s, _, _ = strings.Cut(s, ", ")
		if bytes.Contains(block, []byte("workbook/proc.")) {
			// Waiting for another process (Join, a shared Lock): only
			// the time limit can tell whether it will come.
			s = "proc wait"
		}
		gs = append(gs, dumped{id, s})
	}
	sort.Slice(gs, func(i, j int) bool { return gs[i].id < gs[j].id })
	return gs
}

// allBlocked reports whether every goroutine waits for something only
// another goroutine of the program could give it.
func allBlocked(gs []dumped) bool {
	for _, g := range gs {
		if !blocking(g.state) {
			return false
		}
	}
	return true
}

func blocking(state string) bool {
	return strings.HasPrefix(state, "chan ") || strings.HasPrefix(state, "select") ||
		strings.HasPrefix(state, "sync.") || strings.HasPrefix(state, "semacquire")
}

// deadlock reports the deadlock as Go does, and ends the program.
func (m *monitor) deadlock(gs []dumped) {
	// The program is over: what the monitor reads of the tests now may
	// synchronise in the race detector's sight, and hide nothing.
	raceEnable()
	d := &wire.Deadlock{MainExited: m.mainExited.Load(), Test: m.c.tests.running()}
	main := m.mainID()
	states := gstates()
	// Main first, as Go lists it.
	sort.SliceStable(gs, func(i, j int) bool { return gs[i].id == main && gs[j].id != main })
	for _, g := range gs {
		id := g.id
		if id == main {
			id = 1
		}
		wg := wire.Goroutine{ID: id, State: g.state}
		if st, ok := states[g.id]; ok {
			if pos := token.Pos(st.at); pos.IsValid() {
				wg.Frame = m.c.frameAt(pos)
			}
			wg.Created, wg.CreatedIn = m.c.creation(st, main)
		}
		d.Goroutines = append(d.Goroutines, wg)
	}
	m.c.end(2, []byte(d.Text()), wire.Report{Kind: wire.KindDeadlock, Deadlock: d})
}

// symbols returns the monitor's replacements of library names: the
// functions that start goroutines, and those that arm timers.
func (m *monitor) symbols() map[string]map[string]reflect.Value {
	v := reflect.ValueOf
	return map[string]map[string]reflect.Value{
		"time": {
			"Timer":     v((*Timer)(nil)),
			"Ticker":    v((*Ticker)(nil)),
			"After":     v(m.after),
			"AfterFunc": v(m.afterFunc),
			"NewTimer":  v(m.newTimer),
			"NewTicker": v(m.newTicker),
			"Tick":      v(m.tick),
		},
		"context": {
			"WithTimeout":       v(m.withTimeout),
			"WithTimeoutCause":  v(m.withTimeoutCause),
			"WithDeadline":      v(m.withDeadline),
			"WithDeadlineCause": v(m.withDeadlineCause),
			"AfterFunc":         v(m.contextAfterFunc),
		},
		"os/signal": {
			"Notify":        v(m.notify),
			"NotifyContext": v(m.notifyContext),
		},
		"sync": {
			"WaitGroup": v((*WaitGroup)(nil)),
		},
	}
}

func (m *monitor) after(d time.Duration) <-chan time.Time {
	m.timers.note(d)
	return time.After(d)
}

func (m *monitor) afterFunc(d time.Duration, f func()) *Timer {
	m.timers.note(d)
	from, parent := creator()
	t := time.AfterFunc(d, func() {
		m.count()
		m.goroutine(from, parent, m.c.trace.stamp(), f)
	})
	return &Timer{t: t}
}

func (m *monitor) newTimer(d time.Duration) *Timer {
	m.timers.note(d)
	t := time.NewTimer(d)
	return &Timer{C: t.C, t: t}
}

func (m *monitor) newTicker(d time.Duration) *Ticker {
	t := time.NewTicker(d)
	m.timers.addTickers(1)
	return &Ticker{C: t.C, t: t}
}

func (m *monitor) tick(d time.Duration) <-chan time.Time {
	if d <= 0 {
		return nil
	}
	m.timers.addTickers(1)
	return time.Tick(d)
}

func (m *monitor) withTimeout(parent context.Context, d time.Duration) (context.Context, context.CancelFunc) {
	m.timers.note(d)
	return context.WithTimeout(parent, d)
}

func (m *monitor) withTimeoutCause(parent context.Context, d time.Duration, cause error) (context.Context, context.CancelFunc) {
	m.timers.note(d)
	return context.WithTimeoutCause(parent, d, cause)
}

func (m *monitor) withDeadline(parent context.Context, at time.Time) (context.Context, context.CancelFunc) {
	m.timers.noteUntil(at)
	return context.WithDeadline(parent, at)
}

func (m *monitor) withDeadlineCause(parent context.Context, at time.Time, cause error) (context.Context, context.CancelFunc) {
	m.timers.noteUntil(at)
	return context.WithDeadlineCause(parent, at, cause)
}

func (m *monitor) contextAfterFunc(ctx context.Context, f func()) func() bool {
	from, parent := creator()
	return context.AfterFunc(ctx, func() {
		m.count()
		m.goroutine(from, parent, m.c.trace.stamp(), f)
	})
}

func (m *monitor) notify(c chan<- os.Signal, sig ...os.Signal) {
	m.timers.setForever()
	signal.Notify(c, sig...)
}

func (m *monitor) notifyContext(parent context.Context, sig ...os.Signal) (context.Context, context.CancelFunc) {
	m.timers.setForever()
	return signal.NotifyContext(parent, sig...)
}

// Timer is time.Timer as the program sees it: the same timer, but Reset
// tells the monitor it may fire again.
type Timer struct {
	C <-chan time.Time
	t *time.Timer
}

// Stop is time.Timer.Stop.
func (t *Timer) Stop() bool { return t.t.Stop() }

// Reset is time.Timer.Reset.
func (t *Timer) Reset(d time.Duration) bool {
	theMonitor.timers.note(d)
	return t.t.Reset(d)
}

// Ticker is time.Ticker as the program sees it: Stop tells the monitor it
// will not fire again.
type Ticker struct {
	C       <-chan time.Time
	t       *time.Ticker
	stopped atomic.Bool
}

// Stop is time.Ticker.Stop.
func (t *Ticker) Stop() {
	t.t.Stop()
	if !t.stopped.Swap(true) {
		theMonitor.timers.addTickers(-1)
	}
}

// Reset is time.Ticker.Reset.
func (t *Ticker) Reset(d time.Duration) {
	if t.stopped.Swap(false) {
		theMonitor.timers.addTickers(1)
	}
	t.t.Reset(d)
}

// WaitGroup is sync.WaitGroup as the program sees it: Go starts the
// goroutine as a goroutine of the program.
type WaitGroup struct {
	sync.WaitGroup
}

// Go is sync.WaitGroup.Go.
func (wg *WaitGroup) Go(f func()) {
	theMonitor.count()
	from, parent := creator()
	spawned := theMonitor.c.trace.stamp()
	wg.WaitGroup.Go(func() { theMonitor.goroutine(from, parent, spawned, f) })
}
