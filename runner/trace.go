package runner

import (
	"fmt"
	"sort"

	"workbook/internal/wire"
)

// A Trace is the timeline of a run (Options.Trace): every goroutine of the
// program, and every operation that may block one — channel sends and
// receives, select, range over a channel, Mutex and RWMutex, WaitGroup and
// Cond waits, time.Sleep, workbook/proc's waits — with the line, and when
// it began and returned. Times are milliseconds since main began.
//
// Goroutines have the numbers panic and deadlock reports give them (main
// is 1). A span whose End is -1 was still waiting when the program ended:
// in a deadlock, that is where each goroutine is stuck.
type Trace struct {
	Goroutines []TraceGoroutine `json:"goroutines"`
	Spans      []TraceSpan      `json:"spans"`
	// HandOffs are the moments one goroutine let a waiting one go on: a
	// send that a blocked receiver took (and the other way round), an
	// Unlock that let a blocked Lock through.
	HandOffs []HandOff `json:"handOffs,omitempty"`
	// Dropped counts the operations left out: a trace keeps at most
	// 5,000.
	Dropped int `json:"dropped,omitempty"`
	// End is when the program ended.
	End float64 `json:"end"`
	// Races are the data races the race detector reported (with --race),
	// each at the moment it began its report: just after the second of
	// the two accesses.
	Races []TraceRace `json:"races,omitempty"`
	// Processes are the processes the program started with workbook/proc
	// that ended by themselves, each with its own timeline, in the same
	// clock (milliseconds since the first process's main began). Their
	// goroutines are numbered in their own process: each has a main.
	Processes []TraceProcess `json:"processes,omitempty"`
}

// A TraceProcess is one process of a run and its timeline.
type TraceProcess struct {
	Pid int `json:"pid"`
	// Target is the function it runs, as proc.New named it.
	Target string `json:"target"`
	Trace  *Trace `json:"trace"`
}

// Start is when the first goroutine of t began.
func (t *Trace) Start() float64 {
	if len(t.Goroutines) == 0 {
		return t.End
	}
	return t.Goroutines[0].Start
}

// shift moves every time of t by ms.
func (t *Trace) shift(ms float64) {
	at := func(v *float64) {
		if *v >= 0 {
			*v += ms
		}
	}
	at(&t.End)
	for i := range t.Goroutines {
		at(&t.Goroutines[i].Spawned)
		at(&t.Goroutines[i].Start)
		at(&t.Goroutines[i].End)
	}
	for i := range t.Spans {
		at(&t.Spans[i].Start)
		at(&t.Spans[i].End)
	}
	for i := range t.HandOffs {
		at(&t.HandOffs[i].Woken)
		at(&t.HandOffs[i].At)
	}
	for i := range t.Races {
		at(&t.Races[i].At)
	}
}

// A TraceRace is a data race in time: the race detector reported one on
// Variable at At, between the two Goroutines (the later access's first;
// none when the race detector could not say which).
type TraceRace struct {
	At         float64 `json:"at"`
	Variable   string  `json:"variable,omitempty"`
	Goroutines []int   `json:"goroutines,omitempty"`
}

// A TraceGoroutine is one goroutine of the program.
type TraceGoroutine struct {
	ID int `json:"id"`
	// Parent is the goroutine that started it (0 for main).
	Parent int `json:"parent,omitempty"`
	// Func is the function it runs, as tracebacks name it, when it got as
	// far as an operation that may block.
	Func string `json:"func,omitempty"`
	// Created is the go statement that started it.
	Created *Frame `json:"created,omitempty"`
	// Spawned is when the go statement ran, and Start when the goroutine
	// first ran: in between, it was ready to run, waiting for a thread.
	Spawned float64 `json:"spawned"`
	Start   float64 `json:"start"`
	// End is -1 for a goroutine still there when the program ended.
	End float64 `json:"end"`
}

// A TraceSpan is one operation that may block, by goroutine G.
type TraceSpan struct {
	G int `json:"g"`
	// Op is what it does: send, receive, range, select, lock, rlock,
	// unlock, runlock, wait (WaitGroup), cond, sleep, proc.
	Op string `json:"op"`
	// What is the channel, mutex or group as the program writes it
	// ("results", "s.mu"), or the call for sleep and proc.
	What string `json:"what,omitempty"`
	// Made is the line that declared the variable What names.
	Made  int     `json:"made,omitempty"`
	File  string  `json:"file,omitempty"`
	Line  int     `json:"line,omitempty"`
	Start float64 `json:"start"`
	// End is -1 when the operation had not returned when the program
	// ended.
	End float64 `json:"end"`
	// Blocked says the goroutine waited: the operation took 50µs or more,
	// or never returned. The others went through at once.
	Blocked bool `json:"blocked,omitempty"`
	// Chan tells the channel of a send or receive apart from others of
	// the run (0: not known, the channel was not a variable).
	Chan uint64 `json:"chan,omitempty"`
}

// A HandOff is goroutine From letting goroutine To go on: From's span
// FromSpan (a send, a receive, an unlock) ended To's blocked span ToSpan
// (indexes into Spans). Woken is when From's operation returned, having
// made To ready to run, and At when To's returned: in between, To was
// ready to run, waiting for a thread (Woken is At when From's operation
// returned after To's).
type HandOff struct {
	From     int     `json:"from"`
	To       int     `json:"to"`
	Woken    float64 `json:"woken"`
	At       float64 `json:"at"`
	FromSpan int     `json:"fromSpan"`
	ToSpan   int     `json:"toSpan"`
}

// blockedAfter is how long an operation must take to count as having
// blocked: a channel operation or a lock that goes through at once takes a
// few microseconds in the interpreter.
const blockedAfter = 0.05 // ms

func ms(ns int64) float64 {
	if ns < 0 {
		return -1
	}
	return float64(ns) / 1e6
}

func traceOf(t *wire.Trace) *Trace {
	out := &Trace{Dropped: t.Dropped, End: ms(t.End)}
	for _, g := range t.Goroutines {
		tg := TraceGoroutine{ID: g.ID, Parent: g.Parent, Func: g.Func, Spawned: ms(g.Spawned), Start: ms(g.Start), End: ms(g.End)}
		if g.Created != nil {
			tg.Created = &frames([]wire.Frame{*g.Created})[0]
		}
		out.Goroutines = append(out.Goroutines, tg)
	}
	// In the order the go statements ran them: the order the program
	// asked for, not the one the scheduler chose.
	sort.SliceStable(out.Goroutines, func(i, j int) bool { return out.Goroutines[i].Spawned < out.Goroutines[j].Spawned })
	for _, op := range t.Ops {
		s := TraceSpan{G: op.G, Op: op.Op, What: op.What, Made: op.Made, File: op.File, Line: op.Line,
			Start: ms(op.Start), End: ms(op.End), Chan: op.Chan}
		s.Blocked = s.End < 0 || s.End-s.Start >= blockedAfter
		out.Spans = append(out.Spans, s)
	}
	out.HandOffs = handOffs(out.Spans)
	for _, r := range t.Races {
		out.Races = append(out.Races, TraceRace{At: ms(r.At), Variable: r.Variable, Goroutines: r.Goroutines})
	}
	return out
}

// handOffs pairs each blocked span with the operation of another goroutine
// that let it go on: for a receive, the send on the same channel (and for
// a send, the receive); for a Lock, the Unlock of the same mutex. The
// runtime does not say who woke whom, so the pairing is by channel (or
// mutex) and time: the partner began after the blocked span did (it found
// the goroutine waiting), and returned while it waited; of several, the
// first. Each operation takes part in one hand-off at most, and one that
// found its partner waiting did not block, however long the scheduler took
// to let it return: its Blocked is cleared.
func handOffs(spans []TraceSpan) []HandOff {
	partner := map[string][]string{
		"receive": {"send"}, "range": {"send"},
		"send": {"receive", "range"},
		"lock": {"unlock"}, "rlock": {"unlock"},
	}
	// The candidates for a span are the operations of the kinds that pair
	// with it, on the same channel or mutex: indexed by both, each list
	// in the order the operations began, a program of ten thousand
	// goroutines waiting on one channel is paired in linear time.
	type key struct {
		op, on string
	}
	on := func(s TraceSpan) string {
		switch s.Op {
		case "lock", "rlock", "unlock":
			return fmt.Sprintf("m %s %d", s.What, s.Made)
		}
		if s.Chan == 0 {
			return ""
		}
		return fmt.Sprintf("c %d", s.Chan)
	}
	byKey := map[key][]int{}
	order := make([]int, len(spans))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return spans[order[a]].Start < spans[order[b]].Start })
	for _, i := range order {
		if o := on(spans[i]); o != "" {
			k := key{spans[i].Op, o}
			byKey[k] = append(byKey[k], i)
		}
	}
	used := map[int]bool{}
	var out []HandOff
	for _, i := range order {
		s := spans[i]
		kinds := partner[s.Op]
		o := on(s)
		if used[i] || !s.Blocked || s.End < 0 || kinds == nil || o == "" {
			continue
		}
		best := -1
		for _, kind := range kinds {
			cands := byKey[key{kind, o}]
			first := sort.Search(len(cands), func(n int) bool { return spans[cands[n]].Start >= s.Start })
			for _, j := range cands[first:] {
				c := spans[j]
				if c.Start > s.End {
					break
				}
				if used[j] || c.G == s.G {
					continue
				}
				if best < 0 || c.Start < spans[best].Start {
					best = j
				}
				break
			}
		}
		if best >= 0 {
			used[i], used[best] = true, true
			spans[best].Blocked = false
			woken := max(s.Start, min(spans[best].End, s.End))
			out = append(out, HandOff{From: spans[best].G, To: s.G, Woken: woken, At: s.End, FromSpan: best, ToSpan: i})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].At < out[j].At })
	return out
}
