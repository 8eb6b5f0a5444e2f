// Package timeline draws the timeline of a run (runner.Trace): one lane per
// goroutine over time, the spans where each waited labelled with what it
// waited for, arrows where one goroutine let another go on, and the
// goroutines a deadlock left stuck.
//
// It draws SVG, with nothing but the trace and the program's source as
// input, so that the same picture serves a standalone HTML file (HTML), a
// static picture for a lesson or a slide (SVG), and the browser. A lane is
// drawn in four ways: running, ready to run (waiting for a thread), waiting
// in an operation that blocked, and gone. Ready to run is drawn where the
// program knows it: from a go statement until the new goroutine first
// runs, and from the moment another goroutine let a waiting one go on (a
// send, an Unlock) until it runs again. A goroutine the scheduler sets
// aside for a moment to run another is drawn running: only the runtime
// knows that. Hovering a span shows its line of code (an SVG title, so the
// HTML needs no script).
package timeline

import (
	"fmt"
	"html"
	"io"
	"math"
	"strings"

	"workbook/runner"
)

// Options say what to draw besides the trace.
type Options struct {
	// Lang is "en" or "zh": the words of the picture.
	Lang string
	// Title heads the HTML page ("main.go").
	Title string
	// Source holds the program's files, by name, to show a span's line.
	Source map[string][]byte
	// Deadlock, when the run ended in one, is said above the lanes.
	Deadlock bool
	// Races are listed under the lanes of the HTML page; the trace marks
	// when each was reported (runner.Trace.Races).
	Races []runner.Race
	// Width is the picture's width in pixels: 1010 unless set. A lesson's
	// column is narrower (760), and the picture is drawn to fit it rather
	// than shrunk, so that its words stay readable.
	Width int
}

// Geometry of the picture, in pixels.
const (
	defaultWidth = 1010
	laneHeight   = 34
	barHeight    = 16
	top          = 46
	rightPad     = 20
	bottom       = 30
)

type picture struct {
	t      *runner.Trace
	opts   Options
	w      words
	end    float64 // ms at the right edge
	groups []*group
	rows   int // lanes, and the headings of processes
	height int
	// labelWidth holds the lanes' labels, plotWidth the time.
	labelWidth, plotWidth int
	// note is a sentence under the lanes: how the run ended.
	note string
}

func newPicture(t *runner.Trace, opts Options) *picture {
	p := &picture{t: t, opts: opts, w: wordsFor(opts.Lang)}
	p.labelWidth, p.plotWidth = geometry(opts.Width)
	p.addGroup(t, "", 0)
	for _, proc := range t.Processes {
		p.addGroup(proc.Trace, fmt.Sprintf(p.w.process, proc.Pid, proc.Target), proc.Pid)
	}
	if p.end <= 0 {
		p.end = 1
	}
	p.height = top + p.rows*laneHeight + bottom
	if opts.Deadlock {
		p.note = p.w.deadlock
		p.height += 20
	}
	return p
}

// A group is the lanes of one process: the program's first, then each
// process it started with workbook/proc, under a heading of its own.
type group struct {
	t       *runner.Trace
	heading string // "" for the first process
	pid     int
	lanes   map[int]int // goroutine -> row
	// woken holds, for each span another goroutine ended, the hand-off
	// that did.
	woken map[int]runner.HandOff
}

// geometry divides a picture width pixels wide (0: the default) between
// the lanes' labels and the time.
func geometry(width int) (label, plot int) {
	if width <= 0 {
		width = defaultWidth
	}
	label = min(230, width*27/100)
	return label, width - label - rightPad
}

// addGroup gives the goroutines of t their lanes, under a heading when
// there is one.
func (p *picture) addGroup(t *runner.Trace, heading string, pid int) {
	g := &group{t: t, heading: heading, pid: pid, lanes: map[int]int{}, woken: map[int]runner.HandOff{}}
	for _, h := range t.HandOffs {
		g.woken[h.ToSpan] = h
	}
	if heading != "" {
		p.rows++
	}
	for _, gr := range t.Goroutines {
		g.lanes[gr.ID] = p.rows
		p.rows++
	}
	p.end = math.Max(p.end, t.End)
	for _, s := range t.Spans {
		p.end = math.Max(p.end, s.End)
	}
	p.groups = append(p.groups, g)
}

// x is where time ms is drawn.
func (p *picture) x(ms float64) float64 {
	if ms < 0 {
		ms = p.end
	}
	return float64(p.labelWidth) + ms/p.end*float64(p.plotWidth)
}

func (p *picture) laneY(gr *group, g int) float64 { return float64(top + gr.lanes[g]*laneHeight) }

// SVG writes the picture alone, as a standalone SVG document.
func SVG(out io.Writer, t *runner.Trace, opts Options) error {
	p := newPicture(t, opts)
	var b strings.Builder
	p.svg(&b, true)
	_, err := io.WriteString(out, b.String())
	return err
}

// HTML writes one standalone HTML page: the picture, a legend, the races,
// and what the trace left out. It loads nothing from anywhere.
func HTML(out io.Writer, t *runner.Trace, opts Options) error {
	p := newPicture(t, opts)
	var b strings.Builder
	lang := "en"
	if opts.Lang == "zh" {
		lang = "zh"
	}
	fmt.Fprintf(&b, "<!doctype html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n", lang)
	fmt.Fprintf(&b, "<title>%s</title>\n<style>\n%s</style>\n</head>\n<body>\n", html.EscapeString(p.w.title+" · "+opts.Title), pageCSS)
	fmt.Fprintf(&b, "<h1>%s <small>%s</small></h1>\n", html.EscapeString(p.w.title), html.EscapeString(opts.Title))
	fmt.Fprintf(&b, "<p class=\"summary\">%s</p>\n", html.EscapeString(p.summary()))
	b.WriteString("<div class=\"chart\">\n")
	p.svg(&b, false)
	b.WriteString("</div>\n")
	p.legend(&b)
	if len(opts.Races) > 0 {
		fmt.Fprintf(&b, "<h2>%s</h2>\n<ul class=\"races\">\n", html.EscapeString(p.w.races))
		for _, r := range opts.Races {
			fmt.Fprintf(&b, "<li>%s</li>\n", html.EscapeString(p.raceLine(r)))
		}
		b.WriteString("</ul>\n")
	}
	if t.Dropped > 0 {
		fmt.Fprintf(&b, "<p class=\"dropped\">%s</p>\n", html.EscapeString(fmt.Sprintf(p.w.dropped, t.Dropped)))
	}
	b.WriteString("</body>\n</html>\n")
	_, err := io.WriteString(out, b.String())
	return err
}

// summary says in a sentence what the picture shows.
func (p *picture) summary() string {
	goroutines, blocked, handOffs := 0, 0, 0
	for _, gr := range p.groups {
		goroutines += len(gr.t.Goroutines)
		handOffs += len(gr.t.HandOffs)
		for _, s := range gr.t.Spans {
			if s.Blocked {
				blocked++
			}
		}
	}
	s := fmt.Sprintf(p.w.summary, goroutines, formatMS(p.t.End), blocked, handOffs)
	if p.opts.Deadlock {
		s += " " + p.w.deadlock
	}
	return s
}

func (p *picture) raceLine(r runner.Race) string {
	var lines []string
	for _, a := range r.Accesses {
		for _, l := range a.Lines {
			lines = append(lines, l.Location())
		}
	}
	name := r.Variable
	if name == "" {
		name = p.w.unknownVariable
	}
	return fmt.Sprintf(p.w.race, name, strings.Join(lines, ", "))
}

// svg draws the picture; standalone adds the XML namespace and its own
// style, which a page provides otherwise.
func (p *picture) svg(b *strings.Builder, standalone bool) {
	width := p.labelWidth + p.plotWidth + rightPad
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-label="%s" class="timeline">`+"\n",
		width, p.height, width, p.height, html.EscapeString(p.w.title))
	if standalone {
		fmt.Fprintf(b, "<style>%s</style>\n", svgCSS)
		fmt.Fprintf(b, `<rect width="%d" height="%d" class="bg"/>`+"\n", width, p.height)
	}
	b.WriteString(markerDefs)
	p.axis(b)
	for _, gr := range p.groups {
		if gr.heading != "" {
			y := float64(top + (gr.lanes[gr.t.Goroutines[0].ID]-1)*laneHeight)
			fmt.Fprintf(b, `<line x1="8" y1="%.1f" x2="%d" y2="%.1f" class="process-rule"/><text x="8" y="%.1f" class="process-label" data-pid="%d">%s</text>`+"\n",
				y+6, p.labelWidth+p.plotWidth, y+6, y+laneHeight-8, gr.pid, html.EscapeString(gr.heading))
		}
		for _, g := range gr.t.Goroutines {
			p.lane(b, gr, g)
		}
		for _, h := range gr.t.HandOffs {
			p.handOff(b, gr, h)
		}
	}
	for _, r := range p.firstRaces() {
		p.race(b, r)
	}
	if p.note != "" {
		fmt.Fprintf(b, `<text x="8" y="%d" class="note">%s</text>`+"\n", p.height-12, html.EscapeString(p.note))
	}
	b.WriteString("</svg>\n")
}

// axis draws the time axis: about six round ticks.
func (p *picture) axis(b *strings.Builder) {
	step := niceStep(p.end / 6)
	y := float64(top - 12)
	fmt.Fprintf(b, `<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" class="axis"/>`+"\n", p.labelWidth, y, p.labelWidth+p.plotWidth, y)
	for v := 0.0; v <= p.end*1.0001; v += step {
		x := p.x(v)
		fmt.Fprintf(b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%d" class="tick"/>`+"\n", x, y-4, x, p.lanesBottom())
		fmt.Fprintf(b, `<text x="%.1f" y="%.1f" class="tick-label">%s</text>`+"\n", x, y-8, formatMS(v))
	}
	fmt.Fprintf(b, `<text x="8" y="%.1f" class="axis-label">%s</text>`+"\n", y-8, html.EscapeString(p.w.time))
}

// lane draws one goroutine: its label, its life, and its waits.
func (p *picture) lane(b *strings.Builder, gr *group, g runner.TraceGoroutine) {
	y := p.laneY(gr, g.ID)
	mid := y + laneHeight/2
	label := fmt.Sprintf("%s %d", p.w.goroutine, g.ID)
	switch {
	case g.Func != "":
		label += " · " + strings.TrimPrefix(g.Func, "main.")
	case g.Created != nil:
		// It never waited, so the interpreter never said which function
		// it runs: the go statement tells it apart.
		label += " · " + fmt.Sprintf(p.w.fromLine, g.Created.Line)
	}
	created := ""
	if g.Created != nil {
		created = fmt.Sprintf(p.w.created, g.Created.Location())
		if g.Parent != 0 {
			created += fmt.Sprintf(p.w.by, g.Parent)
		}
	}
	if gr.pid != 0 {
		fmt.Fprintf(b, `<g class="lane" data-g="%d" data-pid="%d">`+"\n", g.ID, gr.pid)
	} else {
		fmt.Fprintf(b, `<g class="lane" data-g="%d">`+"\n", g.ID)
	}
	fmt.Fprintf(b, `<text x="8" y="%.1f" class="lane-label"><title>%s</title>%s</text>`+"\n", mid+4, html.EscapeString(label+"\n"+created), html.EscapeString(clip(label, (p.labelWidth-12)/7)))
	from, to := p.x(g.Start), p.x(g.End)
	fmt.Fprintf(b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%d" class="alive"><title>%s</title></rect>`+"\n",
		from, mid-barHeight/2, math.Max(to-from, 1), barHeight, html.EscapeString(label+"\n"+p.w.aliveHint))
	if g.Spawned < g.Start {
		p.ready(b, g.Spawned, g.Start, mid, label+"\n"+p.w.readySpawned)
	}
	for i, s := range gr.t.Spans {
		if s.G != g.ID || !s.Blocked {
			continue
		}
		p.span(b, gr, i, s, mid)
	}
	if g.End >= 0 {
		fmt.Fprintf(b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" class="end"/>`+"\n", to, mid-barHeight/2-3, to, mid+barHeight/2+3)
	}
	b.WriteString("</g>\n")
}

// ready draws a time when a goroutine was ready to run, waiting for a
// thread, when it is wide enough to see.
func (p *picture) ready(b *strings.Builder, start, end, mid float64, tip string) {
	from, to := p.x(start), p.x(end)
	if to-from < 1 {
		return
	}
	fmt.Fprintf(b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%d" class="ready"><title>%s</title></rect>`+"\n",
		from, mid-barHeight/2, to-from, barHeight, html.EscapeString(tip+"\n"+fmt.Sprintf(p.w.readyFor, formatMS(end-start))))
}

// span draws one blocked span, labelled when there is room; the part after
// another goroutine let it go on, until it ran again, is drawn ready to
// run.
func (p *picture) span(b *strings.Builder, gr *group, i int, s runner.TraceSpan, mid float64) {
	end := s.End
	h, woken := gr.woken[i]
	woken = woken && h.Woken > s.Start && h.Woken < s.End
	if woken {
		end = h.Woken
	}
	from, to := p.x(s.Start), p.x(end)
	width := math.Max(to-from, 2)
	class := "blocked"
	stuck := s.End < 0
	if stuck {
		class += " stuck"
	}
	what := p.w.what(s)
	tip := what + "\n" + p.where(s)
	if stuck {
		tip += "\n" + p.w.stuck
	} else {
		tip += "\n" + fmt.Sprintf(p.w.waited, formatMS(s.End-s.Start))
	}
	fmt.Fprintf(b, `<g class="span" data-span="%d" data-file="%s" data-line="%d">`, i, html.EscapeString(s.File), s.Line)
	fmt.Fprintf(b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%d" class="%s"><title>%s</title></rect>`,
		from, mid-barHeight/2, width, barHeight, class, html.EscapeString(tip))
	if text := clip(what, int(width/6.5)); width > 40 && text != "" {
		fmt.Fprintf(b, `<text x="%.1f" y="%.1f" class="span-label">%s</text>`, from+3, mid+4, html.EscapeString(text))
	}
	if stuck {
		fmt.Fprintf(b, `<text x="%.1f" y="%.1f" class="stuck-mark">✕</text>`, to-4, mid-barHeight/2-3)
	}
	b.WriteString("</g>\n")
	if woken {
		p.ready(b, h.Woken, s.End, mid, fmt.Sprintf(p.w.readyWoken, h.From))
	}
}

// where is a span's line, with its code when the source is known.
func (p *picture) where(s runner.TraceSpan) string {
	loc := fmt.Sprintf("%s:%d", s.File, s.Line)
	if src, ok := p.opts.Source[s.File]; ok && s.Line > 0 {
		lines := strings.Split(string(src), "\n")
		if s.Line <= len(lines) {
			loc += "  " + strings.TrimSpace(lines[s.Line-1])
		}
	}
	return loc
}

// handOff draws an arrow from the goroutine that acted to the one it let go
// on: from when the first began its operation to when the second's wait
// ended.
func (p *picture) handOff(b *strings.Builder, gr *group, h runner.HandOff) {
	if _, ok := gr.lanes[h.From]; !ok {
		return
	}
	if _, ok := gr.lanes[h.To]; !ok {
		return
	}
	from := gr.t.Spans[h.FromSpan]
	x1, x2 := p.x(from.Start), p.x(h.At)
	y1, y2 := p.laneY(gr, h.From)+laneHeight/2, p.laneY(gr, h.To)+laneHeight/2
	if y1 < y2 {
		y1, y2 = y1+barHeight/2, y2-barHeight/2
	} else {
		y1, y2 = y1-barHeight/2, y2+barHeight/2
	}
	tip := fmt.Sprintf(p.w.handOff, h.From, p.w.what(from), h.To)
	fmt.Fprintf(b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" class="handoff" marker-end="url(#arrow)"><title>%s</title></line>`+"\n",
		x1, y1, x2, y2, html.EscapeString(tip))
}

// lanesBottom is where the lanes end.
func (p *picture) lanesBottom() int { return top + p.rows*laneHeight }

// A markedRace is the first report of races on one variable, and how
// many there were; gr is the process it was reported in.
type markedRace struct {
	runner.TraceRace
	reports int
	gr      *group
}

// firstRaces are the races to mark: the first report on each variable. A
// race in a loop is reported again at every turn, and the learner needs
// the first to know when it began.
func (p *picture) firstRaces() []markedRace {
	var out []markedRace
	index := map[string]int{}
	for _, gr := range p.groups {
		for _, r := range gr.t.Races {
			if i, ok := index[r.Variable]; ok {
				out[i].reports++
				continue
			}
			index[r.Variable] = len(out)
			out = append(out, markedRace{r, 1, gr})
		}
	}
	return out
}

// race marks when the race detector first reported a race on a variable,
// across the lanes, and joins the lanes of the two goroutines that raced
// when it said which.
func (p *picture) race(b *strings.Builder, r markedRace) {
	x := p.x(r.At)
	name := r.Variable
	if name == "" {
		name = p.w.unknownVariable
	}
	tip := fmt.Sprintf(p.w.raceTip, name, formatMS(r.At))
	joined := ""
	if len(r.Goroutines) == 2 {
		_, ok1 := r.gr.lanes[r.Goroutines[0]]
		_, ok2 := r.gr.lanes[r.Goroutines[1]]
		if ok1 && ok2 {
			tip = fmt.Sprintf(p.w.raceBetween, name, r.Goroutines[1], r.Goroutines[0], formatMS(r.At))
			y1, y2 := p.laneY(r.gr, r.Goroutines[0])+laneHeight/2, p.laneY(r.gr, r.Goroutines[1])+laneHeight/2
			joined = fmt.Sprintf(`<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" class="race-join"/><circle cx="%.1f" cy="%.1f" r="5" class="race-dot"/><circle cx="%.1f" cy="%.1f" r="5" class="race-dot"/>`,
				x, y1, x, y2, x, y1, x, y2)
		}
	}
	if r.reports > 1 {
		tip += "\n" + fmt.Sprintf(p.w.raceAgain, r.reports-1)
	}
	fmt.Fprintf(b, `<g class="race"><title>%s</title><line x1="%.1f" y1="%d" x2="%.1f" y2="%d" class="race-line"/>%s<text x="%.1f" y="%d" class="race-label">⚡ %s</text></g>`+"\n",
		html.EscapeString(tip), x, top-4, x, p.lanesBottom(), joined, x+3, top+9, html.EscapeString(clip(p.w.raceMark+" "+name, 24)))
}

// legend explains the three ways a lane is drawn.
func (p *picture) legend(b *strings.Builder) {
	b.WriteString("<ul class=\"legend\">\n")
	for _, item := range []struct{ class, text string }{
		{"alive", p.w.legendAlive}, {"ready", p.w.legendReady}, {"blocked", p.w.legendBlocked}, {"stuck", p.w.legendStuck}, {"handoff", p.w.legendHandOff}, {"race", p.w.legendRace},
	} {
		fmt.Fprintf(b, "<li><span class=\"key %s\"></span>%s</li>\n", item.class, html.EscapeString(item.text))
	}
	b.WriteString("</ul>\n")
}

// niceStep rounds a tick interval to 1, 2 or 5 times a power of ten.
func niceStep(raw float64) float64 {
	if raw <= 0 {
		return 1
	}
	pow := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if raw <= m*pow {
			return m * pow
		}
	}
	return 10 * pow
}

// formatMS writes a time for a person: 0.35 ms, 12 ms, 1.5 s.
func formatMS(ms float64) string {
	switch {
	case ms >= 1000:
		return trimZeros(fmt.Sprintf("%.2f", ms/1000)) + " s"
	case ms >= 10:
		return fmt.Sprintf("%.0f ms", ms)
	case ms >= 1:
		return trimZeros(fmt.Sprintf("%.1f", ms)) + " ms"
	case ms == 0:
		return "0"
	}
	return trimZeros(fmt.Sprintf("%.3f", ms)) + " ms"
}

func trimZeros(s string) string {
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// clip shortens s to n runes, with an ellipsis.
func clip(s string, n int) string {
	r := []rune(s)
	if n <= 1 {
		return ""
	}
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

const markerDefs = `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="arrow-head"/></marker></defs>
`

// svgCSS styles the picture; light and dark follow the reader's setting.
const svgCSS = `
.bg { fill: #fff; }
text { font: 12px ui-sans-serif, system-ui, "Noto Sans CJK SC", sans-serif; fill: #1f2328; }
.axis, .tick { stroke: #d0d7de; }
.tick-label { font-size: 11px; fill: #57606a; text-anchor: middle; }
.axis-label { font-size: 11px; fill: #57606a; }
.lane-label { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
.alive { fill: #b4e3c1; }
.ready { fill: #e4e8ee; stroke: #8c959f; stroke-width: 1; stroke-dasharray: 3 2; }
.blocked { fill: #f3c28b; stroke: #bc6c25; stroke-width: 1; }
.blocked.stuck { fill: #f2a7a7; stroke: #cf222e; }
.span-label { font-size: 11px; fill: #3b2300; pointer-events: none; }
.stuck-mark { fill: #cf222e; font-weight: bold; }
.end { stroke: #57606a; stroke-width: 2; }
.handoff { stroke: #0969da; stroke-width: 1.5; }
.arrow-head { fill: #0969da; }
.race-line { stroke: #cf222e; stroke-width: 2; stroke-dasharray: 5 3; }
.race-label { font-size: 11px; font-weight: bold; fill: #cf222e; }
.race-join { stroke: #cf222e; stroke-width: 4; }
.race-dot { fill: #cf222e; stroke: #fff; stroke-width: 1.5; }
.note { font-size: 12px; fill: #57606a; }
.process-rule { stroke: #d0d7de; }
.process-label { font-weight: bold; }
.span:hover rect, .alive:hover, .ready:hover { stroke: #0969da; stroke-width: 2; }
@media (prefers-color-scheme: dark) {
  .bg { fill: #0d1117; }
  text { fill: #e6edf3; }
  .axis, .tick { stroke: #30363d; }
  .tick-label, .axis-label { fill: #8b949e; }
  .alive { fill: #1f5130; }
  .ready { fill: #2d333b; stroke: #768390; }
  .blocked { fill: #7a4a12; stroke: #d29922; }
  .blocked.stuck { fill: #6e1b1b; stroke: #f85149; }
  .span-label { fill: #ffe8c2; }
  .handoff { stroke: #58a6ff; }
  .arrow-head { fill: #58a6ff; }
  .race-line { stroke: #f85149; }
  .race-label { fill: #f85149; }
  .race-join { stroke: #f85149; }
  .race-dot { fill: #f85149; stroke: #0d1117; }
  .note { fill: #8b949e; }
  .process-rule { stroke: #30363d; }
}
`

const pageCSS = `
body { margin: 2rem auto; max-width: 1040px; padding: 0 1rem; font: 15px/1.5 ui-sans-serif, system-ui, "Noto Sans CJK SC", sans-serif; color: #1f2328; background: #fff; }
h1 { font-size: 1.4rem; margin: 0 0 .3rem; } h1 small { color: #57606a; font-weight: normal; font-family: ui-monospace, monospace; }
h2 { font-size: 1.1rem; }
.summary { color: #57606a; margin-top: 0; }
.chart { overflow-x: auto; border: 1px solid #d0d7de; border-radius: 6px; padding: .5rem 0; }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 1.2rem; font-size: .9rem; }
.key { display: inline-block; width: 1.6rem; height: .8rem; margin-right: .4rem; vertical-align: middle; border-radius: 2px; }
.key.alive { background: #b4e3c1; } .key.ready { background: #e4e8ee; border: 1px dashed #8c959f; } .key.blocked { background: #f3c28b; } .key.stuck { background: #f2a7a7; }
.key.handoff { height: 2px; background: #0969da; }
.key.race { height: 0; border-top: 2px dashed #cf222e; border-radius: 0; }
.races li { font-family: ui-monospace, monospace; font-size: .9rem; }
.dropped { color: #9a6700; }
@media (prefers-color-scheme: dark) {
  body { color: #e6edf3; background: #0d1117; } h1 small, .summary { color: #8b949e; }
  .chart { border-color: #30363d; }
  .key.alive { background: #1f5130; } .key.ready { background: #2d333b; border-color: #768390; } .key.blocked { background: #7a4a12; } .key.stuck { background: #6e1b1b; } .key.handoff { background: #58a6ff; }
}
` + svgCSS
