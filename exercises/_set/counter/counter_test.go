package counter_test

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"counter"
)

func TestZeroValueCounts(t *testing.T) {
	var c counter.Counter
	if v := c.Value(); v != 0 {
		t.Fatalf("Value() of a new Counter (its zero value, var c counter.Counter) = %d; want 0", v)
	}
	n := 5 + rand.IntN(50)
	for range n {
		c.Inc()
	}
	if v := c.Value(); v != n {
		t.Fatalf("Value() = %d after %d calls to Inc, all from one goroutine; want %d", v, n, n)
	}
}

func TestIncFromManyGoroutines(t *testing.T) {
	// Each goroutine calls Inc for a while (at least spell, and at least a
	// few hundred times), and counts its own calls. An increment lost
	// without a data race shows only when goroutines happen to interleave in
	// the wrong place: it is time, not the number of calls, that gives the
	// scheduler its chances.
	const spell = 80 * time.Millisecond
	goroutines := 8 + rand.IntN(8)
	var c counter.Counter
	calls := make([]int, goroutines) // calls[g] is written by goroutine g only
	start := make(chan struct{})
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			<-start
			t0 := time.Now()
			for calls[g] < 200 || time.Since(t0) < spell {
				c.Inc()
				calls[g]++
			}
		})
	}
	close(start) // release every goroutine at once
	wg.Wait()
	want := 0
	for _, n := range calls {
		want += n
	}
	if v := c.Value(); v != want {
		t.Fatalf("Value() = %d after %d goroutines called Inc %d times in all; want %d (%d increments were lost)",
			v, goroutines, want, want, want-v)
	}
}

func TestValueWhileIncrementing(t *testing.T) {
	const incrementers, readers = 8, 2
	per := 100 + rand.IntN(200)
	total := incrementers * per
	var c counter.Counter
	start := make(chan struct{})
	problems := make(chan string, readers)
	var wg sync.WaitGroup
	for range incrementers {
		wg.Go(func() {
			<-start
			for range per {
				c.Inc()
			}
		})
	}
	for r := range readers {
		wg.Go(func() {
			<-start
			last := 0
			for range per {
				v := c.Value()
				if v < last || v > total {
					problems <- fmt.Sprintf("reader %d called Value() while %d goroutines called Inc %d times each: it returned %d after it had returned %d; want a count that never goes down and never exceeds %d",
						r, incrementers, per, v, last, total)
					return
				}
				last = v
			}
		})
	}
	close(start) // release every goroutine at once
	wg.Wait()
	close(problems)
	for p := range problems {
		t.Error(p)
	}
	if v := c.Value(); v != total {
		t.Errorf("Value() = %d after %d goroutines called Inc %d times each, while %d others called Value; want %d",
			v, incrementers, per, readers, total)
	}
}
