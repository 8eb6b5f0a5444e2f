package exercises

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"workbook/runner"
)

// TestBuiltinSet checks the workbook's own exercises as workbook check
// --dev does: their metadata and READMEs, gofmt, and that every starter
// and wrong solution fails and every reference solution passes — the
// wrong ones in the built-in engine, the others in both.
func TestBuiltinSet(t *testing.T) {
	set, err := Load(Builtin)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(set.Exercises()); n < 15 {
		t.Errorf("the set has %d exercises; want at least 15", n)
	}
	topics := map[string]int{}
	contracted := map[string]bool{}
	for _, e := range set.Exercises() {
		topics[e.Topic]++
		if e.Points == 20 {
			contracted[e.Name] = true
		}
	}
	for topic, least := range map[string]int{"races": 5, "ipc": 4, "event-loops": 4, "deadlocks": 2} {
		if topics[topic] < least {
			t.Errorf("%d exercises on %s; want at least %d", topics[topic], topic, least)
		}
	}
	for _, name := range []string{"counter", "bank", "cache", "pipeline", "loop", "gather"} {
		if !contracted[name] {
			t.Errorf("%s, an exercise with a fixed contract, is missing or not worth 20 points", name)
		}
	}
	pool := runner.NewPool(1)
	defer pool.Close()
	mod, err := ModuleFiles(os.DirFS(".."))
	if err != nil {
		t.Fatal(err)
	}
	sem := make(chan struct{}, 2)
	var wg sync.WaitGroup
	for _, e := range set.Exercises() {
		for _, g := range []*Grader{{Pool: pool}, {Engine: "go", GoModule: mod}} {
			if g.Engine == "go" && testing.Short() {
				continue
			}
			wg.Go(func() {
				sem <- struct{}{}
				defer func() { <-sem }()
				problems, err := g.Verify(t.Context(), e, g.Engine == "")
				if err != nil {
					t.Errorf("%s: %v", e.Name, err)
				}
				for _, p := range problems {
					t.Errorf("%s: %s", e.Name, p)
				}
			})
		}
	}
	wg.Wait()
}

var (
	determinism = flag.Int("determinism", 0, "grade every wrong solution of the built-in set this many times, and print how often it was caught")
	only        = flag.String("only", "", "with -determinism, measure only this exercise")
)

// TestDeterminism measures how reliably the hidden tests catch each wrong
// solution: each is graded N times as its exercise asks (count), and N
// times with every test run once. The README's figures come from here:
//
//	go test ./exercises -run TestDeterminism -args -determinism 10 [-only NAME]
func TestDeterminism(t *testing.T) {
	n := *determinism
	if n == 0 {
		t.Skip("measures only with -determinism N")
	}
	set, err := Load(Builtin)
	if err != nil {
		t.Fatal(err)
	}
	pool := runner.NewPool(1)
	defer pool.Close()
	g := &Grader{Pool: pool}
	var report strings.Builder
	fmt.Fprintf(&report, "%-14s %-22s %6s %9s %9s\n", "exercise", "wrong solution", "count", "caught", "count=1")
	for _, e := range set.Exercises() {
		if *only != "" && e.Name != *only {
			continue
		}
		wrongs, err := e.Wrongs()
		if err != nil {
			t.Fatal(err)
		}
		starter, _ := e.Starters()
		variants := []Wrong{{Name: "(starter)", Src: starter[e.Files[0]]}}
		variants = append(variants, wrongs...)
		once := *e
		once.Count = 1
		for _, w := range variants {
			caught, caughtOnce := 0, 0
			for range n {
				for _, ex := range []*Exercise{e, &once} {
					r, err := g.Grade(t.Context(), ex, Files{e.Files[0]: w.Src})
					if err != nil {
						t.Fatal(err)
					}
					ok := r.Status != Pass
					for _, name := range w.Fails {
						i := slices.IndexFunc(r.Tests, func(tr TestResult) bool { return tr.Name == name })
						ok = ok && i >= 0 && r.Tests[i].Status != Pass
					}
					if ok && ex == e {
						caught++
					}
					if ok && ex == &once {
						caughtOnce++
					}
				}
			}
			fmt.Fprintf(&report, "%-14s %-22s %6d %6d/%-2d %6d/%-2d\n", e.Name, strings.TrimSuffix(w.Name, ".go"), e.Count, caught, n, caughtOnce, n)
			if caught < n {
				t.Errorf("%s: %s was caught %d times of %d", e.Name, w.Name, caught, n)
			}
		}
	}
	t.Logf("\n%s", report.String())
}
