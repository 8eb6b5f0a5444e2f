package site

import (
	"math"
	"slices"
	"strings"

	"workbook/runner"
	"workbook/timeline"
)

// A TimelineEvent follows the trace event in an answer of /api/run: the
// run's timeline as timeline.SVG draws it, a standalone SVG document in the
// language of the request, so that the page shows the picture the terminal
// writes (workbook run --trace x.svg) without drawing it again. A run with
// no trace event (it did not compile, or was stopped at a limit or by the
// client) has no timeline event either.
//
// The picture is bounded (see fitTrace): a lesson's program of ten
// thousand goroutines would make one of megabytes that nobody could read.
type TimelineEvent struct {
	Kind string `json:"kind"` // "timeline"
	SVG  string `json:"svg"`
	// Goroutines is how many goroutines the run had; Lanes how many the
	// picture draws, the first to start (at most maxLanes).
	Goroutines int `json:"goroutines"`
	Lanes      int `json:"lanes"`
	// Until, when the picture stops before the run's end, End, is the
	// time it stops at (ms): the run waited more than maxWaits times.
	Until float64 `json:"until,omitempty"`
	End   float64 `json:"end"`
	// Dropped is the trace's count of operations it left out.
	Dropped int `json:"dropped,omitempty"`
}

// The bounds of the picture a run's Timeline tab shows.
const (
	maxLanes = 50   // goroutines: the first to start
	maxWaits = 1000 // blocked spans: the earliest
)

// withTimeline returns a runner's events callback that passes every event
// on to emit and, right after the trace event, emits the TimelineEvent
// drawn from it, with the program's files for the lines of the spans. The
// runner sends the trace just before the exit, after every race and
// deadlock event, so that by then the run has told all the picture marks.
func withTimeline(emit func(any), lang string, files []runner.File) func(runner.Event) {
	var races []runner.Race
	deadlock := false
	return func(e runner.Event) {
		emit(e)
		switch e.Kind {
		case runner.KindRace:
			if e.Race != nil {
				races = append(races, *e.Race)
			}
		case runner.KindDeadlock:
			deadlock = true
		case runner.KindTrace:
			opts := timeline.Options{Lang: lang, Source: map[string][]byte{}, Deadlock: deadlock, Races: races}
			for _, f := range files {
				if !f.Hidden {
					opts.Source[f.Name] = f.Src
				}
			}
			t, until := fitTrace(e.Trace, maxLanes, maxWaits)
			var b strings.Builder
			timeline.SVG(&b, t, opts) // a strings.Builder takes every write
			emit(TimelineEvent{Kind: "timeline", SVG: b.String(),
				Goroutines: len(e.Trace.Goroutines), Lanes: len(t.Goroutines),
				Until: until, End: e.Trace.End, Dropped: e.Trace.Dropped})
		}
	}
}

// fitTrace returns the part of t a picture draws: the first lanes
// goroutines to start, and the run up to the start of its waits+1st
// blocked span among theirs, the time it returns as until (0 when the
// picture goes to the end). At that time the picture ends: a goroutine
// still there has no end, and a span still waiting reaches the edge.
// t is left as it is.
func fitTrace(t *runner.Trace, lanes, waits int) (fit *runner.Trace, until float64) {
	kept := map[int]bool{}
	for i, g := range t.Goroutines { // in the order they started
		if i == lanes {
			break
		}
		kept[g.ID] = true
	}
	var starts []float64
	for _, s := range t.Spans {
		if kept[s.G] && s.Blocked {
			starts = append(starts, s.Start)
		}
	}
	cut := math.Inf(1)
	if len(starts) > waits {
		slices.Sort(starts)
		cut, until = starts[waits], starts[waits]
	}
	if len(kept) == len(t.Goroutines) && until == 0 {
		return t, 0
	}
	fit = &runner.Trace{Dropped: t.Dropped, End: math.Min(t.End, cut)}
	for _, g := range t.Goroutines {
		if !kept[g.ID] || g.Start >= cut {
			continue
		}
		if g.End > cut {
			g.End = -1
		}
		fit.Goroutines = append(fit.Goroutines, g)
	}
	index := map[int]int{} // t.Spans → fit.Spans
	for i, s := range t.Spans {
		if !kept[s.G] || s.Start >= cut {
			continue
		}
		if s.End > cut {
			s.End = cut
		}
		index[i] = len(fit.Spans)
		fit.Spans = append(fit.Spans, s)
	}
	for _, r := range t.Races {
		if r.At <= cut {
			fit.Races = append(fit.Races, r)
		}
	}
	for _, p := range t.Processes {
		if p.Trace.Start() < cut {
			pt, _ := fitTrace(p.Trace, lanes, waits)
			p.Trace = pt
			fit.Processes = append(fit.Processes, p)
		}
	}
	for _, h := range t.HandOffs {
		from, ok1 := index[h.FromSpan]
		to, ok2 := index[h.ToSpan]
		if ok1 && ok2 && h.At <= cut {
			h.FromSpan, h.ToSpan = from, to
			fit.HandOffs = append(fit.HandOffs, h)
		}
	}
	return fit, until
}
