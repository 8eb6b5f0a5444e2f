package engine

import (
	"context"
	"reflect"
	"runtime"
	"testing"

	"golang.org/x/sync/errgroup"
)

// Library code that starts goroutines running the program's functions
// (errgroup.Group.Go, testing.Benchmark, B.RunParallel) would start them
// out of the monitor's sight: not counted against the goroutine limit,
// and with no guard, so that a panic in one would kill the child with the
// runtime's own report. The engine replaces those names, as it does for
// go statements and WaitGroup.Go: the function runs on the goroutine the
// library started, as a goroutine of the program. (time.AfterFunc,
// context.AfterFunc and WaitGroup.Go are in monitor.go.)
//
// Whatever starts goroutines and is not here is still bounded: the
// monitor counts every goroutine of the child (watch), and the runner
// tells a panic the runtime printed as a panic, whatever its text.

// started runs f as a goroutine of the program started at from by parent,
// on the goroutine some library code started.
func (m *monitor) started(from int64, parent int, f func()) {
	m.count()
	m.goroutine(from, parent, m.c.trace.stamp(), f)
}

// overLimit reports whether the child has more goroutines than the
// program may have, however they were started.
func (m *monitor) overLimit() bool {
	return runtime.NumGoroutine()-m.baseline > m.c.limits.Goroutines
}

// Group is errgroup.Group as the program sees it: Go and TryGo start the
// goroutine as one of the program's.
type Group struct {
	own errgroup.Group
	// withCtx is the group errgroup.WithContext made, which cancels its
	// context on the first error.
	withCtx *errgroup.Group
}

func (g *Group) group() *errgroup.Group {
	if g.withCtx != nil {
		return g.withCtx
	}
	return &g.own
}

// errgroupWithContext is errgroup.WithContext.
func errgroupWithContext(ctx context.Context) (*Group, context.Context) {
	eg, ctx := errgroup.WithContext(ctx)
	return &Group{withCtx: eg}, ctx
}

// program wraps f to run as a goroutine of the program.
func programFunc(f func() error) func() error {
	from, parent := creator()
	return func() (err error) {
		theMonitor.started(from, parent, func() { err = f() })
		return err
	}
}

// Go is errgroup.Group.Go.
func (g *Group) Go(f func() error) { g.group().Go(programFunc(f)) }

// TryGo is errgroup.Group.TryGo.
func (g *Group) TryGo(f func() error) bool { return g.group().TryGo(programFunc(f)) }

// Wait is errgroup.Group.Wait.
func (g *Group) Wait() error { return g.group().Wait() }

// SetLimit is errgroup.Group.SetLimit.
func (g *Group) SetLimit(n int) { g.group().SetLimit(n) }

// B is testing.B as the program sees it: the functions that Run, RunParallel
// and testing.Benchmark call run as goroutines of the program.
type B struct {
	*testing.B
}

// Run is testing.B.Run.
func (b *B) Run(name string, f func(b *B)) bool {
	from, parent := creator()
	return b.B.Run(name, func(tb *testing.B) {
		theMonitor.started(from, parent, func() { f(&B{tb}) })
	})
}

// RunParallel is testing.B.RunParallel.
func (b *B) RunParallel(body func(*testing.PB)) {
	from, parent := creator()
	b.B.RunParallel(func(pb *testing.PB) {
		theMonitor.started(from, parent, func() { body(pb) })
	})
}

// benchmark is testing.Benchmark.
func benchmark(f func(b *B)) testing.BenchmarkResult {
	from, parent := creator()
	return testing.Benchmark(func(tb *testing.B) {
		theMonitor.started(from, parent, func() { f(&B{tb}) })
	})
}

// librarySymbols are the replacements of this file.
func librarySymbols() map[string]map[string]reflect.Value {
	v := reflect.ValueOf
	return map[string]map[string]reflect.Value{
		"golang.org/x/sync/errgroup": {
			"Group":       v((*Group)(nil)),
			"WithContext": v(errgroupWithContext),
		},
		"testing": {
			"B":         v((*B)(nil)),
			"Benchmark": v(benchmark),
		},
	}
}
