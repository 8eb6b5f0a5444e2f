package engine

import (
	"bytes"
	"reflect"
	"runtime"
	"strconv"
	"sync/atomic"

	"workbook/internal/wire"
)

// A monitor watches the program's goroutines: it starts those of go
// statements (counting them against the limit and catching their panics),
// and notices when every goroutine of the program is blocked.
type monitor struct {
	c        *child
	live     atomic.Int64 // goroutines started by go statements, still running
	baseline int          // host goroutines before main started
	mainGoid int
}

func newMonitor(c *child) *monitor { return &monitor{c: c} }

// goStart runs f on a new goroutine, for a go statement of the program.
func (m *monitor) goStart(f func()) {
	if n := m.live.Add(1); n > int64(m.c.limits.Goroutines) {
		m.c.report.Send(wire.Report{Kind: wire.KindLimit, Limit: &wire.Limit{Name: "goroutines", Value: int64(m.c.limits.Goroutines)}})
		m.c.exitOnce.Do(func() {})
		exitNow(85)
	}
	go func() {
		defer m.live.Add(-1)
		defer m.guard()
		f()
	}()
}

// guard catches the unrecovered panic of a goroutine of the program.
func (m *monitor) guard() {
	if r := recover(); r != nil {
		m.c.panicked(goid(), r)
	}
}

// numGoroutine is runtime.NumGoroutine as the program sees it: without
// the child's own goroutines.
func (m *monitor) numGoroutine() int {
	return runtime.NumGoroutine() - m.baseline
}

// start is called just before main runs.
func (m *monitor) start() {
	// The goroutine about to run main is not started yet: it counts as the
	// program's, the others are the child's.
	m.baseline = runtime.NumGoroutine()
}

// mainGoexit is called when main's goroutine ended by runtime.Goexit.
func (m *monitor) mainGoexit() {
	// Go lets the other goroutines run; when none is left, the runtime
	// reports a deadlock. Until deadlock detection watches the program,
	// wait for the other goroutines to finish.
	select {}
}

// symbols returns the monitor's replacements of library names.
func (m *monitor) symbols() map[string]map[string]reflect.Value {
	return nil
}

// goid returns the runtime's number of the calling goroutine.
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
