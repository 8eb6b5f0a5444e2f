package site

import (
	"context"
	"encoding/json"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"

	"workbook/runner"
)

// A runFunc is a Runner that is a function, and sees the options.
type runFunc func(ctx context.Context, prog runner.Program, opts runner.Options) (*runner.Result, error)

func (f runFunc) Run(ctx context.Context, prog runner.Program, opts runner.Options) (*runner.Result, error) {
	return f(ctx, prog, opts)
}

// twoGoroutines is a trace of main waiting on a receive that goroutine 2's
// send ends, at lines 9 and 6 of the program.
var twoGoroutines = &runner.Trace{
	Goroutines: []runner.TraceGoroutine{
		{ID: 1, Func: "main.main", Start: 0, End: -1},
		{ID: 2, Parent: 1, Func: "main.main.func1", Created: &runner.Frame{Func: "main.main", File: "main.go", Line: 5}, Start: 0.1, End: 1.2},
	},
	Spans: []runner.TraceSpan{
		{G: 1, Op: "receive", What: "ch", Made: 4, File: "main.go", Line: 9, Start: 0.1, End: 1.1, Blocked: true, Chan: 1},
		{G: 2, Op: "send", What: "ch", Made: 4, File: "main.go", Line: 6, Start: 1.0, End: 1.1, Chan: 1},
	},
	HandOffs: []runner.HandOff{{From: 2, To: 1, At: 1.1, FromSpan: 1, ToSpan: 0}},
	End:      1.3,
}

// TestRunTimeline checks that /api/run asks for the trace and follows the
// trace event with the timeline drawn from it, in the page's language, or
// with nothing when the run has no trace.
func TestRunTimeline(t *testing.T) {
	const src = "package main\n\nfunc main() {\n\tch := make(chan int)\n\tgo func() {\n\t\tch <- 1\n\t}()\n\n\t<-ch\n}\n"
	for _, tc := range []struct {
		name, lang string
		trace      *runner.Trace
		reason     runner.Reason
		kinds      string
		words      []string // in the picture
	}{
		{"en", "en", twoGoroutines, runner.Exited, "stdout trace timeline exit", []string{"Timeline", "receive from ch", "main.go:9  &lt;-ch"}},
		{"zh", "zh", twoGoroutines, runner.Exited, "stdout trace timeline exit", []string{"时间线", "从 ch 接收"}},
		{"no lang", "", twoGoroutines, runner.Exited, "stdout trace timeline exit", []string{"Timeline"}},
		{"unknown lang", "fr", twoGoroutines, runner.Exited, "stdout trace timeline exit", []string{"Timeline"}},
		{"does not compile", "en", nil, runner.CompileError, "compile exit", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var traced bool
			s := newServer(t, Config{Runner: runFunc(func(ctx context.Context, prog runner.Program, opts runner.Options) (*runner.Result, error) {
				traced = opts.Trace
				res := &runner.Result{Exit: runner.Exit{Reason: tc.reason}, Trace: tc.trace}
				if tc.trace == nil {
					opts.Events(runner.Event{Kind: runner.KindCompile, Diagnostics: []runner.Diagnostic{{File: "main.go", Line: 4, Message: "x declared and not used"}}})
				} else {
					opts.Events(runner.Event{Kind: runner.KindStdout, Data: "hi\n"})
					opts.Events(runner.Event{Kind: runner.KindTrace, Trace: tc.trace})
				}
				opts.Events(runner.Event{Kind: runner.KindExit, Exit: &res.Exit})
				return res, nil
			})})
			body, _ := json.Marshal(runRequest{Source: src, Lang: tc.lang})
			w := post(s, "POST", "/api/run", string(body))
			if w.Code != 200 {
				t.Fatalf("POST /api/run = %d %s", w.Code, w.Body)
			}
			if !traced {
				t.Errorf("the run was not asked for its trace (Options.Trace)")
			}
			var kinds []string
			svg := ""
			for _, e := range events(t, w.Body.String()) {
				kinds = append(kinds, e["kind"].(string))
				if e["kind"] == "timeline" {
					svg = e["svg"].(string)
				}
			}
			if got := strings.Join(kinds, " "); got != tc.kinds {
				t.Errorf("events %q; want %q", got, tc.kinds)
			}
			if tc.trace == nil {
				return
			}
			if !strings.HasPrefix(svg, "<svg") || !strings.Contains(svg, `viewBox=`) {
				t.Fatalf("the timeline event's svg is not an SVG document with a viewBox:\n%s", svg)
			}
			if n := strings.Count(svg, `<g class="lane"`); n != 2 {
				t.Errorf("the picture has %d lanes; want 2, one per goroutine", n)
			}
			if !regexp.MustCompile(`<g class="span" data-span="0" data-file="main.go" data-line="9">`).MatchString(svg) {
				t.Errorf("the picture has no span for main's receive at main.go:9:\n%s", svg)
			}
			for _, w := range tc.words {
				if !strings.Contains(svg, w) {
					t.Errorf("the picture does not say %q", w)
				}
			}
		})
	}
}

// TestRealRunTimeline runs a program with goroutines in the sandbox
// through the API: its stream carries the trace, then the timeline, then
// the exit; a deadlock is drawn too, main stuck at its send; of many
// goroutines, the first maxLanes.
func TestRealRunTimeline(t *testing.T) {
	pool := runner.NewPool(1)
	defer pool.Close()
	s := newServer(t, Config{Runner: pool})
	for _, tc := range []struct {
		name, src         string
		goroutines, lanes int
		span              string // a span, when the run's timing cannot change it
	}{
		{"ping-pong", `package main

import "fmt"

func main() {
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	for i := 0; i < 3; i++ {
		ping <- i
		fmt.Println(<-pong)
	}
	close(ping)
}
`, 2, 2, `data-file="main.go" data-line="`},
		{"deadlock", `package main

func main() {
	ch := make(chan int)
	ch <- 1
}
`, 1, 1, `data-file="main.go" data-line="5"><rect x="[0-9.]+" y="[0-9.]+" width="[0-9.]+" height="16" class="blocked stuck">`},
		// A lesson starts ten thousand; the picture draws maxLanes.
		{"many goroutines", `package main

import "sync"

func main() {
	release := make(chan struct{})
	var wg sync.WaitGroup
	for range 200 {
		wg.Go(func() { <-release })
	}
	close(release)
	wg.Wait()
}
`, 201, maxLanes, `data-file="main.go" data-line="`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body, _ := json.Marshal(runRequest{Source: tc.src, Lang: "en"})
			w := post(s, "POST", "/api/run", string(body))
			evs := events(t, w.Body.String())
			var kinds []string
			var svg string
			for _, e := range evs {
				switch e["kind"] {
				case "trace", "timeline", "exit":
					kinds = append(kinds, e["kind"].(string))
				}
				if e["kind"] == "timeline" {
					svg = e["svg"].(string)
					if e["goroutines"] != float64(tc.goroutines) || e["lanes"] != float64(tc.lanes) {
						t.Errorf("the timeline event says %v goroutines, %v lanes; want %d, %d", e["goroutines"], e["lanes"], tc.goroutines, tc.lanes)
					}
				}
			}
			if got := strings.Join(kinds, " "); got != "trace timeline exit" {
				t.Fatalf("the stream ends %q; want the trace, the timeline and the exit:\n%s", got, w.Body)
			}
			if n := strings.Count(svg, `<g class="lane"`); n != tc.lanes {
				t.Errorf("the timeline has %d lanes; want %d:\n%s", n, tc.lanes, svg)
			}
			if !regexp.MustCompile(tc.span).MatchString(svg) {
				t.Errorf("the timeline has no span like %s:\n%s", tc.span, svg)
			}
		})
	}
}

// TestFitTrace checks the bounds of the picture: the first goroutines to
// start, and the run up to the first wait too many.
func TestFitTrace(t *testing.T) {
	// many is main and goroutines 2…6, started 1 ms apart; each waits
	// twice, at +0.1 ms and +0.5 ms, for 0.2 ms, and ends at +0.9 ms.
	many := &runner.Trace{End: 7}
	many.Goroutines = append(many.Goroutines, runner.TraceGoroutine{ID: 1, Start: 0, End: 7})
	for g := 2; g <= 6; g++ {
		at := float64(g - 1)
		many.Goroutines = append(many.Goroutines, runner.TraceGoroutine{ID: g, Parent: 1, Start: at, End: at + 0.9})
		many.Spans = append(many.Spans,
			runner.TraceSpan{G: g, Op: "receive", Line: 10, Start: at + 0.1, End: at + 0.3, Blocked: true, Chan: 1},
			runner.TraceSpan{G: g, Op: "receive", Line: 11, Start: at + 0.5, End: at + 0.7, Blocked: true, Chan: 1},
			runner.TraceSpan{G: 1, Op: "send", Line: 20, Start: at + 0.6, End: at + 0.7, Chan: 1})
		many.HandOffs = append(many.HandOffs, runner.HandOff{From: 1, To: g, At: at + 0.7, FromSpan: len(many.Spans) - 1, ToSpan: len(many.Spans) - 2})
	}
	many.Races = []runner.TraceRace{{At: 2, Variable: "n"}, {At: 4, Variable: "n"}}
	for _, tc := range []struct {
		name         string
		lanes, waits int
		// want: the goroutines, spans and hand-offs drawn, the time the
		// picture stops at, and the ends of the goroutines.
		goroutines, spans, handOffs int
		until                       float64
		ends                        []float64
		races                       int // marked before the picture stops
	}{
		{"all", 10, 100, 6, 15, 5, 0, []float64{7, 1.9, 2.9, 3.9, 4.9, 5.9}, 2},
		{"three lanes", 3, 100, 3, 9, 2, 0, []float64{7, 1.9, 2.9}, 2},
		// The fifth wait, goroutine 4's first, is one too many: the picture
		// stops when it begins, at 3.1 ms; goroutine 4 has begun by then,
		// and it and main are still there.
		{"four waits", 10, 4, 4, 6, 2, 3.1, []float64{-1, 1.9, 2.9, -1}, 1},
		{"both", 2, 1, 2, 1, 0, 1.5, []float64{-1, -1}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before, _ := json.Marshal(many)
			fit, until := fitTrace(many, tc.lanes, tc.waits)
			if after, _ := json.Marshal(many); string(after) != string(before) {
				t.Fatalf("fitTrace changed the trace it was given")
			}
			if len(fit.Races) != tc.races {
				t.Errorf("fitTrace(%d lanes, %d waits) keeps %d races; want %d", tc.lanes, tc.waits, len(fit.Races), tc.races)
			}
			if len(fit.Goroutines) != tc.goroutines || len(fit.Spans) != tc.spans || len(fit.HandOffs) != tc.handOffs || math.Abs(until-tc.until) > 1e-9 {
				t.Errorf("fitTrace(%d lanes, %d waits) = %d goroutines, %d spans, %d hand-offs, until %v; want %d, %d, %d, %v",
					tc.lanes, tc.waits, len(fit.Goroutines), len(fit.Spans), len(fit.HandOffs), until, tc.goroutines, tc.spans, tc.handOffs, tc.until)
			}
			var ends []float64
			for _, g := range fit.Goroutines {
				ends = append(ends, math.Round(g.End*10)/10)
			}
			if !slices.Equal(ends, tc.ends) {
				t.Errorf("the goroutines end at %v; want %v", ends, tc.ends)
			}
			for _, s := range fit.Spans {
				if tc.until > 0 && (s.Start >= tc.until || s.End > tc.until) {
					t.Errorf("span %+v goes past the end of the picture, %v", s, tc.until)
				}
			}
			for _, h := range fit.HandOffs {
				if from, to := fit.Spans[h.FromSpan], fit.Spans[h.ToSpan]; from.G != h.From || to.G != h.To || to.End != h.At {
					t.Errorf("hand-off %+v names spans %+v and %+v", h, from, to)
				}
			}
		})
	}
}
