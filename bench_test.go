package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"workbook/exercises"
	"workbook/lessons"
	"workbook/runner"
)

const helloSource = `package main

import "fmt"

func main() {
	fmt.Println("hello, world")
}
`

// BenchmarkHello measures, side by side in one run, how long a hello-world
// program takes from command to exit: with go run on a warm build cache,
// with workbook run, and through the runner API (with and without the race
// detector). Each reports the median of its runs (median-ms), which the
// README's figures are; the runner API also reports the child's peak
// resident memory (child-MiB).
//
//	go test -run '^$' -bench Hello -benchtime 40x .
func BenchmarkHello(b *testing.B) {
	dir := b.TempDir()
	hello := filepath.Join(dir, "hello.go")
	if err := os.WriteFile(hello, []byte(helloSource), 0o644); err != nil {
		b.Fatal(err)
	}
	workbook := filepath.Join(dir, "workbook")
	if out, err := exec.Command("go", "build", "-o", workbook, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}

	compiled := filepath.Join(dir, "hello")
	if out, err := exec.Command("go", "build", "-o", compiled, hello).CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}

	command := func(want string, name string, args ...string) func(b *testing.B) {
		return func(b *testing.B) {
			run := func() {
				out, err := exec.Command(name, args...).CombinedOutput()
				if err != nil || !strings.HasPrefix(string(out), want) {
					b.Fatalf("%s: %v: %q", name, err, out)
				}
			}
			run() // warm caches
			medianOf(b, run)
		}
	}
	b.Run("go-run", command("hello, world\n", "go", "run", hello))
	b.Run("workbook-run", command("hello, world\n", workbook, "run", hello))
	// What any run pays before it does anything: starting a process of a
	// compiled hello world, and of the workbook binary (which a
	// workbook run starts twice: itself, and its sandbox child).
	b.Run("start-hello-binary", command("hello, world\n", compiled))
	b.Run("start-workbook", command("workbook is", workbook, "-h"))

	api := func(race bool, pool *runner.Pool) func(b *testing.B) {
		return func(b *testing.B) {
			var rss int64
			runFunc := runner.Run
			if pool != nil {
				runFunc = pool.Run
			}
			run := func() {
				res, err := runFunc(context.Background(), runner.Program{Files: []runner.File{{Name: "hello.go", Src: []byte(helloSource)}}}, runner.Options{Race: race})
				if err != nil || res.Code != 0 {
					b.Fatalf("runner.Run: %v %+v", err, res)
				}
				rss = max(rss, res.MaxRSS)
			}
			run()
			medianOf(b, run)
			b.ReportMetric(float64(rss)/(1<<20), "child-MiB")
		}
	}
	b.Run("runner-api", api(false, nil))
	b.Run("runner-api-race", api(true, nil))
	// A pool keeps a child ready; the pause between runs stands for the
	// time a learner takes to press Run again, in which it gets one ready:
	// 200 ms, shorter than any learner's, and longer than a race-enabled
	// child takes to start and warm up (about 90 ms on a small machine).
	pool := runner.NewPool(1)
	defer pool.Close()
	pooled := func(race bool) func(b *testing.B) {
		inner := api(race, pool)
		return func(b *testing.B) {
			pause = 200 * time.Millisecond
			defer func() { pause = 0 }()
			inner(b)
		}
	}
	b.Run("runner-pool", pooled(false))
	b.Run("runner-pool-race", pooled(true))
}

// pause is slept, untimed, before each run.
var pause time.Duration

// medianOf runs f b.N times and reports the median duration in
// milliseconds.
func medianOf(b *testing.B, f func()) {
	b.Helper()
	times := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if pause > 0 {
			b.StopTimer()
			time.Sleep(pause)
			b.StartTimer()
		}
		start := time.Now()
		f()
		times = append(times, time.Since(start))
	}
	b.StopTimer()
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "median-ms")
}

// BenchmarkCheck measures grading, side by side in one run, and reports
// medians (median-ms):
//
//   - fresh: workbook check of a fresh workspace, every exercise's starter,
//     from the command to its exit;
//   - contracted-builtin and contracted-go: the six exercises with a fixed
//     contract, their reference solutions, graded one after another by
//     each engine (the go engine on a warm build cache);
//   - watch: the verdict on one exercise (counter's solution) from a
//     grader with a warm child, as workbook watch gives it after a save.
//
// Run it with:
//
//	go test -run '^$' -bench Check -benchtime 5x .
func BenchmarkCheck(b *testing.B) {
	dir := b.TempDir()
	workbook := filepath.Join(dir, "workbook")
	if out, err := exec.Command("go", "build", "-o", workbook, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	ws := filepath.Join(dir, "ws")
	if out, err := exec.Command(workbook, "init", ws).CombinedOutput(); err != nil {
		b.Fatalf("workbook init: %v\n%s", err, out)
	}
	b.Run("fresh", func(b *testing.B) {
		check := func() {
			cmd := exec.Command(workbook, "check", "--dir", ws)
			out, err := cmd.CombinedOutput()
			if cmd.ProcessState == nil || cmd.ProcessState.ExitCode() != 1 {
				b.Fatalf("workbook check of the starters: %v (want exit status 1)\n%s", err, out)
			}
		}
		check() // the race-enabled child is built once
		medianOf(b, check)
	})

	set, err := exercises.Load(exercises.Builtin)
	if err != nil {
		b.Fatal(err)
	}
	contracted := []string{"counter", "bank", "cache", "pipeline", "loop", "gather"}
	pool := runner.NewPool(1)
	defer pool.Close()
	grade := func(g *exercises.Grader, names ...string) func() {
		return func() {
			for _, name := range names {
				e, _ := set.Lookup(name)
				files, _ := e.Solutions()
				r, err := g.Grade(context.Background(), e, files)
				if err != nil || !r.Passed() {
					b.Fatalf("%s: %v %+v", name, err, r)
				}
			}
		}
	}
	engine := func(name string) func(b *testing.B) {
		return func(b *testing.B) {
			g, err := newGrader(name, "en", pool)
			if err != nil {
				b.Fatal(err)
			}
			run := grade(g, contracted...)
			run() // warm caches
			medianOf(b, run)
		}
	}
	b.Run("contracted-builtin", engine("builtin"))
	b.Run("contracted-go", engine("go"))
	b.Run("watch", func(b *testing.B) {
		g, _ := newGrader("builtin", "en", pool)
		run := grade(g, "counter")
		run()
		pause = 300 * time.Millisecond // a learner's pause between saves
		defer func() { pause = 0 }()
		medianOf(b, run)
	})
}

// BenchmarkTraceCost measures what the timeline costs: every runnable
// snippet of the English lessons is run with and without the trace, the
// two one after the other so that both meet the same machine, and the
// ratio of their medians is taken. It reports the largest ratio
// (max-ratio, the goal is at most 2), the median of the ratios, and the
// snippet with the largest. Snippets that end at a limit are left out: a
// limit ends them, not their work.
//
//	go test -run '^$' -bench TraceCost -benchtime 5x . [-args -snippets goroutines.md]
func BenchmarkTraceCost(b *testing.B) {
	book, err := lessons.Load(lessons.Files)
	if err != nil {
		b.Fatal(err)
	}
	type result struct {
		where string
		ratio float64
	}
	var results []result
	pool := runner.NewPool(1)
	defer pool.Close()
	for _, l := range book.Lessons("en") {
		for _, s := range l.Snippets {
			where := fmt.Sprintf("%s:%d", l.Path(), s.Line)
			if !s.Run || s.Want == string(runner.Limited) || !strings.Contains(where, *snippets) {
				continue
			}
			prog := runner.Program{Files: []runner.File{{Name: "main.go", Src: []byte(s.Code)}}}
			run := func(trace bool) time.Duration {
				start := time.Now()
				_, err := pool.Run(context.Background(), prog, runner.Options{Race: s.Race, Trace: trace})
				if err != nil {
					b.Fatalf("%s:%d: %v", l.Path(), s.Line, err)
				}
				return time.Since(start)
			}
			run(true) // warm caches
			var plain, traced []time.Duration
			for i := 0; i < b.N; i++ {
				plain = append(plain, run(false))
				traced = append(traced, run(true))
			}
			results = append(results, result{where, float64(median(traced)) / float64(median(plain))})
		}
	}
	sort.Slice(results, func(i, j int) bool { return results[i].ratio < results[j].ratio })
	worst := results[len(results)-1]
	b.ReportMetric(worst.ratio, "max-ratio")
	b.ReportMetric(results[len(results)/2].ratio, "median-ratio")
	b.ReportMetric(float64(len(results)), "snippets")
	b.Logf("largest: %s, %.2f×", worst.where, worst.ratio)
	for _, r := range results[max(0, len(results)-5):] {
		b.Logf("  %s %.2f×", r.where, r.ratio)
	}
}

// snippets picks the snippets BenchmarkTraceCost runs: those whose
// "lesson:line" has it.
var snippets = flag.String("snippets", "", "BenchmarkTraceCost: only the snippets whose lesson:line contains this")

// median is the middle of d, which it sorts.
func median(d []time.Duration) time.Duration {
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	return d[len(d)/2]
}
