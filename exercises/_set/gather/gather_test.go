package gather_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"gather"
)

// patience is how long a test waits for something that a working Gather
// does in microseconds.
const patience = 1 * time.Second

// window is how long a test watches for Gather returning too early: a
// Gather that does not wait for a task returns within microseconds.
const window = 60 * time.Millisecond

type task = func(context.Context) (int, error)

type result struct {
	vals []int
	err  error
}

// start runs Gather on a goroutine of its own.
func start(ctx context.Context, tasks []task) <-chan result {
	done := make(chan result, 1)
	go func() {
		vals, err := gather.Gather(ctx, tasks...)
		done <- result{vals, err}
	}()
	return done
}

// await waits for Gather's result. If it has not come within patience, it
// closes giveUp (every task of the test returns soon after that), waits
// for Gather to return, and fails the test with the message.
func await(t *testing.T, done <-chan result, giveUp chan struct{}, format string, args ...any) result {
	t.Helper()
	select {
	case r := <-done:
		return r
	case <-time.After(patience):
		close(giveUp)
		<-done
		t.Fatalf(format, args...)
		return result{}
	}
}

// values returns n different random numbers.
func values(n int) []int {
	vals := rand.Perm(10 * (n + 10))[:n]
	for i := range vals {
		vals[i] += 100
	}
	return vals
}

func TestGatherRunsTasksConcurrently(t *testing.T) {
	for _, n := range []int{2, 3 + rand.IntN(10)} {
		vals := values(n)
		var started atomic.Int32
		all := make(chan struct{})    // closed when every task has started
		giveUp := make(chan struct{}) // closed by the test if they never do
		tasks := make([]task, n)
		for i := range tasks {
			tasks[i] = func(ctx context.Context) (int, error) {
				if started.Add(1) == int32(n) {
					close(all)
				}
				select {
				case <-all:
					return vals[i], nil
				case <-giveUp:
					return 0, fmt.Errorf("task %d gave up waiting for the others to start", i)
				}
			}
		}
		done := start(context.Background(), tasks)
		select {
		case <-all:
		case <-time.After(patience):
			close(giveUp)
			<-done
			t.Fatalf("Gather with %d tasks, each waiting until all %d have started: after %v only %d had started; "+
				"want every task running at the same time, each on a goroutine of its own", n, n, patience, started.Load())
		}
		r := await(t, done, giveUp, "Gather with %d tasks that had all started and returned: Gather had not returned %v later", n, patience)
		if r.err != nil {
			t.Fatalf("Gather with %d tasks that all succeeded returned the error %v; want nil", n, r.err)
		}
		if !slices.Equal(r.vals, vals) {
			t.Fatalf("Gather with %d tasks returning %v returned %v; want %v", n, vals, r.vals, vals)
		}
	}
}

func TestGatherResultsInTaskOrder(t *testing.T) {
	for _, n := range []int{2, 5 + rand.IntN(6)} {
		// The tasks finish in reverse order: the last task first, and each
		// of the others once the task after it is done.
		vals := values(n)
		giveUp := make(chan struct{})
		finished := make([]chan struct{}, n)
		for i := range finished {
			finished[i] = make(chan struct{})
		}
		tasks := make([]task, n)
		for i := range tasks {
			tasks[i] = func(ctx context.Context) (int, error) {
				defer close(finished[i])
				if i < n-1 {
					select {
					case <-finished[i+1]:
					case <-giveUp:
						return 0, fmt.Errorf("task %d gave up waiting for task %d", i, i+1)
					}
				}
				return vals[i], nil
			}
		}
		r := await(t, start(context.Background(), tasks), giveUp,
			"Gather with %d tasks, each waiting for the one after it to finish, had not returned after %v: the tasks must run at the same time", n, patience)
		if r.err != nil {
			t.Fatalf("Gather with %d tasks that all succeeded returned the error %v; want nil", n, r.err)
		}
		if !slices.Equal(r.vals, vals) {
			t.Fatalf("Gather with %d tasks returning %v, finishing last task first: it returned %v; want %v, the results in task order, whatever order the tasks finish in",
				n, vals, r.vals, vals)
		}
	}
}

func TestGatherReturnsFirstError(t *testing.T) {
	// One task fails at once; every other one fails with an error of its
	// own, but only after its context has been cancelled, so after the
	// first failure.
	for range 3 {
		n := 4 + rand.IntN(5)
		failer := 1 + rand.IntN(n-1)
		firstErr := fmt.Errorf("task %d: the supplier is closed (%d)", failer, rand.IntN(1000))
		giveUp := make(chan struct{})
		tasks := make([]task, n)
		for i := range tasks {
			tasks[i] = func(ctx context.Context) (int, error) {
				if i == failer {
					return 0, firstErr
				}
				select {
				case <-ctx.Done():
					return 0, fmt.Errorf("task %d gave up after its context was cancelled", i)
				case <-giveUp:
					return 0, fmt.Errorf("task %d gave up: its context was never cancelled", i)
				}
			}
		}
		r := await(t, start(context.Background(), tasks), giveUp,
			"Gather with %d tasks, where task %d fails at once and the others wait for their context to be cancelled: Gather had not returned %v later. "+
				"The first error must cancel the context the other tasks got", n, failer, patience)
		if r.err != firstErr {
			t.Fatalf("Gather with %d tasks, where task %d fails at once and the others fail only after their context is cancelled: it returned the error %q; want the first one, %q",
				n, failer, errString(r.err), firstErr)
		}
	}

	// Now several tasks fail at the same moment: any of their errors will do.
	n := 8 + rand.IntN(8)
	release := make(chan struct{})
	errs := make([]error, n)
	tasks := make([]task, n)
	for i := range tasks {
		errs[i] = fmt.Errorf("task %d failed", i)
		tasks[i] = func(ctx context.Context) (int, error) {
			<-release
			return 0, errs[i]
		}
	}
	done := start(context.Background(), tasks)
	close(release)
	r := <-done
	if !slices.Contains(errs, r.err) {
		t.Fatalf("Gather with %d tasks that all failed at the same moment returned the error %q; want one of theirs", n, errString(r.err))
	}
}

func errString(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

func TestGatherCancelsOthersOnError(t *testing.T) {
	n := 3 + rand.IntN(6)
	failer := rand.IntN(n)
	failErr := errors.New("out of stock")
	giveUp := make(chan struct{})
	var started atomic.Int32
	all := make(chan struct{})
	cancelled := make([]bool, n) // each task writes its own; read after Gather returns
	tasks := make([]task, n)
	for i := range tasks {
		tasks[i] = func(ctx context.Context) (int, error) {
			if started.Add(1) == int32(n) {
				close(all)
			}
			if i == failer {
				select { // fail once every task is running
				case <-all:
				case <-giveUp:
				}
				return 0, failErr
			}
			select {
			case <-ctx.Done():
				cancelled[i] = ctx.Err() != nil
				return 0, ctx.Err()
			case <-giveUp:
				return 0, errors.New("gave up")
			}
		}
	}
	r := await(t, start(context.Background(), tasks), giveUp,
		"Gather with %d tasks, where task %d fails once all have started and the others wait for their context to be cancelled: Gather had not returned %v later. "+
			"The first error must cancel the context the other tasks got, so that they can stop early", n, failer, patience)
	for i, c := range cancelled {
		if i != failer && !c {
			t.Fatalf("Gather with %d tasks, where task %d failed: task %d's context was not cancelled; want the first error to cancel the context every task got", n, failer, i)
		}
	}
	if r.err != failErr {
		t.Fatalf("Gather with %d tasks, where task %d failed with %q: it returned the error %q; want %q", n, failer, failErr, errString(r.err), failErr)
	}
}

func TestGatherReturnsParentError(t *testing.T) {
	// The tasks end when their context does; half of them then fail with
	// an error of their own, and half return a result.
	gatherUntilDone := func(ctx context.Context, n int) (chan struct{}, <-chan result) {
		giveUp := make(chan struct{})
		var started atomic.Int32
		all := make(chan struct{})
		tasks := make([]task, n)
		for i := range tasks {
			tasks[i] = func(ctx context.Context) (int, error) {
				if started.Add(1) == int32(n) {
					close(all)
				}
				select {
				case <-ctx.Done():
				case <-giveUp:
				}
				if i%2 == 0 {
					return 0, fmt.Errorf("task %d gave up", i)
				}
				return i, nil
			}
		}
		done := start(ctx, tasks)
		select {
		case <-all:
		case <-time.After(patience):
			close(giveUp)
			<-done
			t.Fatalf("Gather with %d tasks: after %v only %d had started; want all of them running at the same time", n, patience, started.Load())
		}
		return giveUp, done
	}

	n := 2 + rand.IntN(6)
	ctx, cancel := context.WithCancel(context.Background())
	giveUp, done := gatherUntilDone(ctx, n)
	cancel()
	r := await(t, done, giveUp, "Gather(ctx, %d tasks that wait for their context to end): ctx was cancelled, and Gather had not returned %v later. "+
		"Give the tasks a context derived from ctx, so that they see it end", n, patience)
	if !errors.Is(r.err, context.Canceled) {
		t.Fatalf("Gather(ctx, %d tasks that wait for their context to end, then half of them fail): ctx was cancelled while they ran, and Gather returned the error %q; want ctx.Err(), %q",
			n, errString(r.err), context.Canceled)
	}

	n = 2 + rand.IntN(6)
	ctx, cancel = context.WithTimeout(context.Background(), time.Duration(5+rand.IntN(10))*time.Millisecond)
	defer cancel()
	giveUp, done = gatherUntilDone(ctx, n)
	r = await(t, done, giveUp, "Gather(ctx, %d tasks that wait for their context to end): ctx's deadline passed, and Gather had not returned %v later. "+
		"Give the tasks a context derived from ctx, so that they see it end", n, patience)
	if !errors.Is(r.err, context.DeadlineExceeded) {
		t.Fatalf("Gather(ctx, %d tasks that wait for their context to end, then half of them fail): ctx's deadline passed while they ran, and Gather returned the error %q; want ctx.Err(), %q",
			n, errString(r.err), context.DeadlineExceeded)
	}
}

func TestGatherWaitsForEveryTask(t *testing.T) {
	// A straggler: once its context ends, it still takes its time (until
	// the test releases it) before it returns.
	type straggler struct {
		release  chan struct{}
		giveUp   chan struct{}
		returned bool // plain: written by the task, read after Gather returns
	}
	newStraggler := func() *straggler {
		return &straggler{release: make(chan struct{}), giveUp: make(chan struct{})}
	}
	run := func(s *straggler, ctx context.Context) (int, error) {
		select {
		case <-ctx.Done():
		case <-s.giveUp:
		}
		<-s.release
		s.returned = true
		return 0, errors.New("the straggler gave up")
	}
	// check watches Gather for a while after the straggler's context ended:
	// it must not return before the straggler does.
	check := func(s *straggler, done <-chan result, what string) {
		select {
		case <-done:
			close(s.giveUp)
			close(s.release)
			t.Fatalf("%s: Gather returned while a task was still running; want Gather to return only after every task has returned", what)
		case <-time.After(window):
		}
		close(s.release)
		await(t, done, s.giveUp, "%s, and the last task was released: Gather had not returned %v later", what, patience)
		if !s.returned {
			t.Fatalf("%s: Gather returned before the last task had returned", what)
		}
	}

	// After an error.
	n := 3 + rand.IntN(4)
	s := newStraggler()
	failed := make(chan struct{})
	tasks := make([]task, n)
	for i := range tasks {
		switch i {
		case 0:
			tasks[i] = func(ctx context.Context) (int, error) { return run(s, ctx) }
		case n - 1:
			tasks[i] = func(ctx context.Context) (int, error) {
				defer close(failed)
				return 0, errors.New("failed at once")
			}
		default:
			tasks[i] = func(ctx context.Context) (int, error) {
				select {
				case <-ctx.Done():
				case <-s.giveUp:
				}
				return 0, errors.New("gave up")
			}
		}
	}
	done := start(context.Background(), tasks)
	select {
	case <-failed:
	case <-time.After(patience):
		close(s.giveUp)
		close(s.release)
		<-done
		t.Fatalf("Gather with %d tasks, where the last one fails at once: it had not even started %v later; want every task running at the same time", n, patience)
	}
	check(s, done, fmt.Sprintf("Gather with %d tasks, where one fails at once and another takes its time to return after its context is cancelled", n))

	// After the parent context ends.
	n = 2 + rand.IntN(4)
	s = newStraggler()
	var started atomic.Int32
	all := make(chan struct{})
	tasks = make([]task, n)
	for i := range tasks {
		tasks[i] = func(ctx context.Context) (int, error) {
			if started.Add(1) == int32(n) {
				close(all)
			}
			if i == 0 {
				return run(s, ctx)
			}
			select {
			case <-ctx.Done():
			case <-s.giveUp:
			}
			return 0, errors.New("gave up")
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	done = start(ctx, tasks)
	select {
	case <-all:
	case <-time.After(patience):
		cancel()
		close(s.giveUp)
		close(s.release)
		<-done
		t.Fatalf("Gather with %d tasks: after %v only %d had started; want all of them running at the same time", n, patience, started.Load())
	}
	cancel()
	check(s, done, fmt.Sprintf("Gather(ctx, %d tasks), where ctx is cancelled and one task takes its time to return after that", n))
}

func TestGatherNoTasks(t *testing.T) {
	vals, err := gather.Gather(context.Background())
	if err != nil || len(vals) != 0 {
		t.Fatalf("Gather(ctx) with no tasks = %v, %v; want no results and a nil error", vals, err)
	}
}
