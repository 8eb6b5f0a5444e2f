package engine

import (
	"go/token"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"workbook/internal/lower"
	"workbook/internal/wire"
)

// A run asked for its timeline (wire.Request.Trace) is traced as it runs:
// the interpreter calls the tracer around every operation that may block
// (interp.Options.Trace), and the monitor when a goroutine of the program
// starts and ends. The front end has said which positions hold such an
// operation and what it is (lower.Wait); everything else the interpreter
// reports (calls of fmt and the like) is let through at the cost of a map
// lookup. Just before the report that ends the run, the trace goes to the
// runner whole, in one report: a program that ends by a limit the runner
// enforces (time, memory) has none.
//
// Each goroutine keeps its own record, which only it writes: the tracer
// shares nothing between the program's goroutines, so it adds no
// happens-before edge the race detector would see (which would hide the
// program's races), and no access it would report as one. The report reads
// every record as it stands when the program ends, with the race detector
// looking away; a goroutine still running then may be adding to its own,
// and only what it had published (count) is read.

// maxTraceOps bounds a trace: a program that loops over a channel for a
// second would otherwise send millions. Past it, operations are counted,
// not kept; goroutines are always kept.
const maxTraceOps = 5000

type tracer struct {
	c  *child
	t0 time.Time
	// total counts the operations begun, kept or not, by every goroutine:
	// in //go:norace code, without synchronisation, which the race
	// detector would take for the program's (an atomic counter ordered
	// each goroutine's operations after the others', and hid races). A
	// count lost between two goroutines only moves the bound a little.
	total int64
	// files are the program's files as the interpreter numbers its
	// positions, copied before the program starts: looking a position up
	// in the interpreter's file set synchronises the goroutines that do.
	files []traceFile
	// races are the race reports in time, which the race reader (the
	// engine's own goroutine) adds and the report reads: only in
	// //go:norace functions, under a lock the race detector does not see,
	// as for the goroutines' records.
	racesMu sync.Mutex
	races   [maxTraceRaces]timedRace
	nRaces  int
}

// maxTraceRaces bounds the races a trace places in time.
const maxTraceRaces = 100

// A timedRace is a race report in time, and the goroutines that raced,
// in the trace's numbers (0 where the race detector could not say).
type timedRace struct {
	at         int64
	variable   string
	goroutines [2]int
}

// race records a race the race detector began to report at at.
func (t *tracer) race(at int64, r *wire.Race) {
	if t == nil || r == nil {
		return
	}
	tr := timedRace{at: at, variable: r.Variable}
	for i, a := range r.Accesses {
		if i < len(tr.goroutines) {
			tr.goroutines[i] = a.Goroutine
		}
	}
	raceDisable()
	t.racesMu.Lock()
	t.addRace(tr)
	t.racesMu.Unlock()
	raceEnable()
}

//go:norace
func (t *tracer) addRace(r timedRace) {
	if t.nRaces < len(t.races) {
		t.races[t.nRaces] = r
		t.nRaces++
	}
}

// readRaces copies the races recorded so far, into memory of the caller's.
//
//go:norace
func (t *tracer) readRaces() []wire.TraceRace {
	out := make([]wire.TraceRace, t.nRaces)
	for i := 0; i < t.nRaces; i++ {
		r := t.races[i]
		name := make([]byte, len(r.variable))
		for j := 0; j < len(r.variable); j++ {
			name[j] = r.variable[j]
		}
		out[i] = wire.TraceRace{At: r.at, Variable: string(name)}
		if r.goroutines[0] != 0 && r.goroutines[1] != 0 {
			out[i].Goroutines = []int{r.goroutines[0], r.goroutines[1]}
		}
	}
	return out
}

// sinceStart is now for the race reader, which started before main set
// t0, with no edge between the two the race detector sees.
//
//go:norace
func (t *tracer) sinceStart() int64 {
	t0 := t.t0
	return int64(time.Since(t0))
}

// A gtrace is one goroutine's record.
type gtrace struct {
	g          wire.TraceGoroutine
	fn         atomic.Pointer[string] // the function it runs, once known
	ops        []wire.TraceOp
	count      atomic.Int64 // how many of ops the report may read
	dropped    int64
	open       []openOp
	sites      map[token.Pos]*traceSite // nil: not an operation that may block
	mainGorout bool
	// created and parent are where and by whom it was started (gstate),
	// told as a frame only in the report: naming the function of a
	// position is slow, and a program may start ten thousand goroutines
	// from one go statement.
	created int64
	parent  int
}

// A traceSite is an operation that may block, and its file.
type traceSite struct {
	lower.Wait
	file string
}

type openOp struct {
	pos token.Pos
	op  int // index in ops, or -1 when dropped
}

func newTracer(c *child) *tracer { return &tracer{c: c} }

// A traceFile is one file of the interpreter's file set.
type traceFile struct {
	name       string
	base, size int
	lines      []int // the offset of each line
}

// begin starts the clock: main is about to run.
func (t *tracer) begin() {
	if t == nil {
		return
	}
	if t.c.interp != nil {
		t.c.interp.FileSet().Iterate(func(f *token.File) bool {
			t.files = append(t.files, traceFile{f.Name(), f.Base(), f.Size(), f.Lines()})
			return true
		})
	}
	t.t0 = time.Now()
}

// position is the file, line and column of pos, from t.files.
func (t *tracer) position(pos token.Pos) (string, int, int) {
	p := int(pos)
	for _, f := range t.files {
		if p < f.base || p > f.base+f.size {
			continue
		}
		off := p - f.base
		line := sort.Search(len(f.lines), func(i int) bool { return f.lines[i] > off })
		if line == 0 {
			return f.name, 0, 0
		}
		return f.name, line, off - f.lines[line-1] + 1
	}
	return "", 0, 0
}

//go:norace
func (t *tracer) count() int64 {
	t.total++
	return t.total
}

func (t *tracer) now() int64 { return int64(time.Since(t.t0)) }

// stamp is the time now, for an event the tracer records later (0 when
// the run is not traced).
func (t *tracer) stamp() int64 {
	if t == nil {
		return 0
	}
	return t.now()
}

// goStart starts the record of g, the calling goroutine, whose go
// statement ran at spawned (stamp): between the two it was ready to run,
// waiting for a thread.
func (t *tracer) goStart(g *gstate, spawned int64) {
	if t == nil {
		return
	}
	now := t.now()
	tr := &gtrace{g: wire.TraceGoroutine{ID: g.id, Spawned: min(spawned, now), Start: now, End: -1}, created: g.created, parent: g.parent}
	if g.id == t.c.monitor.mainID() {
		tr.mainGorout, tr.g.Func = true, "main.main"
		if e := t.c.req.Entry; e != nil {
			// A process proc started runs its target on that goroutine.
			tr.g.Func = "main." + e.Target
		}
	}
	g.setTrace(tr)
}

// goEnd records that g, the calling goroutine, ended.
func (t *tracer) goEnd(g *gstate) {
	if t == nil {
		return
	}
	if tr := g.getTrace(); tr != nil {
		setEnd(&tr.g.End, t.now())
	}
}

// hook is the interpreter's Trace hook.
func (t *tracer) hook(pos token.Pos, ch uintptr, begin bool) {
	g := current()
	if g == nil {
		return
	}
	tr := g.getTrace()
	if tr == nil {
		return
	}
	w := t.site(tr, pos)
	if w == nil {
		return
	}
	if !begin {
		for k := len(tr.open) - 1; k >= 0; k-- {
			if tr.open[k].pos == pos {
				if i := tr.open[k].op; i >= 0 {
					setEnd(&tr.ops[i].End, t.now())
				}
				tr.open = tr.open[:k]
				break
			}
		}
		return
	}
	i := -1
	if t.count() <= maxTraceOps {
		now := t.now()
		file, line := t.c.place(w.file, w.Line)
		tr.ops = append(tr.ops, wire.TraceOp{G: g.id, Op: w.Op, What: w.What, Made: w.Made, File: file, Line: line, Start: now, End: -1, Chan: uint64(ch)})
		i = len(tr.ops) - 1
		raceDisable()
		if tr.fn.Load() == nil {
			fn := t.c.funcName(t.c.interp.FuncAt(pos))
			tr.fn.Store(&fn)
		}
		tr.count.Store(int64(len(tr.ops)))
		raceEnable()
	} else {
		tr.dropped++
	}
	tr.open = append(tr.open, openOp{pos, i})
}

// site says what the operation at pos is, or nil; each goroutine keeps
// what it has found out.
func (t *tracer) site(tr *gtrace, pos token.Pos) *traceSite {
	if w, ok := tr.sites[pos]; ok {
		return w
	}
	if tr.sites == nil {
		tr.sites = map[token.Pos]*traceSite{}
	}
	var w *traceSite
	name, pline, pcol := t.position(pos)
	file := strings.TrimPrefix(strings.TrimPrefix(name, "./"), progDir+"/")
	line, col := t.c.prog.Position(file, pline, pcol)
	if found, ok := t.c.prog.Waits[lower.Pos{File: file, Line: line, Col: col}]; ok {
		w = &traceSite{found, file}
	}
	tr.sites[pos] = w
	return w
}

// report is the trace as it stands. mainReturned says main has returned,
// which ends its goroutine.
func (t *tracer) report(mainReturned bool) *wire.Trace {
	now := t.now()
	main := t.c.monitor.mainID()
	out := &wire.Trace{End: now, Start: t.t0.UnixNano()}
	frames := map[int64]*wire.Frame{} // by the position of a go statement
	for _, tr := range traces() {
		raceDisable()
		n := int(tr.count.Load())
		fn := tr.fn.Load()
		raceEnable()
		g, ops, dropped, created, parent := readTrace(tr, n)
		if !tr.mainGorout && t.c.interp != nil {
			if _, seen := frames[created]; !seen {
				frames[created], _ = t.c.creation(gstate{id: -1, created: created, parent: 1}, main)
			}
			if f := frames[created]; f != nil {
				c := *f
				g.Created, g.Parent = &c, parent
				if parent == 0 {
					g.Parent = main
				}
			}
		}
		if fn != nil && g.Func == "" {
			g.Func = *fn
		}
		number := func(id int) int {
			if id == main {
				return 1
			}
			return id
		}
		g.ID, g.Parent = number(g.ID), number(g.Parent)
		if tr.mainGorout && mainReturned && g.End < 0 {
			g.End = now
		}
		if tr.mainGorout {
			g.Parent = 0
		}
		for i := range ops {
			ops[i].G = g.ID
		}
		out.Goroutines = append(out.Goroutines, g)
		out.Ops = append(out.Ops, ops...)
		out.Dropped += int(dropped)
	}
	sort.Slice(out.Goroutines, func(i, j int) bool { return out.Goroutines[i].Start < out.Goroutines[j].Start })
	sort.SliceStable(out.Ops, func(i, j int) bool { return out.Ops[i].Start < out.Ops[j].Start })
	raceDisable()
	t.racesMu.Lock()
	out.Races = t.readRaces()
	t.racesMu.Unlock()
	raceEnable()
	if len(out.Races) == 0 {
		out.Races = nil
	}
	return out
}

// traces lists the records of every goroutine, oldest first.
//
//go:norace
func traces() []*gtrace {
	var out []*gtrace
	for g := allG.Load(); g != nil; g = g.next {
		if g.trace != nil {
			out = append(out, g.trace)
		}
	}
	slices.Reverse(out)
	return out
}

// readTrace copies the first n operations of a record another goroutine
// may still be writing.
//
//go:norace
func readTrace(tr *gtrace, n int) (g wire.TraceGoroutine, ops []wire.TraceOp, dropped, created int64, parent int) {
	g = tr.g
	ops = make([]wire.TraceOp, n)
	src := tr.ops[:n:n]
	for i := range ops {
		ops[i] = src[i]
	}
	return g, ops, tr.dropped, tr.created, tr.parent
}

//go:norace
func setEnd(p *int64, v int64) { *p = v }
