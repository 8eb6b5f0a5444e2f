package merge_test

import (
	"context"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"
	"time"

	"merge"
)

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

// sources returns k inputs, each sending its own values from a goroutine
// of its own and then closing: input i sends 1000i+1, 1000i+2, … (the
// first input sends nothing at all). It also returns every value sent.
func sources(k int) ([]<-chan int, []int) {
	var ins []<-chan int
	var all []int
	for i := range k {
		n := 0
		if i > 0 {
			n = 1 + rand.IntN(40)
		}
		values := make([]int, n)
		for j := range values {
			values[j] = 1000*i + j + 1
		}
		all = append(all, values...)
		in := make(chan int)
		go func() {
			defer close(in)
			for _, v := range values {
				in <- v
			}
		}()
		ins = append(ins, in)
	}
	return ins, all
}

// diff returns the values of want that got lacks, and those that got has
// more often than want, in increasing order.
func diff(got, want []int) (missing, extra []int) {
	count := make(map[int]int)
	for _, v := range want {
		count[v]++
	}
	for _, v := range got {
		count[v]--
	}
	for v, c := range count {
		for ; c > 0; c-- {
			missing = append(missing, v)
		}
		for ; c < 0; c++ {
			extra = append(extra, v)
		}
	}
	slices.Sort(missing)
	slices.Sort(extra)
	return missing, extra
}

func TestOutputStaysOpenWhileAnInputIsOpen(t *testing.T) {
	base := runtime.NumGoroutine()
	done, open := make(chan int, 3), make(chan int)
	for v := range 3 {
		done <- v
	}
	close(done)
	out := merge.Merge(context.Background(), done, open)
	var got []int
	for range 3 {
		v, ok := <-out
		if !ok {
			t.Fatalf("Merge closed its output after %v, while its second input was still open and its first had more to send", got)
		}
		got = append(got, v)
	}
	// The first input is closed and used up; the second is still open.
	select {
	case v, ok := <-out:
		if !ok {
			t.Fatalf("Merge closed its output once its first input was closed and used up, while its second input was still open; want the output open until every input is closed")
		}
		t.Fatalf("Merge sent %d, which no input sent", v)
	case <-time.After(100 * time.Millisecond):
	}
	open <- 42
	if v, ok := <-out; !ok || v != 42 {
		t.Fatalf("sent 42 on the second input of Merge (still open after the first had closed); received %d (ok=%v) from its output; want 42", v, ok)
	}
	close(open)
	if _, ok := <-out; ok {
		t.Fatalf("both inputs of Merge were closed and every value received, but it sent one more; want its output closed")
	}
	goroutinesLeft(base)
}

func TestEveryValueExactlyOnce(t *testing.T) {
	base := runtime.NumGoroutine()
	k := 3 + rand.IntN(3)
	ins, want := sources(k)
	var got []int
	for v := range merge.Merge(context.Background(), ins...) {
		got = append(got, v)
	}
	if missing, extra := diff(got, want); len(missing)+len(extra) > 0 {
		t.Fatalf("Merge of %d inputs sent %d values before its output was closed; want every one of the %d values they sent, exactly once. Missing: %v; sent too often, or never sent: %v",
			k, len(got), len(want), missing, extra)
	}
	if _, ok := <-merge.Merge(context.Background()); ok {
		t.Fatalf("Merge of no inputs at all sent a value; want its output closed with nothing on it")
	}
	goroutinesLeft(base)
}

func TestEachInputKeepsItsOrder(t *testing.T) {
	base := runtime.NumGoroutine()
	k := 3 + rand.IntN(3)
	ins, _ := sources(k)
	last := make(map[int]int) // input -> last value seen from it
	for v := range merge.Merge(context.Background(), ins...) {
		i := v / 1000
		if v <= last[i] {
			t.Fatalf("Merge sent %d after %d, but input %d sent them the other way round: the values of one input keep their order", v, last[i], i)
		}
		last[i] = v
	}
	goroutinesLeft(base)
}

func TestIdleInputDoesNotBlockOthers(t *testing.T) {
	base := runtime.NumGoroutine()
	idle, busy1, busy2 := make(chan int), make(chan int), make(chan int)
	out := merge.Merge(context.Background(), idle, busy1, busy2)
	// The first input sends nothing until the end. The others must go
	// through meanwhile: if this test never ends, Merge waits for the first
	// input while the others wait for Merge.
	for i := range 10 {
		busy := busy1
		if i%2 == 1 {
			busy = busy2
		}
		busy <- i
		if got := <-out; got != i {
			t.Fatalf("sent %d on an input of Merge, and received %d from its output; want %d", i, got, i)
		}
	}
	close(busy1)
	close(busy2)
	idle <- 99
	if got := <-out; got != 99 {
		t.Fatalf("sent 99 on the first input of Merge, and received %d from its output; want 99", got)
	}
	close(idle)
	if _, ok := <-out; ok {
		t.Fatalf("all three inputs of Merge were closed and every value received, but it sent one more; want its output closed")
	}
	goroutinesLeft(base)
}

func TestCancelClosesOutput(t *testing.T) {
	base := settled()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	idle1, idle2, busy := make(chan int), make(chan int), make(chan int)
	out := merge.Merge(ctx, idle1, idle2, busy)
	busy <- 7
	if got := <-out; got != 7 {
		t.Fatalf("sent 7 on an input of Merge, and received %d from its output; want 7", got)
	}

	cancel() // no input is closed, and none sends anything
	if !closedWithin(out, 2*time.Second) {
		t.Fatalf("the output of Merge was still open 2s after ctx was cancelled (its inputs were open, and idle): on <-ctx.Done() every goroutine of Merge stops, and the output is closed")
	}
	if left := goroutinesLeft(base); left > 0 {
		t.Fatalf("%d goroutines of Merge were still running 1s after ctx was cancelled and the output closed (its inputs were open, and idle); want none left: "+
			"a goroutine that waits to receive from an input waits forever unless it also waits for <-ctx.Done()", left)
	}
}

func TestCancelWhileNotReading(t *testing.T) {
	base := settled()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var ins []<-chan int
	for i := range 3 {
		in := make(chan int, 5)
		for j := range 5 {
			in <- 10*i + j
		}
		ins = append(ins, in) // values waiting, and never closed
	}
	out := merge.Merge(ctx, ins...)
	// Wait (up to 2s) until Merge has taken a value from every input: it
	// holds them, and nobody reads the output.
	for deadline := time.Now().Add(2 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		taken := 0
		for _, in := range ins {
			if len(in) < 5 {
				taken++
			}
		}
		if taken == len(ins) {
			break
		}
	}

	cancel() // nobody has read, or will read, the output
	if left := goroutinesLeft(base); left > 0 {
		t.Fatalf("Merge had inputs with values waiting and nobody reading its output; 1s after ctx was cancelled, %d of its goroutines were still running; want none left: "+
			"a send on the output waits for a receiver that may never come, unless it is in a select with <-ctx.Done()", left)
	}
	if !closedWithin(out, 2*time.Second) {
		t.Fatalf("the output of Merge was still open 2s after ctx was cancelled (while nobody read it): on <-ctx.Done() Merge closes its output")
	}
}
