package runner_test

import (
	"context"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"workbook/runner"
)

// TestMain lets the test binary serve as the sandbox child: the runner
// re-executes os.Executable(), which here is this binary.
func TestMain(m *testing.M) {
	runner.Child()
	os.Exit(m.Run())
}

// output is what a run printed, in order, both streams together, and each
// on its own.
type output struct {
	mu                  sync.Mutex
	all, stdout, stderr strings.Builder
	events              []runner.Event
}

func (o *output) event(e runner.Event) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.events = append(o.events, e)
	switch e.Kind {
	case runner.KindStdout:
		o.stdout.WriteString(e.Data)
		o.all.WriteString(e.Data)
	case runner.KindStderr:
		o.stderr.WriteString(e.Data)
		o.all.WriteString(e.Data)
	}
}

// runFiles runs the program made of the given files.
func runFiles(t testing.TB, opts runner.Options, files ...runner.File) (*runner.Result, *output) {
	t.Helper()
	return runWith(t, runner.Run, opts, files...)
}

// runPooled runs the program made of the given files through pool.
func runPooled(t testing.TB, pool *runner.Pool, opts runner.Options, files ...runner.File) (*runner.Result, *output) {
	t.Helper()
	return runWith(t, pool.Run, opts, files...)
}

// runWith runs the program with run (runner.Run, or a pool's), keeping
// what it printed.
func runWith(t testing.TB, run func(context.Context, runner.Program, runner.Options) (*runner.Result, error), opts runner.Options, files ...runner.File) (*runner.Result, *output) {
	t.Helper()
	out := &output{}
	opts.Events = out.event
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	res, err := run(ctx, runner.Program{Files: files}, opts)
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	return res, out
}
