package wordcount_test

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"wordcount"
)

// patience is how long a split call waits for the others to join it
// before the test decides that they are not coming. Splitting a text
// takes microseconds.
const patience = 2 * time.Second

var vocabulary = []string{"tea", "rice", "soap", "till", "shelf", "owner", "price", "cat", "door", "key", "box", "coin"}

// randomTexts returns n texts of random words, made up at run time.
func randomTexts(n int) []string {
	texts := make([]string, n)
	for i := range texts {
		words := make([]string, 3+rand.IntN(25))
		for j := range words {
			words[j] = vocabulary[rand.IntN(len(vocabulary))]
		}
		texts[i] = strings.Join(words, " ")
	}
	return texts
}

// countAlone counts the words of texts in one goroutine: the answer.
func countAlone(texts []string, split func(string) []string) map[string]int {
	counts := make(map[string]int)
	for _, t := range texts {
		for _, w := range split(t) {
			counts[w]++
		}
	}
	return counts
}

// diff describes the first difference between got and want, for a message.
func diff(got, want map[string]int) string {
	for w, n := range want {
		if got[w] != n {
			return fmt.Sprintf("%q counted %d times; want %d", w, got[w], n)
		}
	}
	for w, n := range got {
		if _, ok := want[w]; !ok {
			return fmt.Sprintf("%q counted %d times, but it is no word of the texts", w, n)
		}
	}
	return ""
}

// A probe is a split function that watches how many of its calls run at
// the same time. Each call waits, at the gate, until target calls are in
// flight together (or patience runs out), so that a Count that runs fewer
// workers than it should cannot reach target, and one that runs more
// cannot help but go past it.
type probe struct {
	mu       sync.Mutex
	target   int // calls that must be in flight together to open the gate
	inFlight int
	most     int // the most calls ever in flight together
	calls    int
	opened   bool
	timedOut bool          // the gate opened because patience ran out
	gate     chan struct{} // closed when the gate opens
}

func newProbe(target int) *probe {
	return &probe{target: target, gate: make(chan struct{})}
}

func (p *probe) open() { // with p.mu held
	if !p.opened {
		p.opened = true
		close(p.gate)
	}
}

func (p *probe) split(text string) []string {
	p.mu.Lock()
	p.calls++
	p.inFlight++
	p.most = max(p.most, p.inFlight)
	if p.inFlight >= p.target {
		p.open()
	}
	p.mu.Unlock()

	timer := time.NewTimer(patience)
	select {
	case <-p.gate:
	case <-timer.C:
		p.mu.Lock()
		if !p.opened {
			p.timedOut = true
		}
		p.open() // the others are not coming: let everyone go
		p.mu.Unlock()
	}
	timer.Stop()
	for range 10 {
		runtime.Gosched() // splitting takes a while: others may arrive meanwhile
	}
	words := strings.Fields(text)

	p.mu.Lock()
	p.inFlight--
	p.mu.Unlock()
	return words
}

func TestCountWithOneWorker(t *testing.T) {
	texts := []string{"the cat and the box", "a box", "", "the   cat"}
	want := map[string]int{"the": 3, "cat": 2, "and": 1, "box": 2, "a": 1}
	if got := wordcount.Count(texts, 1, strings.Fields); !maps.Equal(got, want) {
		t.Fatalf("Count(%q, 1, strings.Fields) = %v; want %v", texts, got, want)
	}
	for _, n := range []int{0, 1, 3 + rand.IntN(10)} {
		texts := randomTexts(n)
		want := countAlone(texts, strings.Fields)
		if got := wordcount.Count(texts, 1, strings.Fields); !maps.Equal(got, want) {
			t.Fatalf("Count of %d random texts with 1 worker: %s", n, diff(got, want))
		}
	}
}

func TestCountWithManyWorkers(t *testing.T) {
	for _, workers := range []int{2, 3, 4, 7} {
		for _, n := range []int{0, 1, 5, 20 + rand.IntN(20)} {
			texts := randomTexts(n)
			want := countAlone(texts, strings.Fields)
			if got := wordcount.Count(texts, workers, strings.Fields); !maps.Equal(got, want) {
				t.Fatalf("Count of %d random texts with %d workers: %s", n, workers, diff(got, want))
			}
		}
	}
}

func TestWorkersSplitAtTheSameTime(t *testing.T) {
	for _, c := range []struct{ workers, texts int }{{2, 10}, {4, 9 + rand.IntN(8)}, {3, 2}} {
		target := min(c.workers, c.texts)
		p := newProbe(target)
		texts := randomTexts(c.texts)
		got := wordcount.Count(texts, c.workers, p.split)
		if p.most < target {
			t.Fatalf("Count of %d texts with %d workers: at most %d calls of split ran at the same time; want %d: "+
				"each of the %d workers should be splitting a text of its own at once (split, the slow part, must not wait for the other workers)",
				c.texts, c.workers, p.most, target, target)
		}
		if d := diff(got, countAlone(texts, strings.Fields)); d != "" {
			t.Fatalf("Count of %d texts with %d workers: %s", c.texts, c.workers, d)
		}
	}
}

func TestNoMoreThanWorkersAtOnce(t *testing.T) {
	for _, c := range []struct{ workers, texts int }{{2, 12}, {3, 20 + rand.IntN(10)}, {5, 25}} {
		p := newProbe(c.workers)
		texts := randomTexts(c.texts)
		got := wordcount.Count(texts, c.workers, p.split)
		if p.timedOut {
			// Fewer than workers ran at once: TestWorkersSplitAtTheSameTime
			// says so. Do not wait for them again.
			return
		}
		if p.most > c.workers {
			t.Fatalf("Count of %d texts with %d workers: %d calls of split ran at the same time; want at most %d: start %d goroutines, not one per text",
				c.texts, c.workers, p.most, c.workers, c.workers)
		}
		if p.calls != c.texts {
			t.Fatalf("Count of %d texts called split %d times; want once per text, %d times", c.texts, p.calls, c.texts)
		}
		if d := diff(got, countAlone(texts, strings.Fields)); d != "" {
			t.Fatalf("Count of %d texts with %d workers: %s", c.texts, c.workers, d)
		}
	}
}

func TestCountUsesSplit(t *testing.T) {
	// Here a word is whatever lies between two '|': "ice cream" is one word.
	split := func(text string) []string {
		var words []string
		for _, w := range strings.Split(text, "|") {
			if w != "" {
				words = append(words, w)
			}
		}
		return words
	}
	items := []string{"ice cream", "green tea", "rice", "soap bar"}
	texts := make([]string, 8+rand.IntN(8))
	for i := range texts {
		var words []string
		for range 1 + rand.IntN(6) {
			words = append(words, items[rand.IntN(len(items))])
		}
		texts[i] = strings.Join(words, "|")
	}
	want := countAlone(texts, split)
	if got := wordcount.Count(texts, 3, split); !maps.Equal(got, want) {
		t.Fatalf("Count(texts, 3, split), where split cuts %q into %q: %s. Count must find the words with the split it is given",
			texts[0], split(texts[0]), diff(got, want))
	}
}
