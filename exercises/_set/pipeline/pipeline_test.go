package pipeline_test

import (
	"context"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"pipeline"
)

// feed returns a channel that holds the values and is closed.
func feed(values ...int) <-chan int {
	in := make(chan int, len(values))
	for _, v := range values {
		in <- v
	}
	close(in)
	return in
}

// upTo returns 0, 1, …, n-1.
func upTo(n int) []int {
	values := make([]int, n)
	for i := range values {
		values[i] = i
	}
	return values
}

// receive receives n values from out.
func receive(out <-chan int, n int) []int {
	got := make([]int, 0, n)
	for range n {
		got = append(got, <-out)
	}
	return got
}

// settled waits (up to a second) until the number of goroutines has stayed
// the same for 50ms, so that goroutines of earlier tests that are still
// ending do not count, and returns it.
func settled() int {
	n, same := runtime.NumGoroutine(), 0
	for deadline := time.Now().Add(time.Second); same < 10 && time.Now().Before(deadline); {
		time.Sleep(5 * time.Millisecond)
		if m := runtime.NumGoroutine(); m == n {
			same++
		} else {
			n, same = m, 0
		}
	}
	return n
}

// goroutinesLeft waits up to a second for the number of goroutines to come
// back down to base, and returns how many more there still are.
func goroutinesLeft(base int) int {
	deadline := time.Now().Add(time.Second)
	for {
		n := runtime.NumGoroutine() - base
		if n <= 0 || time.Now().After(deadline) {
			return max(n, 0)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// closedWithin receives from out until it is closed, for up to d, and
// reports whether it was closed.
func closedWithin(out <-chan int, d time.Duration) bool {
	timeout := time.After(d)
	for {
		select {
		case _, ok := <-out:
			if !ok {
				return true
			}
		case <-timeout:
			return false
		}
	}
}

func TestWorkersAtOnce(t *testing.T) {
	for _, workers := range []int{2 + rand.IntN(2), 4 + rand.IntN(3)} {
		base := runtime.NumGoroutine()
		var mu sync.Mutex
		running, most := 0, 0
		full := make(chan struct{}) // closed once workers calls run at once
		isFull := false
		f := func(x int) int {
			mu.Lock()
			running++
			most = max(most, running)
			if running == workers && !isFull {
				isFull = true
				close(full)
			}
			mu.Unlock()

			<-full // wait until workers calls of f run at once
			for range 20 {
				runtime.Gosched() // let any call beyond workers start, if it can
			}

			mu.Lock()
			running--
			mu.Unlock()
			return x * x
		}
		n := 3 * workers
		got := receive(pipeline.Pipeline(context.Background(), feed(upTo(n)...), workers, f), n)
		mu.Lock()
		m := most
		mu.Unlock()
		if m > workers {
			t.Fatalf("Pipeline(ctx, in, %d, f) with %d values ran up to %d calls of f at once; want at most %d", workers, n, m, workers)
		}
		for i, r := range got {
			if r != i*i {
				t.Fatalf("Pipeline(ctx, in, %d, f) with f(x) = x*x sent %v for the values 0 to %d; want their squares, in order", workers, got, n-1)
			}
		}
		goroutinesLeft(base)
	}
}

func TestOutputInInputOrder(t *testing.T) {
	for _, workers := range []int{2, 3 + rand.IntN(3)} {
		base := runtime.NumGoroutine()
		n := 2 * (5 + rand.IntN(10))
		finished := make([]chan struct{}, n)
		for i := range finished {
			finished[i] = make(chan struct{})
		}
		// f(x) for an even x finishes only after f(x+1) has: every pair of
		// values is done in the wrong order, and the output must put it
		// right.
		f := func(x int) int {
			if x%2 == 0 {
				<-finished[x+1]
				for range 50 {
					runtime.Gosched() // let f(x+1)'s result go wherever it goes
				}
			}
			close(finished[x])
			return 10*x + 7
		}
		got := receive(pipeline.Pipeline(context.Background(), feed(upTo(n)...), workers, f), n)
		want := make([]int, n)
		for i := range want {
			want[i] = 10*i + 7
		}
		if !slices.Equal(got, want) {
			t.Fatalf("Pipeline(ctx, in, %d, f) with f(x) = 10x+7 on 0 to %d, where f(1) finishes before f(0), f(3) before f(2), and so on, sent\n%v\nwant, in the order of the input,\n%v", workers, n-1, got, want)
		}
		goroutinesLeft(base)
	}
}

func TestOutputClosedWhenInputEnds(t *testing.T) {
	base := settled()
	n := 10 + rand.IntN(20)
	values := make([]int, n)
	for i := range values {
		values[i] = rand.IntN(1000)
	}
	var got []int
	for r := range pipeline.Pipeline(context.Background(), feed(values...), 3, func(x int) int { return x + 1 }) {
		got = append(got, r)
	}
	want := make([]int, n)
	for i, v := range values {
		want[i] = v + 1
	}
	if !slices.Equal(got, want) {
		t.Fatalf("Pipeline(ctx, in, 3, f) with f(x) = x+1 on %v sent %v before its output was closed; want %v", values, got, want)
	}

	if _, ok := <-pipeline.Pipeline(context.Background(), feed(), 2, func(x int) int { return x }); ok {
		t.Fatalf("Pipeline(ctx, in, 2, f) with in empty and closed sent a value; want its output closed with nothing on it")
	}
	if left := goroutinesLeft(base); left > 0 {
		t.Fatalf("after two Pipelines had closed their output (their input was used up), %d goroutines were still running 1s later; want none left", left)
	}
}

// numbers sends 0, 1, 2, … on the returned channel until ctx is done, and
// closes done when it stops. It never closes the channel.
func numbers(ctx context.Context, done chan<- struct{}) <-chan int {
	in := make(chan int)
	go func() {
		defer close(done)
		for i := 0; ; i++ {
			select {
			case in <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	return in
}

func TestCancelClosesOutputPromptly(t *testing.T) {
	base := settled()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	fed := make(chan struct{})
	in := numbers(ctx, fed)
	// From 5 on, f is long work: its calls are still under way when ctx is
	// cancelled, and return only once the output is closed.
	release := make(chan struct{})
	var once sync.Once
	defer once.Do(func() { close(release) })
	long := make(chan struct{}, 100) // a token for every long call begun
	f := func(x int) int {
		if x >= 5 {
			long <- struct{}{}
			<-release
		}
		return 2 * x
	}
	out := pipeline.Pipeline(ctx, in, 3, f)
	if got := receive(out, 5); !slices.Equal(got, []int{0, 2, 4, 6, 8}) {
		t.Fatalf("Pipeline(ctx, in, 3, f) with f(x) = 2x on 0, 1, 2, … sent %v first; want [0 2 4 6 8]", got)
	}
	// Cancel only once a long call is under way (on a busy machine the
	// workers may not have begun one yet), and give the others a moment.
	select {
	case <-long:
		time.Sleep(20 * time.Millisecond)
	case <-time.After(time.Second):
	}

	cancel() // in is still open, and calls of f are under way
	if !closedWithin(out, 2*time.Second) {
		t.Fatalf("the output of Pipeline was still open 2s after ctx was cancelled (in was still open, and calls of f were under way): " +
			"on <-ctx.Done() Pipeline stops and closes its output, without waiting for more input or for the calls under way")
	}
	once.Do(func() { close(release) }) // the calls under way return now
	<-fed
	if left := goroutinesLeft(base); left > 0 {
		t.Fatalf("ctx was cancelled while 3 calls of f were under way, and they returned once the output was closed. 1s later, %d goroutines of Pipeline were still running; want none left: "+
			"whatever a goroutine sends after the cancellation must not wait for a receiver that has gone", left)
	}
}

func TestCancelWhileNotReading(t *testing.T) {
	base := settled()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	fed := make(chan struct{})
	in := numbers(ctx, fed)
	calls := make(chan int, 1000)
	f := func(x int) int {
		calls <- x
		return x
	}
	out := pipeline.Pipeline(ctx, in, 3, f)
	<-calls // a result is ready, and nobody reads the output
	// Wait (up to 1s) until Pipeline has stalled: no new call of f for
	// 20ms. Its results are ready, and it waits to send them.
	for deadline, still := time.Now().Add(time.Second), 0; still < 20 && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond)
		if len(calls) == 0 {
			still++
			continue
		}
		for len(calls) > 0 {
			<-calls
		}
		still = 0
	}

	cancel()
	<-fed
	if left := goroutinesLeft(base); left > 0 {
		t.Fatalf("a Pipeline whose output nobody read had computed some results; 1s after ctx was cancelled, %d of its goroutines were still running; want none left: "+
			"a send on the output (or any channel) waits for a receiver that may never come, unless it is in a select with <-ctx.Done()", left)
	}
	if !closedWithin(out, 2*time.Second) {
		t.Fatalf("the output of Pipeline was still open 2s after ctx was cancelled (while nobody read it): on <-ctx.Done() Pipeline stops and closes its output")
	}
}
