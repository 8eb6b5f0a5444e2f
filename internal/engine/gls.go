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

//go:linkname getProfLabel runtime/pprof.runtime_getProfLabel
func getProfLabel() unsafe.Pointer

//go:linkname setProfLabel runtime/pprof.runtime_setProfLabel
func setProfLabel(labels unsafe.Pointer)

// A gstate is what the engine knows of one goroutine of the program.
type gstate struct {
	id int // the runtime's goroutine number
	// at is the token.Pos of the last operation the goroutine began that
	// may block: where it is, if it is blocked.
	at atomic.Int64
}

// current returns the state of the calling goroutine, or nil.
func current() *gstate { return (*gstate)(getProfLabel()) }

// adopt gives the calling goroutine a state of its own and returns it.
func adopt() *gstate {
	g := &gstate{id: goid()}
	setProfLabel(unsafe.Pointer(g))
	return g
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
