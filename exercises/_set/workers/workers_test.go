package workers_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"workbook/proc"
	"workers"
)

// A test binary built with the race detector sleeps a second before it
// exits, and so does every process proc starts from it, unless GORACE says
// otherwise. Processes started from here inherit this environment.
func init() {
	os.Setenv("GORACE", strings.TrimSpace("atexit_sleep_ms=0 "+os.Getenv("GORACE")))
}

// patience is how long a test waits for worker processes before it says
// that something hangs. Two thousand numbers take about a second, on a
// busy machine three.
const patience = 6 * time.Second

// hung is set once a call of SumSquares has not returned: its processes
// are still waiting, and the tests after it fail at once.
var hung string

// sumSquares calls workers.SumSquares(nums, procs), and fails the test if
// it has not returned within patience.
func sumSquares(t *testing.T, nums []int, procs int) (workers.Report, error) {
	t.Helper()
	if hung != "" {
		t.Fatalf("not tried: an earlier call, %s, never returned (fix that first)", hung)
	}
	type result struct {
		rep workers.Report
		err error
	}
	done := make(chan result, 1)
	go func() {
		rep, err := workers.SumSquares(nums, procs)
		done <- result{rep, err}
	}()
	select {
	case r := <-done:
		return r.rep, r.err
	case <-time.After(patience):
		hung = fmt.Sprintf("SumSquares(%d numbers, %d)", len(nums), procs)
		t.Fatalf("%s had not returned after %v. Is every worker told to stop (one sentinel each)? "+
			"Are the results collected before the workers are joined? Can the jobs and the results both be on their way at once?", hung, patience)
		return workers.Report{}, nil
	}
}

// randomNums returns n numbers from -1000 to 1000, zeros and repeats
// included.
func randomNums(n int) []int {
	nums := make([]int, n)
	for i := range nums {
		nums[i] = rand.IntN(2001) - 1000
	}
	if n > 2 {
		nums[rand.IntN(n)] = 0
	}
	return nums
}

// checkReport checks the sum and that every number came back exactly
// once, squared.
func checkReport(t *testing.T, nums []int, procs int, rep workers.Report) {
	t.Helper()
	want := 0
	for _, n := range nums {
		want += n * n
	}
	call := fmt.Sprintf("SumSquares(%d numbers, %d)", len(nums), procs)
	if rep.Sum != want {
		t.Errorf("%s: Sum = %d; want %d", call, rep.Sum, want)
	}
	if len(rep.Results) != len(nums) {
		t.Fatalf("%s: %d Results; want one per number, %d: every number is handed to exactly one worker", call, len(rep.Results), len(nums))
	}
	got := make([]int, 0, len(nums))
	for _, r := range rep.Results {
		if r.Square != r.N*r.N {
			t.Fatalf("%s: Result %+v: Square is not N*N", call, r)
		}
		got = append(got, r.N)
	}
	wantNums := slices.Clone(nums)
	slices.Sort(got)
	slices.Sort(wantNums)
	if !slices.Equal(got, wantNums) {
		t.Fatalf("%s: the Results are for the numbers %v; want %v, each exactly once", call, got, wantNums)
	}
}

func TestWorker(t *testing.T) {
	jobs, results := proc.NewQueue(), proc.NewQueue()
	defer jobs.Close()
	defer results.Close()
	p, err := proc.Start(workers.Worker, jobs, results)
	if err != nil {
		t.Fatalf("proc.Start(Worker, jobs, results) = %v; want Worker to start in a new process", err)
	}
	nums := randomNums(8)
	for _, n := range nums {
		jobs.Put(workers.Job{N: n})
	}
	jobs.Put(workers.Job{Stop: true})

	got := make(chan string, 1)
	go func() {
		for range nums {
			var r workers.Result
			if err := results.Get(&r); err != nil {
				got <- err.Error()
				return
			}
			if r.Square != r.N*r.N || r.Pid != p.Pid() {
				got <- fmt.Sprintf("a Worker process with pid %d put %+v; want Square = N*N and Pid = the worker's own pid, os.Getpid()", p.Pid(), r)
				return
			}
		}
		p.Join()
		got <- ""
	}()
	select {
	case problem := <-got:
		if problem != "" {
			t.Fatal(problem)
		}
	case <-time.After(patience):
		t.Fatalf("a Worker process given %d jobs and then Job{Stop: true} had not put %d results and ended after %v: Worker returns when it gets the sentinel", len(nums), len(nums), patience)
	}
	if code := p.ExitCode(); code != 0 {
		t.Fatalf("a Worker process ended with exit code %d after the sentinel; want 0: Worker returns nil when it gets Job{Stop: true}", code)
	}
	// The worker has ended: whatever it put is in the queue, before this.
	results.Put(workers.Result{Pid: -1})
	var r workers.Result
	if results.Get(&r); r.Pid != -1 {
		t.Fatalf("a Worker process given %d jobs put more than %d results, for instance %+v: one Result per job", len(nums), len(nums), r)
	}
}

func TestSumSquares(t *testing.T) {
	for _, c := range []struct{ n, procs int }{{1, 1}, {10 + rand.IntN(40), 3}} {
		nums := randomNums(c.n)
		rep, err := sumSquares(t, nums, c.procs)
		if err != nil {
			t.Fatalf("SumSquares(%d numbers, %d) returned the error %v", c.n, c.procs, err)
		}
		checkReport(t, nums, c.procs, rep)
	}
}

func TestWorkersAreProcesses(t *testing.T) {
	nums := randomNums(40)
	rep, err := sumSquares(t, nums, 2)
	if err != nil {
		t.Fatalf("SumSquares(40 numbers, 2) returned the error %v", err)
	}
	if len(rep.Pids) != 2 {
		t.Fatalf("SumSquares(40 numbers, 2): Pids = %v; want the pids of the 2 worker processes it started", rep.Pids)
	}
	for _, pid := range rep.Pids {
		if pid <= 0 || pid == os.Getpid() {
			t.Fatalf("SumSquares(40 numbers, 2): Pids = %v, and this process is %d; want the pids of 2 new processes (p.Pid() after p.Start())", rep.Pids, os.Getpid())
		}
	}
	if rep.Pids[0] == rep.Pids[1] {
		t.Fatalf("SumSquares(40 numbers, 2): Pids = %v; want 2 different processes", rep.Pids)
	}
	for _, r := range rep.Results {
		if !slices.Contains(rep.Pids, r.Pid) {
			t.Fatalf("SumSquares(40 numbers, 2): Result %+v was computed by pid %d, which is not one of the workers %v (this process is %d): the workers square the numbers", r, r.Pid, rep.Pids, os.Getpid())
		}
	}
	checkReport(t, nums, 2, rep)
}

func TestEmptyNums(t *testing.T) {
	rep, err := sumSquares(t, []int{}, 2)
	if err != nil {
		t.Fatalf("SumSquares(no numbers, 2) returned the error %v; want a Sum of 0", err)
	}
	if rep.Sum != 0 || len(rep.Results) != 0 {
		t.Fatalf("SumSquares(no numbers, 2) = Sum %d, %d Results; want 0 and none", rep.Sum, len(rep.Results))
	}
}

func TestManyNumbers(t *testing.T) {
	nums := randomNums(2000 + rand.IntN(200)) // far more than the queues hold
	rep, err := sumSquares(t, nums, 2)
	if err != nil {
		t.Fatalf("SumSquares(%d numbers, 2) returned the error %v", len(nums), err)
	}
	checkReport(t, nums, 2, rep)
}

func TestInvalidProcs(t *testing.T) {
	for _, procs := range []int{0, -1 - rand.IntN(10)} {
		_, err := sumSquares(t, []int{1, 2, 3}, procs)
		if err == nil {
			t.Errorf("SumSquares([1 2 3], %d) returned no error; want one: it takes at least 1 worker process", procs)
		}
	}
}
