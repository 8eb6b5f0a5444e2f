package runner_test

import (
	"strings"
	"testing"

	"workbook/runner"
)

// What grading needs of a run of tests: an external test package, hidden
// test files, each test's log and output, subtests, and which test was
// running when the run ended or raced.

const bankSource = `package bank

import (
	"fmt"
	"sync"
)

type Bank struct {
	mu sync.Mutex
	m  map[string]int
}

func New() *Bank { return &Bank{m: map[string]int{}} }

func (b *Bank) Deposit(name string, n int) {
	fmt.Println("deposit", name, n)
	b.mu.Lock()
	b.m[name] += n
	b.mu.Unlock()
}

func (b *Bank) Balance(name string) int {
	return b.m[name] // read without the lock
}

func (b *Bank) Broken() {
	var m map[string]int
	m["x"] = 1
}
`

const bankTests = `package bank_test

import (
	"bank"
	"sync"
	"testing"
)

func TestDeposit(t *testing.T) {
	b := bank.New()
	b.Deposit("ann", 5)
	if got := b.Balance("ann"); got != 5 {
		t.Fatalf("Balance = %d; want 5", got)
	}
	t.Log("deposited")
}

func TestWrong(t *testing.T) {
	t.Run("first", func(t *testing.T) {})
	t.Run("second", func(t *testing.T) {
		t.Errorf("Balance = %d; want %d", 1, 2)
	})
}

func TestBroken(t *testing.T) {
	bank.New().Broken()
}

func TestConcurrent(t *testing.T) {
	b := bank.New()
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			b.Deposit("bob", 1)
			b.Balance("bob")
		})
	}
	wg.Wait()
}

func TestAfter(t *testing.T) {}
`

func gradingRun(t *testing.T, race bool, src, tests string, count int) *runner.Result {
	t.Helper()
	res, err := runner.Run(t.Context(), runner.Program{
		Test:      true,
		TestCount: count,
		Files: []runner.File{
			{Name: "bank.go", Src: []byte(src)},
			{Name: "bank_test.go", Src: []byte(tests), Hidden: true},
		},
	}, runner.Options{Race: race})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func verdict(v runner.TestResult) string {
	switch {
	case v.Skipped:
		return "skip"
	case v.Passed:
		return "pass"
	}
	return "fail"
}

func TestGradingExternalHidden(t *testing.T) {
	res := gradingRun(t, false, bankSource, bankTests, 1)
	if res.Reason != runner.TestsFailed {
		t.Fatalf("Reason = %s (%s); want tests", res.Reason, res.Message)
	}
	got := map[string]runner.TestResult{}
	var order []string
	for _, v := range res.Tests {
		got[v.Name] = v
		order = append(order, v.Name+"="+verdict(v))
	}
	want := "TestDeposit=pass TestWrong/first=pass TestWrong/second=fail TestWrong=fail TestBroken=fail TestConcurrent=pass TestAfter=pass"
	if s := strings.Join(order, " "); s != want {
		t.Errorf("verdicts = %s\nwant       %s", s, want)
	}
	// The log leaves out the hidden file's lines; the output is what the
	// program printed while the test ran.
	if v := got["TestDeposit"]; v.Log != "deposited\n" || v.Output != "deposit ann 5\n" {
		t.Errorf("TestDeposit: Log %q, Output %q; want \"deposited\\n\", \"deposit ann 5\\n\"", v.Log, v.Output)
	}
	if v := got["TestWrong/second"]; v.Log != "Balance = 1; want 2\n" {
		t.Errorf("TestWrong/second: Log %q", v.Log)
	}
	// A panic's trace names the learner's line, and the hidden test as such.
	wantTrace := "panic: assignment to entry in nil map\nbank.(*Bank).Broken(...)\n\tbank.go:28\nbank.TestBroken(...)\n\thidden test\n"
	if v := got["TestBroken"]; v.Log != wantTrace {
		t.Errorf("TestBroken: Log %q; want %q", v.Log, wantTrace)
	}
	if len(res.Running) != 0 {
		t.Errorf("Running = %q; want none", res.Running)
	}
}

func TestGradingHiddenCompileError(t *testing.T) {
	res := gradingRun(t, false, strings.Replace(bankSource, "func (b *Bank) Broken()", "func (b *Bank) broken()", 1), bankTests, 1)
	if res.Reason != runner.CompileError || len(res.Diagnostics) != 1 {
		t.Fatalf("Reason = %s, %+v; want one compile error", res.Reason, res.Diagnostics)
	}
	d := res.Diagnostics[0]
	if d.File != "hidden test" || d.Line != 0 || d.Column != 0 || !strings.Contains(d.Message, "Broken") {
		t.Errorf("diagnostic = %+v; want it in the hidden test, without a line", d)
	}
}

// A race is told with the test that was running, and fails it, as go test
// -race fails it; the run is both raced and failed.
func TestGradingRace(t *testing.T) {
	res := gradingRun(t, true, bankSource, bankTests, 1)
	if len(res.Races) == 0 {
		t.Fatalf("no race reported; %s", res.Message)
	}
	for _, r := range res.Races {
		if r.Test != "TestConcurrent" {
			t.Errorf("race told for test %q; want TestConcurrent:\n%s", r.Test, r.Report)
		}
		if strings.Contains(r.Report, "bank_test.go") {
			t.Errorf("race report names the hidden file:\n%s", r.Report)
		}
	}
	for _, v := range res.Tests {
		if v.Name == "TestConcurrent" && v.Passed {
			t.Errorf("TestConcurrent passed with a race")
		}
		if v.Name == "TestAfter" && !v.Passed {
			t.Errorf("TestAfter failed: the race was before it")
		}
	}
	if res.Reason != runner.TestsFailed || !strings.Contains(res.Message, "race") {
		t.Errorf("Reason, Message = %s, %q; want tests failed, with races", res.Reason, res.Message)
	}
}

// The run ends in a test: a panic in a goroutine, a deadlock, os.Exit.
func TestGradingRunning(t *testing.T) {
	tests := []struct {
		name, body string
		reason     runner.Reason
	}{
		{"goroutine panic", "done := make(chan bool)\n\tgo func() { panic(\"boom\") }()\n\t<-done", runner.Panicked},
		{"deadlock", "var mu sync.Mutex\n\tmu.Lock()\n\tmu.Lock()", runner.Deadlocked},
		{"exit 3", "os.Exit(3)", runner.Exited},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "package ends_test\n\nimport (\n\t\"os\"\n\t\"sync\"\n\t\"testing\"\n)\n\nvar _, _ = os.Exit, sync.NewCond\n\n" +
				"func TestFirst(t *testing.T) {}\n\nfunc TestEnds(t *testing.T) {\n\tt.Run(\"inner\", func(t *testing.T) {\n\t" + tt.body + "\n\t})\n}\n\nfunc TestNever(t *testing.T) {}\n"
			res, err := runner.Run(t.Context(), runner.Program{Test: true, Files: []runner.File{
				{Name: "ends.go", Src: []byte("package ends\n")},
				{Name: "ends_test.go", Src: []byte(src), Hidden: true},
			}}, runner.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if res.Reason != tt.reason {
				t.Errorf("Reason = %s (%s); want %s", res.Reason, res.Message, tt.reason)
			}
			if got := strings.Join(res.Running, ","); got != "TestEnds,TestEnds/inner" {
				t.Errorf("Running = %q; want TestEnds,TestEnds/inner", got)
			}
			if len(res.Tests) != 1 || res.Tests[0].Name != "TestFirst" {
				t.Errorf("Tests = %+v; want TestFirst only", res.Tests)
			}
			switch {
			case res.Panic != nil && res.Panic.Test != "TestEnds/inner":
				t.Errorf("Panic.Test = %q; want TestEnds/inner", res.Panic.Test)
			case res.Deadlock != nil && res.Deadlock.Test != "TestEnds/inner":
				t.Errorf("Deadlock.Test = %q; want TestEnds/inner", res.Deadlock.Test)
			}
		})
	}
}

// os.Exit(0) in a test fails it, as go test has it since Go 1.16; each
// test runs count times.
func TestGradingExitZeroAndCount(t *testing.T) {
	src := "package z_test\n\nimport (\n\t\"os\"\n\t\"testing\"\n)\n\nfunc TestExit(t *testing.T) { os.Exit(0) }\n\nfunc TestOK(t *testing.T) {}\n"
	res, err := runner.Run(t.Context(), runner.Program{Test: true, TestCount: 3, Files: []runner.File{
		{Name: "z.go", Src: []byte("package z\n")},
		{Name: "z_test.go", Src: []byte(src)},
	}}, runner.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range res.Tests {
		got = append(got, v.Name+"="+verdict(v))
	}
	want := "TestExit=fail TestOK=pass TestExit=fail TestOK=pass TestExit=fail TestOK=pass"
	if strings.Join(got, " ") != want {
		t.Errorf("verdicts = %s; want %s", strings.Join(got, " "), want)
	}
	if res.Tests[0].Log == "" || !strings.Contains(res.Tests[0].Log, "unexpected call to os.Exit(0) during test") {
		t.Errorf("TestExit's log = %q; want the unexpected os.Exit", res.Tests[0].Log)
	}
}

// A test may start processes with workbook/proc.
func TestGradingProc(t *testing.T) {
	src := `package sq

import "workbook/proc"

func Worker(n int, q *proc.Queue) { q.Put(n * n) }

func Square(n int) int {
	q := proc.NewQueue()
	p, err := proc.Start(Worker, n, q)
	if err != nil {
		panic(err)
	}
	var got int
	q.Get(&got)
	p.Join()
	return got
}
`
	tests := "package sq_test\n\nimport (\n\t\"sq\"\n\t\"testing\"\n)\n\nfunc TestSquare(t *testing.T) {\n\tif got := sq.Square(7); got != 49 {\n\t\tt.Fatalf(\"Square(7) = %d\", got)\n\t}\n}\n"
	res, err := runner.Run(t.Context(), runner.Program{Test: true, Files: []runner.File{
		{Name: "sq.go", Src: []byte(src)},
		{Name: "sq_test.go", Src: []byte(tests), Hidden: true},
	}}, runner.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Reason != runner.Exited || res.Code != 0 || len(res.Tests) != 1 || !res.Tests[0].Passed {
		t.Errorf("Reason %s (%s), tests %+v; want one passing test", res.Reason, res.Message, res.Tests)
	}
}

// Two tests that race the same way are both told: the race detector must
// not take the second race for the first (interpreted code races in the
// same functions of the interpreter every time).
func TestGradingRaceEachTest(t *testing.T) {
	src := "package twice\n\ntype C struct{ n int }\n\nfunc (c *C) Inc() { c.n++ }\n"
	tests := `package twice_test

import (
	"sync"
	"testing"
	"twice"
)

func race() {
	var c twice.C
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(c.Inc)
	}
	wg.Wait()
}

func TestOne(t *testing.T) { race() }

func TestTwo(t *testing.T) { race() }
`
	res, err := runner.Run(t.Context(), runner.Program{Test: true, Files: []runner.File{
		{Name: "twice.go", Src: []byte(src)}, {Name: "twice_test.go", Src: []byte(tests), Hidden: true},
	}}, runner.Options{Race: true})
	if err != nil {
		t.Fatal(err)
	}
	raced := map[string]bool{}
	for _, r := range res.Races {
		raced[r.Test] = true
	}
	for _, v := range res.Tests {
		if v.Passed || !raced[v.Name] {
			t.Errorf("%s: passed %v, race told %v; want a race and a failure", v.Name, v.Passed, raced[v.Name])
		}
	}
}
