package timeline

import (
	"encoding/xml"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"workbook/runner"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/")

// pingPong is the trace of a ping-pong, as the runner gives it: main sends
// on ping and the other goroutine, waiting in a range over ping, takes it;
// it answers on pong, where main waits; then it waits for more until main
// returns.
var pingPong = &runner.Trace{
	Goroutines: []runner.TraceGoroutine{
		{ID: 1, Func: "main.main", Start: 0, End: 2},
		{ID: 7, Parent: 1, Func: "main.main.func1", Created: &runner.Frame{Func: "main.main", File: "main.go", Line: 8}, Spawned: 0.05, Start: 0.1, End: -1},
	},
	Spans: []runner.TraceSpan{
		{G: 7, Op: "range", What: "ping", Made: 6, File: "main.go", Line: 9, Start: 0.2, End: 0.8, Blocked: true, Chan: 1},
		{G: 1, Op: "send", What: "ping", Made: 6, File: "main.go", Line: 14, Start: 0.7, End: 0.75, Chan: 1},
		{G: 1, Op: "receive", What: "pong", Made: 7, File: "main.go", Line: 15, Start: 0.76, End: 1.2, Blocked: true, Chan: 2},
		{G: 7, Op: "send", What: "pong", Made: 7, File: "main.go", Line: 10, Start: 1.1, End: 1.15, Chan: 2},
		{G: 7, Op: "range", What: "ping", Made: 6, File: "main.go", Line: 9, Start: 1.16, End: -1, Blocked: true, Chan: 1},
	},
	HandOffs: []runner.HandOff{
		{From: 1, To: 7, Woken: 0.75, At: 0.8, FromSpan: 1, ToSpan: 0},
		{From: 7, To: 1, Woken: 1.15, At: 1.2, FromSpan: 3, ToSpan: 2},
	},
	End: 2,
}

var pingPongSource = map[string][]byte{"main.go": []byte(`package main

import "fmt"

func main() {
	ping := make(chan int)
	pong := make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
	}()
	for i := 0; i < 3; i++ {
		ping <- i
		fmt.Println(<-pong)
	}
}
`)}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (write it with go test ./timeline -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from what was drawn (go test ./timeline -update rewrites it, then look at the diff):\n%s", path, got)
	}
}

// wellFormed checks that s is well-formed XML.
func wellFormed(t *testing.T, s string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(s))
	d.Strict = true
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v", err)
		}
	}
}

func TestSVG(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		t.Run(lang, func(t *testing.T) {
			var b strings.Builder
			if err := SVG(&b, pingPong, Options{Lang: lang, Source: pingPongSource}); err != nil {
				t.Fatal(err)
			}
			wellFormed(t, b.String())
			golden(t, "pingpong."+lang+".svg", b.String())
		})
	}
}

func TestHTML(t *testing.T) {
	var b strings.Builder
	opts := Options{Lang: "en", Title: "main.go", Source: pingPongSource, Deadlock: true,
		Races: []runner.Race{{Variable: "counter", Accesses: []runner.RaceAccess{{Lines: []runner.Frame{{File: "main.go", Line: 17}}}}}}}
	tr := *pingPong
	tr.Dropped = 12
	if err := HTML(&b, &tr, opts); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, want := range []string{
		"<!doctype html>", `<html lang="en">`, "<title>Timeline · main.go</title>",
		"2 goroutines over 2 ms; 3 waits that blocked, 2 hand-offs.",
		"The program ended in a deadlock",
		"a data race on counter (main.go:17)",
		"12 more were left out",
		// A span's tip: what it waited for, its line and code, how long.
		"<title>receive from pong\nmain.go:15  fmt.Println(&lt;-pong)\nwaited 0.44 ms</title>",
		"<title>range over ping\nmain.go:9  for v := range ping {\nstill waiting when the program ended</title>",
		"goroutine 1 (send on ping) let goroutine 7 go on",
		`data-file="main.go" data-line="15"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	for _, bad := range []string{"<script", "<link", `src="`, "@import"} {
		if strings.Contains(page, bad) {
			t.Errorf("the page has %q: it must load nothing", bad)
		}
	}
}

// Only the spans that blocked are drawn; a stuck one has its mark.
func TestSpansDrawn(t *testing.T) {
	var b strings.Builder
	SVG(&b, pingPong, Options{})
	svg := b.String()
	if n := strings.Count(svg, `class="span"`); n != 3 {
		t.Errorf("%d spans drawn; want the 3 that blocked", n)
	}
	if n := strings.Count(svg, `class="blocked stuck"`); n != 1 {
		t.Errorf("%d stuck spans; want 1", n)
	}
	if n := strings.Count(svg, `class="handoff"`); n != 2 {
		t.Errorf("%d hand-off arrows; want 2", n)
	}
	if n := strings.Count(svg, `class="end"`); n != 1 {
		t.Errorf("%d goroutine ends; want main's", n)
	}
	// Ready to run: goroutine 7 from its go statement until it ran, and
	// each goroutine woken by a hand-off until it ran again.
	if n := strings.Count(svg, `class="ready"`); n != 3 {
		t.Errorf("%d times ready to run; want 3", n)
	}
}

func TestFormatMS(t *testing.T) {
	for _, c := range []struct {
		ms   float64
		want string
	}{
		{0, "0"}, {0.05, "0.05 ms"}, {0.125, "0.125 ms"}, {1, "1 ms"}, {2.5, "2.5 ms"}, {12.4, "12 ms"}, {1500, "1.5 s"}, {2000, "2 s"},
	} {
		if got := formatMS(c.ms); got != c.want {
			t.Errorf("formatMS(%v) = %q; want %q", c.ms, got, c.want)
		}
	}
}

func TestNiceStep(t *testing.T) {
	for _, c := range []struct{ raw, want float64 }{
		{0.3, 0.5}, {0.12, 0.2}, {1, 1}, {1.1, 2}, {7, 10}, {33, 50},
	} {
		if got := niceStep(c.raw); got != c.want {
			t.Errorf("niceStep(%v) = %v; want %v", c.raw, got, c.want)
		}
	}
}

// TestProcessesAndRaces: a process the program started has its lanes under
// a heading, with its own goroutine numbers; a race is marked once per
// variable, at its first report, however often it was reported.
func TestProcessesAndRaces(t *testing.T) {
	tr := *pingPong
	worker := &runner.Trace{
		Goroutines: []runner.TraceGoroutine{{ID: 1, Func: "main.worker", Start: 0.5, End: 1.5}},
		Spans:      []runner.TraceSpan{{G: 1, Op: "proc", What: "jobs.Get(&n)", File: "main.go", Line: 12, Start: 0.6, End: 1.0, Blocked: true}},
		End:        1.5,
	}
	tr.Processes = []runner.TraceProcess{{Pid: 4242, Target: "worker", Trace: worker}}
	// count's race joins main's lane and goroutine 7's; total's says no
	// goroutines.
	tr.Races = []runner.TraceRace{{At: 0.9, Variable: "count", Goroutines: []int{7, 1}}, {At: 1.0, Variable: "count"}, {At: 1.1, Variable: "total"}}
	for _, c := range []struct {
		lang string
		want []string
	}{
		{"en", []string{"process 4242 · worker", "race count", "race total", "reported 1 more times after this", "a data race on count between goroutine 1 and goroutine 7"}},
		{"zh", []string{"进程 4242 · worker", "竞争 count", "此后又报告了 1 次", "goroutine 1 与 goroutine 7 在 count 上的数据竞争"}},
	} {
		var b strings.Builder
		if err := SVG(&b, &tr, Options{Lang: c.lang, Width: 760}); err != nil {
			t.Fatal(err)
		}
		svg := b.String()
		wellFormed(t, svg)
		for _, w := range c.want {
			if !strings.Contains(svg, w) {
				t.Errorf("%s: the picture lacks %q", c.lang, w)
			}
		}
		if n := strings.Count(svg, `class="race"`); n != 2 {
			t.Errorf("%s: %d races marked; want 2, the first on each variable", c.lang, n)
		}
		if n, dots := strings.Count(svg, `class="race-join"`), strings.Count(svg, `class="race-dot"`); n != 1 || dots != 2 {
			t.Errorf("%s: %d races joined to lanes, with %d dots; want count's, with a dot on each of its two lanes", c.lang, n, dots)
		}
		if n := strings.Count(svg, `data-pid="4242"`); n != 2 {
			t.Errorf("%s: %d elements of process 4242 (heading, lane); want 2", c.lang, n)
		}
		if !strings.Contains(svg, `width="760"`) {
			t.Errorf("%s: the picture is not 760 pixels wide", c.lang)
		}
	}
}
