package runner_test

import (
	"strings"
	"testing"

	"workbook/runner"
)

const counterSource = `package counter

import "sync"

// Counter counts, safely from many goroutines.
type Counter struct {
	mu sync.Mutex
	n  int
}

func (c *Counter) Inc() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}

func (c *Counter) Value() int { return c.n }
`

const counterTests = `package counter

import (
	"sync"
	"testing"
)

func TestSequential(t *testing.T) {
	var c Counter
	c.Inc()
	c.Inc()
	if got := c.Value(); got != 2 {
		t.Errorf("Value() = %d; want 2", got)
	}
}

func TestConcurrent(t *testing.T) {
	var c Counter
	var wg sync.WaitGroup
	for range 50 {
		wg.Go(c.Inc)
	}
	wg.Wait()
	if got := c.Value(); got != 50 {
		t.Fatalf("Value() = %d; want 50", got)
	}
}

func TestFails(t *testing.T) {
	t.Run("sub", func(t *testing.T) {
		t.Errorf("wanted %d", 3)
	})
}

func TestPanics(t *testing.T) {
	var m map[string]int
	m["x"] = 1
}

func TestSkipped(t *testing.T) {
	t.Skip("not today")
}
`

// TestPackageTests runs a package's tests: each verdict is reported, the
// output is the testing package's, located at the program's lines.
func TestPackageTests(t *testing.T) {
	res, out := runTests(t, "counter", counterSource, counterTests)
	if res.Reason != runner.TestsFailed || res.Code != 1 {
		t.Errorf("Reason, Code = %s, %d; want tests, 1\n%s", res.Reason, res.Code, out.all.String())
	}
	verdicts := map[string]string{}
	for _, v := range res.Tests {
		switch {
		case v.Skipped:
			verdicts[v.Name] = "skip"
		case v.Passed:
			verdicts[v.Name] = "pass"
		default:
			verdicts[v.Name] = "fail"
		}
	}
	want := map[string]string{"TestSequential": "pass", "TestConcurrent": "pass", "TestFails": "fail", "TestPanics": "fail", "TestSkipped": "skip"}
	for name, v := range want {
		if verdicts[name] != v {
			t.Errorf("%s: %s; want %s", name, verdicts[name], v)
		}
	}
	// The output is go test's, without -v: what failed, and why.
	for _, s := range []string{"--- FAIL: TestFails/sub", "counter_test.go:31: wanted 3", "panic: assignment to entry in nil map", "counter_test.go:37", "FAIL"} {
		if !strings.Contains(out.all.String(), s) {
			t.Errorf("output does not contain %q:\n%s", s, out.all.String())
		}
	}
	// Each test's log is recorded, subtests' too.
	logs := map[string]string{}
	for _, v := range res.Tests {
		logs[v.Name] = v.Log
	}
	for name, want := range map[string]string{
		"TestFails/sub": "counter_test.go:31: wanted 3\n",
		"TestPanics":    "panic: assignment to entry in nil map\ncounter.TestPanics(...)\n\tcounter_test.go:37\n",
		"TestSkipped":   "counter_test.go:41: not today\n",
	} {
		if logs[name] != want {
			t.Errorf("%s: Log = %q; want %q", name, logs[name], want)
		}
	}

	// -run selects tests.
	res, err := runner.Run(t.Context(), runner.Program{
		Test: true, TestRun: "Sequential|Concurrent",
		Files: []runner.File{{Name: "counter.go", Src: []byte(counterSource)}, {Name: "counter_test.go", Src: []byte(counterTests)}},
	}, runner.Options{Race: false})
	if err != nil {
		t.Fatal(err)
	}
	if res.Code != 0 || len(res.Tests) != 2 {
		t.Errorf("with -run: code %d, %d tests; want 0, 2", res.Code, len(res.Tests))
	}
}

// TestTestLogPrints: t.Log and t.Errorf print as fmt does, String and
// Error methods of the program's types included, at the line of the call
// (not of a String method the formatting ran).
func TestTestLogPrints(t *testing.T) {
	src := `package shop

import "fmt"

type Temp struct{ C float64 }

func (t Temp) String() string { return fmt.Sprintf("%.1f°C", t.C) }

type code int

func (c code) Error() string { return "code error" }
`
	tests := `package shop

import "testing"

func TestPrint(t *testing.T) {
	var held any = Temp{3}
	t.Logf("%v %v %v", Temp{1}, []Temp{{2}}, held)
	t.Log(Temp{4}, code(5))
	t.Errorf("got %v, want %s", code(6), Temp{7})
}
`
	res, out := runTests(t, "shop", src, tests)
	want := "shop_test.go:7: 1.0°C [2.0°C] 3.0°C\nshop_test.go:8: 4.0°C code error\nshop_test.go:9: got code error, want 7.0°C\n"
	if len(res.Tests) != 1 || res.Tests[0].Log != want {
		t.Errorf("Tests = %+v; want one with Log %q", res.Tests, want)
	}
	if !strings.Contains(out.all.String(), "    shop_test.go:9: got code error, want 7.0°C\n") {
		t.Errorf("output does not hold the failed test's log:\n%s", out.all.String())
	}
}

// runTests runs the tests of a package of one file, name.go, and its test
// file, name_test.go, and returns the result and what the run printed.
func runTests(t *testing.T, name, src, tests string) (*runner.Result, *output) {
	t.Helper()
	out := &output{}
	res, err := runner.Run(t.Context(), runner.Program{
		Test:  true,
		Files: []runner.File{{Name: name + ".go", Src: []byte(src)}, {Name: name + "_test.go", Src: []byte(tests)}},
	}, runner.Options{Events: out.event})
	if err != nil {
		t.Fatal(err)
	}
	return res, out
}
