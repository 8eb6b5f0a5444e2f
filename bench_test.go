package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"workbook/exercises"
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

	command := func(name string, args ...string) func(b *testing.B) {
		return func(b *testing.B) {
			run := func() {
				out, err := exec.Command(name, args...).CombinedOutput()
				if err != nil || string(out) != "hello, world\n" {
					b.Fatalf("%s: %v: %q", name, err, out)
				}
			}
			run() // warm caches
			medianOf(b, run)
		}
	}
	b.Run("go-run", command("go", "run", hello))
	b.Run("workbook-run", command(workbook, "run", hello))

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
