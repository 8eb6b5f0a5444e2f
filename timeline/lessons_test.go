package timeline

import (
	"cmp"
	"context"
	"encoding/xml"
	"fmt"
	"maps"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"workbook/lessons"
	"workbook/runner"
)

// lessonPictures are the timelines the lessons show: each is drawn from a
// real run of one of the lesson's snippets, for every edition, into
// lessons/img/timeline-<name>.<lang>.svg.
var lessonPictures = []struct {
	slug string // the lesson
	// line is a line of code only that snippet has, in the first
	// edition (with info, its info string, when the line is not enough);
	// the other editions' snippet is the one at the same place.
	line, info string
	name       string
}{
	{"event-loops", `go func() { // player "ping"`, "", "ping-pong"},
	{"channels", `ch <- "parcel" // waits until main receives`, "", "handoff"},
	{"channels", "for v := range sq(sq(gen(1, 2, 3))) {", "", "pipeline"},
	{"channels", "func worker(jobs <-chan int, results chan<- int) {", "", "worker-pool"},
	{"races", "count++ // read count, add 1, write count back", "go run race want=race", "lost-update"},
	{"deadlocks", "func sell() { // till, then shelf", "", "deadlock"},
}

// attempts is how many runs the check of a picture may take: a fast
// program now and then runs differently, and then it tries again.
// candidates is how many runs -update draws to keep the most typical.
const (
	attempts   = 3
	candidates = 5
)

// TestLessonPictures checks that each timeline of lessonPictures still
// shows a run of its snippet. Timings differ from run to run, so it
// compares what must not: the picture's shape (see shape). With -update
// it draws the pictures anew.
func TestLessonPictures(t *testing.T) {
	book, err := lessons.Load(lessons.Files)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range lessonPictures {
		t.Run(p.name, func(t *testing.T) {
			first := book.Lesson(lessons.Languages[0], p.slug)
			i := snippetAt(t, first, p.line, p.info)
			for _, lang := range lessons.Languages {
				l := book.Lesson(lang, p.slug)
				s := l.Snippets[i]
				if s.Info != first.Snippets[i].Info {
					t.Fatalf("%s:%d is %q, but %s:%d %q: the editions' snippets differ", l.Path(), s.Line, s.Info, first.Path(), first.Snippets[i].Line, first.Snippets[i].Info)
				}
				file := fmt.Sprintf("timeline-%s.%s.svg", p.name, lang)
				path := filepath.Join("..", "lessons", "img", file)
				if *update {
					if err := os.WriteFile(path, []byte(typical(t, l, s, lang)), 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				svg, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (draw it with go test ./timeline -run LessonPictures/%s -update)", err, p.name)
				}
				want := shapeOf(t, string(svg))
				for n := 1; ; n++ {
					diff := want.diff(runOf(t, l, s, lang))
					if diff == "" {
						break
					}
					if n == attempts {
						t.Errorf("lessons/img/%s does not show a run of %s:%d (%d runs tried); the last one differs:\n%s\n"+
							"If the snippet changed, draw the picture anew (go test ./timeline -run LessonPictures/%s -update) and look at it.",
							file, l.Path(), s.Line, attempts, diff, p.name)
						break
					}
					if testing.Verbose() {
						t.Logf("%s: run %d of %s:%d differs from the picture; running it again:\n%s", file, n, l.Path(), s.Line, diff)
					}
				}
			}
		})
	}
}

// A run is one run of a snippet, drawn.
type run struct {
	svg string
	// shape is the picture's; ops, that of the run drawn with every
	// operation as a wait (allWaits).
	shape, ops *shape
	// odd says how the run did not end as the lesson says it does: it is
	// not the run the lesson shows.
	odd string
	end float64 // how long it took, in ms
}

// runOf runs the snippet with the trace on, as the Run button does, and
// draws its timeline.
func runOf(t *testing.T, l *lessons.Lesson, s *lessons.Snippet, lang string) run {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	res, err := runner.Run(ctx, runner.Program{Files: []runner.File{{Name: "main.go", Src: []byte(s.Code)}}},
		runner.Options{Trace: true, Race: s.Race})
	if err != nil {
		t.Fatal(err)
	}
	var r run
	switch want := runner.Reason(cmp.Or(s.Want, string(runner.Exited))); {
	case res.Trace == nil:
		t.Fatalf("%s:%d: no trace (%s: %s)", l.Path(), s.Line, res.Reason, res.Message)
	case res.Trace.Dropped > 0:
		t.Fatalf("%s:%d: the trace left %d operations out; a picture of so many would be unreadable: pick a smaller snippet", l.Path(), s.Line, res.Trace.Dropped)
	case res.Reason != want:
		r.odd = fmt.Sprintf("the run ended with %s (%s); the lesson says %s", res.Reason, res.Message, want)
	}
	r.end = res.Trace.End
	opts := Options{Lang: lang, Source: map[string][]byte{"main.go": []byte(s.Code)}, Width: lessonWidth, Deadlock: res.Reason == runner.Deadlocked, Races: res.Races}
	r.svg = draw(t, res.Trace, opts)
	r.shape = shapeOf(t, r.svg)
	r.ops = shapeOf(t, draw(t, allWaits(res.Trace), opts))
	return r
}

// typical draws the snippet's timeline for -update: of a few runs, one
// whose shape the others fit best, and of those the one that took the
// median time, so that the lesson shows a typical run, and the check
// finds it again.
func typical(t *testing.T, l *lessons.Lesson, s *lessons.Snippet, lang string) string {
	t.Helper()
	var runs []run
	for tries := 0; len(runs) < candidates; tries++ {
		if tries == 2*candidates {
			t.Fatalf("%s:%d: %d of %d runs did not end as the lesson says", l.Path(), s.Line, tries-len(runs), tries)
		}
		if r := runOf(t, l, s, lang); r.odd == "" {
			runs = append(runs, r)
		} else {
			t.Logf("%s:%d: %s", l.Path(), s.Line, r.odd)
		}
	}
	misfits := make([]int, len(runs))
	for i, r := range runs {
		for j, other := range runs {
			if i != j && r.shape.diff(other) != "" {
				misfits[i]++
			}
		}
	}
	ends := make([]float64, len(runs))
	for i, r := range runs {
		ends[i] = r.end
	}
	slices.Sort(ends)
	median := ends[len(ends)/2]
	best := 0
	for i, r := range runs {
		if cmp.Or(cmp.Compare(misfits[i], misfits[best]), cmp.Compare(math.Abs(r.end-median), math.Abs(runs[best].end-median))) < 0 {
			best = i
		}
	}
	if misfits[best] > 0 {
		t.Logf("%s:%d (%s): %d of the other %d runs do not fit the run drawn", l.Path(), s.Line, lang, misfits[best], len(runs)-1)
	}
	return runs[best].svg
}

// snippetAt is the index in l.Snippets of the one runnable snippet with
// the line (and the info string, unless it is "").
func snippetAt(t *testing.T, l *lessons.Lesson, line, info string) int {
	t.Helper()
	if l == nil {
		t.Fatal("no such lesson")
	}
	found := -1
	for i, s := range l.Snippets {
		if !s.Run || !strings.Contains(s.Code, line) || info != "" && s.Info != info {
			continue
		}
		if found >= 0 {
			t.Fatalf("%s: the snippets at lines %d and %d both have %q: pick a line only one has, or an info string", l.Path(), l.Snippets[found].Line, s.Line, line)
		}
		found = i
	}
	if found < 0 {
		t.Fatalf("%s: no runnable snippet has %q (info %q)", l.Path(), line, info)
	}
	return found
}

// lessonWidth is the width of a lesson's column, which its pictures fill.
const lessonWidth = 760

// lessonPlotWidth is the part of it that shows time.
var _, lessonPlotWidth = geometry(lessonWidth)

// draw draws a run's timeline, as a lesson shows it.
func draw(t *testing.T, tr *runner.Trace, opts Options) string {
	t.Helper()
	var b strings.Builder
	if err := SVG(&b, tr, opts); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// allWaits is tr with every operation drawn as a wait, even those that
// went through at once: drawn, it shows every operation of each lane.
func allWaits(tr *runner.Trace) *runner.Trace {
	all := *tr
	all.Spans = slices.Clone(tr.Spans)
	for i := range all.Spans {
		all.Spans[i].Blocked = true
	}
	all.HandOffs = nil
	return &all
}

// A shape is what a timeline shows that does not change from run to run
// of the same program: its lanes, named by the goroutine's function and
// the line that started it (goroutine numbers change); per lane, what it
// waited for at which line; whether the run ended in a deadlock, and if so
// where each lane was stuck; and whether any goroutine handed a value or
// a lock to another.
//
// Which waits blocked, and for how long, is up to timing: in a run of a
// millisecond, a send finds its receiver waiting, or waits for it, by
// chance. So waits are compared one way with all the operations of the
// run, and the other way only for the long ones (see diff).
type shape struct {
	// lanes counts the lanes of each name ("worker @ main.go:23").
	lanes map[string]int
	// waits are, per lane name, the waits drawn ("range over jobs ·
	// main.go:10  for n := range jobs {"), each true if it was long once.
	waits map[string]map[string]bool
	// deadlock says main did not return, and every goroutine that did
	// not either was stuck in a wait. stuck are, per lane name, the waits
	// still on when the program ended (in a run that did not deadlock, a
	// goroutine main did not wait for may be among them, or not).
	deadlock bool
	stuck    map[string]map[string]bool
	// handOffs counts the arrows.
	handOffs int
}

// A long wait, one the picture must show, takes a quarter of the run and
// 5 ms at least: a sleep, a worker's job, a deadlock. The scheduler of a
// busy machine can keep a goroutine waiting a few milliseconds by chance,
// and that is most of a run that takes a millisecond.
const (
	longShare = 0.25
	longMS    = 5
)

// The parts of the SVG that shapeOf reads.
type (
	svgDoc struct {
		Groups []svgLane `xml:"g"`
		Lines  []svgLine `xml:"line"`
	}
	svgLane struct {
		Class string    `xml:"class,attr"`
		Texts []svgText `xml:"text"`
		Spans []svgSpan `xml:"g"`
		Lines []svgLine `xml:"line"`
	}
	svgText struct {
		Class string `xml:"class,attr"`
		Title string `xml:"title"`
	}
	svgSpan struct {
		Rect svgRect `xml:"rect"`
	}
	svgRect struct {
		Class string  `xml:"class,attr"`
		Width float64 `xml:"width,attr"`
		Title string  `xml:"title"`
	}
	svgLine struct {
		Class string `xml:"class,attr"`
	}
)

// fileLine finds where a lane's goroutine was started in its title.
var fileLine = regexp.MustCompile(`[\w./-]+\.go:\d+`)

// waited reads how long a span waited from its title: "waited 12 ms",
// "等待了 1.5 s".
var waited = regexp.MustCompile(`([\d.]+) (ms|s)$`)

// shapeOf reads the shape of a timeline from its SVG: from the titles of
// the lanes and spans, which say in words what the picture draws, and the
// classes that say how it draws them.
func shapeOf(t *testing.T, svg string) *shape {
	t.Helper()
	var doc svgDoc
	if err := xml.Unmarshal([]byte(svg), &doc); err != nil {
		t.Fatalf("not an SVG timeline: %v", err)
	}
	sh := &shape{lanes: map[string]int{}, waits: map[string]map[string]bool{}, stuck: map[string]map[string]bool{}}
	sh.deadlock = true
	for _, g := range doc.Groups {
		if g.Class != "lane" {
			continue
		}
		name := ""
		for _, text := range g.Texts {
			if text.Class == "lane-label" {
				// "goroutine 7 · worker\nstarted at main.go:23 by goroutine 1"
				label, created, _ := strings.Cut(text.Title, "\n")
				_, name, _ = strings.Cut(label, " · ")
				if loc := fileLine.FindString(created); loc != "" {
					name = strings.TrimSpace(name + " @ " + loc)
				}
			}
		}
		sh.lanes[name]++
		stuck, ended := false, slices.ContainsFunc(g.Lines, func(l svgLine) bool { return l.Class == "end" })
		for _, s := range g.Spans {
			// "range over jobs\nmain.go:10  for n := range jobs {\nwaited 2 ms"
			lines := strings.SplitN(s.Rect.Title, "\n", 3)
			what := strings.Join(lines[:min(2, len(lines))], " · ")
			ms := 0.0
			if m := waited.FindStringSubmatch(lines[len(lines)-1]); m != nil {
				fmt.Sscan(m[1], &ms)
				if m[2] == "s" {
					ms *= 1000
				}
			}
			if sh.waits[name] == nil {
				sh.waits[name] = map[string]bool{}
			}
			sh.waits[name][what] = sh.waits[name][what] || s.Rect.Width >= longShare*float64(lessonPlotWidth) && ms >= longMS
			if strings.Contains(s.Rect.Class, "stuck") {
				stuck = true
				if sh.stuck[name] == nil {
					sh.stuck[name] = map[string]bool{}
				}
				sh.stuck[name][what] = true
			}
		}
		if name == "main" && ended || !ended && !stuck {
			sh.deadlock = false
		}
	}
	sh.deadlock = sh.deadlock && sh.lanes["main"] > 0
	for _, l := range doc.Lines {
		if l.Class == "handoff" {
			sh.handOffs++
		}
	}
	return sh
}

// diff says how the shape of a picture (sh) differs from a run's, one
// difference a line; "" if it does not.
//
// The lanes must be the same, and so must the deadlock and where it left
// each lane stuck. A wait of the picture must be an operation of the run
// (which this time may have gone through at once); a long wait of the run
// must be a wait of the picture (which that time may have been shorter).
// Arrows in one need arrows in the other.
func (sh *shape) diff(r run) string {
	if r.odd != "" {
		return r.odd
	}
	got, ops := r.shape, r.ops
	var out []string
	for _, name := range keys(sh.lanes, got.lanes) {
		if sh.lanes[name] != got.lanes[name] {
			out = append(out, fmt.Sprintf("lanes %q: the picture has %d, the run %d", name, sh.lanes[name], got.lanes[name]))
		}
	}
	if sh.deadlock != got.deadlock {
		out = append(out, fmt.Sprintf("deadlock: %v in the picture, %v in the run", sh.deadlock, got.deadlock))
	} else if sh.deadlock {
		for _, name := range keys(sh.stuck, got.stuck) {
			if a, b := sorted(sh.stuck[name]), sorted(got.stuck[name]); !slices.Equal(a, b) {
				out = append(out, fmt.Sprintf("lane %q: stuck in %q in the picture, in %q in the run", name, a, b))
			}
		}
	}
	for _, name := range keys(sh.waits, got.waits) {
		for _, what := range slices.Sorted(maps.Keys(sh.waits[name])) {
			if _, ok := ops.waits[name][what]; !ok {
				out = append(out, fmt.Sprintf("lane %q: the picture waits in %q, the run has no such operation", name, what))
			}
		}
		for _, what := range slices.Sorted(maps.Keys(got.waits[name])) {
			if _, ok := sh.waits[name][what]; !ok && got.waits[name][what] {
				out = append(out, fmt.Sprintf("lane %q: the run waits long in %q, the picture not at all", name, what))
			}
		}
	}
	if (sh.handOffs > 0) != (got.handOffs > 0) {
		out = append(out, fmt.Sprintf("hand-offs: the picture has %d arrows, the run %d", sh.handOffs, got.handOffs))
	}
	return strings.Join(out, "\n")
}

// keys are the keys of both maps, sorted.
func keys[V any](a, b map[string]V) []string {
	all := slices.Collect(maps.Keys(a))
	all = append(all, slices.Collect(maps.Keys(b))...)
	sort.Strings(all)
	return slices.Compact(all)
}

func sorted(set map[string]bool) []string {
	return slices.Sorted(maps.Keys(set))
}
