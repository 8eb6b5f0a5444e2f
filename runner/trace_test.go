package runner_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"workbook/runner"
)

// traceOf runs testdata/trace/name with the trace on.
func traceOf(t *testing.T, name string) (*runner.Result, *runner.Trace) {
	t.Helper()
	return traceWith(t, name, runner.Options{Trace: true})
}

func traceWith(t *testing.T, name string, opts runner.Options) (*runner.Result, *runner.Trace) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", "trace", name))
	if err != nil {
		t.Fatal(err)
	}
	res, out := runFiles(t, opts, runner.File{Name: name, Src: src})
	if res.Trace == nil {
		t.Fatalf("no trace: %s %s\n%s", res.Reason, res.Message, out.all.String())
	}
	if ev := out.events[len(out.events)-2]; ev.Kind != runner.KindTrace || ev.Trace != res.Trace {
		t.Errorf("the event before exit is %s; want the trace", ev.Kind)
	}
	return res, res.Trace
}

// ops lists what goroutine g did, as "op what:line".
func ops(tr *runner.Trace, g int) []string {
	var out []string
	for _, s := range tr.Spans {
		if s.G == g {
			out = append(out, fmt.Sprintf("%s %s:%d", s.Op, s.What, s.Line))
		}
	}
	return out
}

// others returns the goroutines but main, in the order they started.
func others(tr *runner.Trace) []runner.TraceGoroutine {
	var out []runner.TraceGoroutine
	for _, g := range tr.Goroutines {
		if g.ID != 1 {
			out = append(out, g)
		}
	}
	return out
}

func TestTracePingPong(t *testing.T) {
	_, tr := traceOf(t, "pingpong.go")
	if len(tr.Goroutines) != 2 || tr.Goroutines[0].ID != 1 {
		t.Fatalf("goroutines %+v; want main and one more", tr.Goroutines)
	}
	g := others(tr)[0]
	if g.Parent != 1 || g.Created == nil || g.Created.Line != 8 || g.Func != "main.main.func1" {
		t.Errorf("the goroutine is %+v; want main.main.func1, started by main at line 8", g)
	}
	want := strings.Repeat("send ping:15,receive pong:16,", 3)
	if got := strings.Join(ops(tr, 1), ",") + ","; got != want {
		t.Errorf("main did %s; want %s", got, want)
	}
	want = strings.Repeat("range ping:9,send pong:10,", 3)
	if got := strings.Join(ops(tr, g.ID), ",") + ","; !strings.HasPrefix(got, want) {
		t.Errorf("the goroutine did %s; want %s", got, want)
	}
	// Every wait that blocked and ended was ended by the other goroutine,
	// on the same channel: the hand-offs go back and forth.
	handed := map[int]runner.HandOff{}
	for _, h := range tr.HandOffs {
		handed[h.ToSpan] = h
		from, to := tr.Spans[h.FromSpan], tr.Spans[h.ToSpan]
		if h.From == h.To || from.What != to.What || from.G != h.From || to.G != h.To {
			t.Errorf("hand-off %+v: from %+v to %+v", h, from, to)
		}
	}
	// (The goroutine's last range ends when main closes ping: no hand-off.)
	last := -1
	for i, s := range tr.Spans {
		if s.G == g.ID {
			last = i
		}
	}
	for i, s := range tr.Spans {
		if s.Blocked && s.End >= 0 && i != last {
			if _, ok := handed[i]; !ok {
				t.Errorf("span %d (%+v) blocked, and nothing handed it over", i, s)
			}
		}
	}
	if len(tr.HandOffs) == 0 {
		t.Error("no hand-offs in a ping-pong")
	}
}

func TestTracePipeline(t *testing.T) {
	_, tr := traceOf(t, "pipeline.go")
	gs := others(tr)
	if len(tr.Goroutines) != 5 || len(gs) != 4 {
		t.Fatalf("%d goroutines; want main, the generator and 3 stages", len(tr.Goroutines))
	}
	// Each stage receives from the channel before it and sends on the one
	// after: follow the channels from the generator's to main's.
	in, out := map[uint64]int{}, map[int]uint64{} // channel -> stage reading it; stage -> channel it writes
	var source uint64
	for _, g := range gs {
		for _, s := range tr.Spans {
			switch {
			case s.G != g.ID:
			case s.Op == "send" && s.What == "source":
				source = s.Chan
			case s.Op == "range" && s.What == "in" && s.Line == 9:
				in[s.Chan] = g.ID
			case s.Op == "send" && s.What == "out" && s.Line == 10:
				out[g.ID] = s.Chan
			default:
				t.Errorf("goroutine %d: %+v", g.ID, s)
			}
		}
		if g.Func != "main.stage" && g.Func != "main.main.func1" {
			t.Errorf("goroutine %d runs %q", g.ID, g.Func)
		}
	}
	ch, stages := source, 0
	for ch != 0 && stages < 5 {
		g, ok := in[ch]
		if !ok {
			break
		}
		stages++
		ch = out[g]
	}
	if stages != 3 {
		t.Errorf("the channels chain %d stages from the generator; want 3 (in %v, out %v)", stages, in, out)
	}
	for _, s := range tr.Spans {
		if s.G == 1 && (s.Op != "range" || s.What != "c" || s.Line != 30 || s.Chan != ch) {
			t.Errorf("main: %+v; want a range over the last stage's channel c at line 30", s)
		}
	}
}

func TestTraceConvoy(t *testing.T) {
	_, tr := traceOf(t, "convoy.go")
	handed := map[int]bool{}
	for _, h := range tr.HandOffs {
		from, to := tr.Spans[h.FromSpan], tr.Spans[h.ToSpan]
		if to.Op == "lock" {
			handed[h.ToSpan] = true
			if from.Op != "unlock" || from.What != "mu" || to.What != "mu" || from.Line != 24 || to.Line != 21 {
				t.Errorf("hand-off %+v: %+v -> %+v; want mu.Unlock() at 24 -> mu.Lock() at 21", h, from, to)
			}
		}
	}
	// Every long wait in Lock ended with another goroutine's Unlock; with
	// four goroutines holding the lock 3ms each, most of them waited. (A
	// Lock that found the mutex free can still take a millisecond or two
	// to return on a busy machine, waiting for a thread: not a wait for
	// an Unlock.)
	for i, s := range tr.Spans {
		if s.Op == "lock" && s.End-s.Start > 2.5 && !handed[i] {
			t.Errorf("a wait in Lock that no Unlock ended: %+v", s)
		}
	}
	if len(handed) < 2 {
		t.Errorf("%d unlock -> lock hand-offs; want at least 2\n%v", len(handed), tr.HandOffs)
	}
	sleeps := 0
	for _, s := range tr.Spans {
		if s.Op == "sleep" {
			sleeps++
			if !s.Blocked || s.What != "time.Sleep(3 * time.Millisecond)" || s.Line != 23 {
				t.Errorf("sleep %+v", s)
			}
		}
	}
	if sleeps != 4 {
		t.Errorf("%d sleeps; want 4", sleeps)
	}
	if got := ops(tr, 1); !slices.Equal(got, []string{"wait wg:28"}) {
		t.Errorf("main did %v; want wg.Wait() at 28", got)
	}
}

func TestTraceDeadlock(t *testing.T) {
	res, tr := traceOf(t, "deadlock.go")
	if res.Reason != runner.Deadlocked {
		t.Fatalf("%s; want a deadlock", res.Reason)
	}
	stuck := map[int]string{}
	for _, s := range tr.Spans {
		if s.End < 0 {
			if !s.Blocked {
				t.Errorf("span %+v never returned but is not blocked", s)
			}
			stuck[s.G] = fmt.Sprintf("%s %s:%d", s.Op, s.What, s.Line)
		}
	}
	worker := others(tr)[0].ID
	want := map[int]string{1: "wait wg:18", worker: "receive jobs:15"}
	if fmt.Sprint(stuck) != fmt.Sprint(want) {
		t.Errorf("stuck at %v; want %v", stuck, want)
	}
	for _, g := range tr.Goroutines {
		if g.End >= 0 {
			t.Errorf("goroutine %d ended at %v in a deadlock", g.ID, g.End)
		}
	}
}

// A run without Trace has none, and costs nothing more.
func TestNoTrace(t *testing.T) {
	src, _ := os.ReadFile(filepath.Join("testdata", "trace", "pingpong.go"))
	res, out := runFiles(t, runner.Options{}, runner.File{Name: "main.go", Src: src})
	if res.Trace != nil {
		t.Error("a trace without Options.Trace")
	}
	for _, e := range out.events {
		if e.Kind == runner.KindTrace {
			t.Error("a trace event without Options.Trace")
		}
	}
}

// TestTraceRace: a race is placed in time, after the sleep of the second
// goroutine, whose access raced with the first's.
func TestTraceRace(t *testing.T) {
	res, tr := traceWith(t, "race.go", runner.Options{Trace: true, Race: true})
	if len(res.Races) == 0 || len(tr.Races) != len(res.Races) {
		t.Fatalf("%d races in the result, %d in the trace; want the same, at least one", len(res.Races), len(tr.Races))
	}
	r := tr.Races[0]
	if r.Variable != "count" {
		t.Errorf("the race is on %q; want count", r.Variable)
	}
	if r.At < 20 || r.At > tr.End {
		t.Errorf("the race is at %.2f ms; want after the 20 ms sleep, before the end (%.2f ms)", r.At, tr.End)
	}
	// The two goroutines that raced, as the trace numbers them: the one
	// that slept (started second, the later access) and the first.
	g := others(tr)
	if len(g) != 2 {
		t.Fatalf("%d goroutines besides main; want 2", len(g))
	}
	if want := []int{g[1].ID, g[0].ID}; !slices.Equal(r.Goroutines, want) {
		t.Errorf("the race joins goroutines %v; want %v", r.Goroutines, want)
	}
	for i, a := range res.Races[0].Accesses {
		if a.Goroutine != r.Goroutines[i] {
			t.Errorf("access %d of the race is by goroutine %d; the trace says %d", i, a.Goroutine, r.Goroutines[i])
		}
	}
	if !strings.Contains(res.Races[0].Report, fmt.Sprintf("by goroutine %d:", g[1].ID)) {
		t.Errorf("the report does not name goroutine %d:\n%s", g[1].ID, res.Races[0].Report)
	}
}

// TestTraceProcesses: the processes a program starts have timelines of
// their own, in the run's clock, inside the main process's life.
func TestTraceProcesses(t *testing.T) {
	_, tr := traceOf(t, "procs.go")
	if len(tr.Processes) != 2 {
		t.Fatalf("%d processes in the trace; want 2", len(tr.Processes))
	}
	for _, p := range tr.Processes {
		if p.Target != "worker" || p.Pid == 0 || p.Trace.Goroutines[0].Func != "main.worker" {
			t.Errorf("process %d runs %q; want worker", p.Pid, p.Target)
		}
		if p.Trace.Start() < 0 || p.Trace.End > tr.End {
			t.Errorf("process %d lives from %.2f to %.2f ms; want inside main's 0 to %.2f", p.Pid, p.Trace.Start(), p.Trace.End, tr.End)
		}
		got := ops(p.Trace, 1)
		want := []string{"proc jobs.Get(&n):12", "sleep time.Sleep(20 * time.Millisecond):13"}
		if len(got) < 2 || !slices.Equal(got[:2], want) {
			t.Errorf("process %d did %q; want to begin with %q", p.Pid, got, want)
		}
	}
}

// TestTraceReady: the trace says when a goroutine was ready to run and
// waited for a thread: between its go statement and its first run, and
// between the hand-off that woke it and its next run. On one thread, main
// computes after it starts three goroutines that compute too: the one that
// runs last waited for the thread, for at least one turn of the
// scheduler; and a woken receiver waits until the sender blocks.
func TestTraceReady(t *testing.T) {
	_, tr := traceOf(t, "ready.go")
	spinners := others(tr)
	if len(spinners) < 3 {
		t.Fatalf("%d goroutines besides main; want 4", len(spinners))
	}
	longest := 0.0
	for _, g := range spinners {
		if g.Spawned > g.Start || g.Spawned <= 0 {
			t.Errorf("goroutine %d: spawned at %.3f, started at %.3f", g.ID, g.Spawned, g.Start)
		}
		longest = max(longest, g.Start-g.Spawned)
	}
	if longest < 2 {
		t.Errorf("no goroutine waited 2 ms for the thread before it ran (the longest %.3f ms); main and three goroutines compute 30 ms each, on one thread", longest)
	}
	if len(tr.HandOffs) == 0 {
		t.Fatal("no hand-offs in the ping-pong")
	}
	late := 0
	for _, h := range tr.HandOffs {
		to := tr.Spans[h.ToSpan]
		if h.Woken < to.Start || h.Woken > h.At {
			t.Errorf("hand-off to %d woken at %.3f, outside its wait %.3f-%.3f", h.To, h.Woken, to.Start, h.At)
		}
		if h.At > h.Woken {
			late++
		}
	}
	if late == 0 {
		t.Errorf("no woken goroutine waited to run again: %+v", tr.HandOffs)
	}
}
