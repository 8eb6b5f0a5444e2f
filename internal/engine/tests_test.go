package engine

import (
	"bytes"
	"encoding/json"
	"testing"

	"workbook/internal/wire"
)

// TestLogText: an entry of a test's log is what go test -v prints for
// t.Log, less the four spaces the test's output adds before every line
// (so "    main_test.go:12: got 3" in go test -v's output).
func TestLogText(t *testing.T) {
	tests := []struct {
		where, s string
		want     string
	}{
		{"main_test.go:12: ", "got 3\n", "main_test.go:12: got 3\n"}, // t.Log, t.Error: fmt.Sprintln
		{"main_test.go:12: ", "got 3", "main_test.go:12: got 3\n"},   // t.Logf, t.Errorf: fmt.Sprintf
		{"main_test.go:12: ", "", "main_test.go:12: \n"},
		// An entry of several lines reads as one: go test indents its
		// second and later lines.
		{"main_test.go:12: ", "got:\n1 2\nwant:\n1 2 3", "main_test.go:12: got:\n    1 2\n    want:\n    1 2 3\n"},
		{"main_test.go:12: ", "one\ntwo\n", "main_test.go:12: one\n    two\n"},
		// One newline at the end is the entry's; more are the message's.
		{"main_test.go:12: ", "one\n\n", "main_test.go:12: one\n    \n"},
		// Unlocated (a hidden file): the message alone.
		{"", "not today\n", "not today\n"},
		{"", "a\nb", "a\n    b\n"},
	}
	for _, tt := range tests {
		if got := logText(tt.where, tt.s); got != tt.want {
			t.Errorf("logText(%q, %q) = %q; want %q", tt.where, tt.s, got, tt.want)
		}
	}
}

// TestMatchString is -run's matching: the testing package splits the
// pattern at each slash and matches each part of a test's name with it,
// as a regular expression that may match anywhere.
func TestMatchString(t *testing.T) {
	tests := []struct {
		pat, name string
		want      bool
		err       bool
	}{
		{"", "TestAnything", true, false},
		{"Sequential|Concurrent", "TestSequential", true, false},
		{"Sequential|Concurrent", "TestConcurrent", true, false},
		{"Sequential|Concurrent", "TestFails", false, false},
		{"^TestBank$", "TestBank", true, false},
		{"^TestBank$", "TestBankTransfer", false, false},
		{"Bank", "TestBankTransfer", true, false},
		{"bank", "TestBank", false, false}, // case matters
		{"opposite", "opposite", true, false},
		{"(", "TestBank", false, true},
	}
	for _, tt := range tests {
		got, err := testDeps{}.MatchString(tt.pat, tt.name)
		if got != tt.want || (err != nil) != tt.err {
			t.Errorf("MatchString(%q, %q) = %v, %v; want %v, error %v", tt.pat, tt.name, got, err, tt.want, tt.err)
		}
	}
}

// TestRunTest runs tests through the engine's T, on the testing
// package's own *testing.T, and checks what the engine reports of them:
// each test's start, and its verdict with what it logged, subtests
// reported on their own. (runTest keeps the engine's state of a
// goroutine where the profiler keeps its labels: not a test to profile.)
func TestRunTest(t *testing.T) {
	var reports bytes.Buffer
	c := &child{report: wire.NewWriter(&reports)}
	c.tests = &testLog{c: c}

	var running []string
	t.Run("Outer", func(t *testing.T) {
		c.runTest(t, func(tt *T) {
			running = append(running, c.tests.running())
			tt.Log("first", 1)
			tt.Run("inner", func(tt *T) {
				running = append(running, c.tests.running())
				tt.Logf("got:\n%d\nwant:\n%d", 2, 3)
			})
			running = append(running, c.tests.running())
			tt.Skip("not today")
			tt.Log("never")
		})
	})
	running = append(running, c.tests.running())

	want := []string{"TestRunTest/Outer", "TestRunTest/Outer/inner", "TestRunTest/Outer", ""}
	if len(running) != len(want) {
		t.Fatalf("running = %q; want %q", running, want)
	}
	for i := range want {
		if running[i] != want[i] {
			t.Errorf("running = %q; want %q", running, want)
			break
		}
	}

	var got []wire.Report
	for dec := json.NewDecoder(&reports); dec.More(); {
		var r wire.Report
		if err := dec.Decode(&r); err != nil {
			t.Fatal(err)
		}
		if r.Test != nil {
			r.Test.Elapsed = 0
		}
		got = append(got, r)
	}
	wantReports := []wire.Report{
		{Kind: wire.KindTestRun, Test: &wire.Test{Name: "TestRunTest/Outer"}},
		{Kind: wire.KindTestRun, Test: &wire.Test{Name: "TestRunTest/Outer/inner"}},
		{Kind: wire.KindTest, Test: &wire.Test{Name: "TestRunTest/Outer/inner", Passed: true, Log: "got:\n    2\n    want:\n    3\n"}},
		{Kind: wire.KindTest, Test: &wire.Test{Name: "TestRunTest/Outer", Skipped: true, Log: "first 1\nnot today\n"}},
	}
	if len(got) != len(wantReports) {
		t.Fatalf("%d reports; want %d: %+v", len(got), len(wantReports), got)
	}
	for i, w := range wantReports {
		if got[i].Kind != w.Kind || *got[i].Test != *w.Test {
			t.Errorf("report %d = %s %+v; want %s %+v", i, got[i].Kind, *got[i].Test, w.Kind, *w.Test)
		}
	}
}
