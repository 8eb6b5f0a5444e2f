package engine

import (
	"bytes"
	"runtime"
	_ "runtime/pprof" // provides the label accessors linked below
	"strconv"
	"sync/atomic"
	"unsafe"
)

// The state of each goroutine of the program is kept where the runtime
// keeps a goroutine's profiler labels. The runtime copies that pointer to
// every goroutine a goroutine starts, and lets runtime/pprof read and set it
// for the current goroutine: goroutine-local storage at the cost of a load.
// The child never profiles, so the slot is free; the goroutines the engine
// starts (go statements, wg.Go, time.AfterFunc) get a state of their own.
//
// The engine's bookkeeping is shared between the program's goroutines and
// its own (the monitor, the race reader), and must stay invisible to the
// race detector: reported, it would be noise; synchronising, it would add
// happens-before edges between the program's goroutines and hide their real
// races. So the memory it shares is only touched in //go:norace functions,
// and its synchronisation runs between raceDisable and raceEnable.

//go:linkname getProfLabel runtime/pprof.runtime_getProfLabel
func getProfLabel() unsafe.Pointer

//go:linkname setProfLabel runtime/pprof.runtime_setProfLabel
func setProfLabel(labels unsafe.Pointer)

// A gstate is what the engine knows of one goroutine of the program.
type gstate struct {
	id int // the runtime's goroutine number
	// at is the token.Pos of the last operation the goroutine began that
	// may block: where it is, if it is blocked.
	at int64
	// created is the token.Pos of the statement that started it, and
	// parent the goroutine that ran it.
	created int64
	parent  int
	// done is set when the goroutine has ended.
	done int32
	// trace is its record in a traced run (trace.go), which it alone
	// writes.
	trace *gtrace
	next  *gstate
}

// allG lists every goroutine the program ever had, newest first.
var allG atomic.Pointer[gstate]

// current returns the state of the calling goroutine, or nil.
func current() *gstate { return (*gstate)(getProfLabel()) }

// adopt gives the calling goroutine a state of its own, records it in allG
// and returns it.
func adopt(created int64, parent int) *gstate {
	g := newG(goid(), created, parent)
	setProfLabel(unsafe.Pointer(g))
	raceDisable()
	for {
		head := allG.Load()
		setNext(g, head)
		if allG.CompareAndSwap(head, g) {
			break
		}
	}
	raceEnable()
	return g
}

//go:norace
func newG(id int, created int64, parent int) *gstate {
	return &gstate{id: id, created: created, parent: parent}
}

//go:norace
func setNext(g, next *gstate) { g.next = next }

//go:norace
func (g *gstate) setAt(pos int64) { g.at = pos }

//go:norace
func (g *gstate) getAt() int64 { return g.at }

//go:norace
func (g *gstate) setDone() { g.done = 1 }

//go:norace
func (g *gstate) setTrace(tr *gtrace) { g.trace = tr }

//go:norace
func (g *gstate) getTrace() *gtrace { return g.trace }

// gstates returns a copy of what the engine knows of each goroutine,
// keyed by goroutine number.
//
//go:norace
func gstates() map[int]gstate {
	m := map[int]gstate{}
	for g := allG.Load(); g != nil; g = g.next {
		if _, seen := m[g.id]; !seen {
			m[g.id] = gstate{id: g.id, at: g.at, created: g.created, parent: g.parent, done: g.done}
		}
	}
	return m
}

// goid returns the runtime's number of the calling goroutine, from the
// first line of its stack trace: slow, so only taken once per goroutine.
func goid() int {
	var buf [64]byte
	b := buf[:runtime.Stack(buf[:], false)]
	b = bytes.TrimPrefix(b, []byte("goroutine "))
	if i := bytes.IndexByte(b, ' '); i > 0 {
		n, _ := strconv.Atoi(string(b[:i]))
		return n
	}
	return 0
}
