package interleave_test

import (
	"fmt"
	"iter"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"
	"time"

	"interleave"
)

// source is a sequence that keeps count of what was taken from it.
type source struct {
	name     string
	vals     []int
	started  bool // its loop began
	pulled   int  // values it has yielded
	returned bool // its function has returned
}

func newSource(name string, n int) *source {
	s := &source{name: name}
	for range n {
		s.vals = append(s.vals, rand.IntN(1000))
	}
	return s
}

func (s *source) seq() iter.Seq[int] {
	return func(yield func(int) bool) {
		s.started = true
		defer func() { s.returned = true }()
		for _, v := range s.vals {
			s.pulled++
			if !yield(v) {
				return // stopped: the consumer wants no more
			}
		}
	}
}

// model is what Interleave yields for a and b, each value tagged with the
// sequence it comes from.
func model(a, b []int) ([]int, []string) {
	var vals []int
	var from []string
	for i := range max(len(a), len(b)) {
		if i < len(a) {
			vals = append(vals, a[i])
			from = append(from, "a")
		}
		if i < len(b) {
			vals = append(vals, b[i])
			from = append(from, "b")
		}
	}
	return vals, from
}

// take ranges over seq and breaks after k values (k < 0: takes them all).
func take(seq iter.Seq[int], k int) []int {
	var got []int
	for v := range seq {
		got = append(got, v)
		if len(got) == k {
			break
		}
	}
	return got
}

func describe(a, b *source) string {
	return fmt.Sprintf("Interleave(a, b) with a = %v and b = %v", a.vals, b.vals)
}

func TestInterleaveTakesTurns(t *testing.T) {
	for _, n := range []int{1, 2, 3 + rand.IntN(8)} {
		a, b := newSource("a", n), newSource("b", n)
		want, _ := model(a.vals, b.vals)
		got := take(interleave.Interleave(a.seq(), b.seq()), -1)
		if !slices.Equal(got, want) {
			t.Fatalf("%s yielded %v; want %v: a1, b1, a2, b2, …", describe(a, b), got, want)
		}
	}
}

func TestInterleaveYieldsRestOfLonger(t *testing.T) {
	long := 4 + rand.IntN(5)
	for _, lens := range [][2]int{{0, 0}, {0, long}, {long, 0}, {1, long}, {long, 1}, {2, long + 2}, {long + 2, 2}} {
		a, b := newSource("a", lens[0]), newSource("b", lens[1])
		want, _ := model(a.vals, b.vals)
		got := take(interleave.Interleave(a.seq(), b.seq()), -1)
		if !slices.Equal(got, want) {
			t.Fatalf("%s yielded %v; want %v: take turns while both have values, then the rest of the longer one", describe(a, b), got, want)
		}
	}
}

func TestInterleaveIsLazy(t *testing.T) {
	long := 20 + rand.IntN(20)
	for _, lens := range [][2]int{{long, long}, {long, long + 5}, {2, long}, {long, 3}} {
		vals, from := model(make([]int, lens[0]), make([]int, lens[1]))
		for _, k := range []int{1, 2, 3, 4 + rand.IntN(4), 8 + rand.IntN(len(vals)-8)} {
			a, b := newSource("a", lens[0]), newSource("b", lens[1])
			got := take(interleave.Interleave(a.seq(), b.seq()), k)
			want, _ := model(a.vals, b.vals)
			if !slices.Equal(got, want[:k]) {
				t.Fatalf("the consumer broke out of its loop over Interleave(a, b), with a of %d values and b of %d, after %d values: it got %v; want %v", lens[0], lens[1], k, got, want[:k])
			}
			wantA, wantB := 0, 0
			for _, f := range from[:k] {
				if f == "a" {
					wantA++
				} else {
					wantB++
				}
			}
			if a.pulled != wantA || b.pulled != wantB {
				t.Fatalf("the consumer took %v from Interleave(a, b), with a of %d values and b of %d, then stopped: Interleave had pulled %d values from a and %d from b; "+
					"want %d and %d, only the ones it yielded. Pull a value only when you are about to yield it",
					got, lens[0], lens[1], a.pulled, b.pulled, wantA, wantB)
			}
		}
	}
}

func TestInterleaveStopsSourcesWhenConsumerStops(t *testing.T) {
	long := 10 + rand.IntN(10)
	for _, lens := range [][2]int{{long, long}, {2, long}, {long, 2}} {
		for _, k := range []int{1, 2, 3, 5 + rand.IntN(5)} {
			a, b := newSource("a", lens[0]), newSource("b", lens[1])
			got := take(interleave.Interleave(a.seq(), b.seq()), k)
			// By the time the consumer's for loop is over, Interleave has
			// returned; every source it started must have returned too.
			for _, s := range []*source{a, b} {
				if s.started && !s.returned {
					t.Fatalf("the consumer took %v from Interleave(a, b), with a of %d values and b of %d, then broke out of its loop: "+
						"%s's loop was still paused in yield, after handing out %d of its %d values; want it stopped, its yield returning false. "+
						"Call the stop function iter.Pull gave you (defer it)", got, lens[0], lens[1], s.name, s.pulled, len(s.vals))
				}
			}
		}
	}
}

func TestInterleaveLeavesNoGoroutineBehind(t *testing.T) {
	before := runtime.NumGoroutine()
	for i := range 10 {
		a, b := newSource("a", 5+rand.IntN(10)), newSource("b", 5+rand.IntN(10))
		take(interleave.Interleave(a.seq(), b.seq()), []int{-1, 1, 2, 3, 4}[i%5])
	}
	deadline := time.Now().Add(time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Fatalf("ranged over Interleave(a, b) 10 times, 8 of them breaking out early: a second later %d more goroutines were running than before; want none. "+
			"Each iter.Pull that has started runs its sequence on a goroutine until the sequence ends or you call stop", n-before)
	}
}
