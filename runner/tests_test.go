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
	out := &output{}
	res, err := runner.Run(t.Context(), runner.Program{
		Test:  true,
		Files: []runner.File{{Name: "counter.go", Src: []byte(counterSource)}, {Name: "counter_test.go", Src: []byte(counterTests)}},
	}, runner.Options{Events: out.event})
	if err != nil {
		t.Fatal(err)
	}
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
	for _, s := range []string{"--- FAIL: TestFails/sub", "counter_test.go:31: wanted 3", "panic: assignment to entry in nil map", "counter_test.go:37", "--- SKIP: TestSkipped", "not today", "FAIL"} {
		if !strings.Contains(out.all.String(), s) {
			t.Errorf("output does not contain %q:\n%s", s, out.all.String())
		}
	}

	// -run selects tests.
	res, err = runner.Run(t.Context(), runner.Program{
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
