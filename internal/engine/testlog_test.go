package engine

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"workbook/internal/wire"
)

func TestCapped(t *testing.T) {
	tests := []struct {
		name   string
		writes []string
		want   string
	}{
		{"nothing", nil, ""},
		{"under the cap", []string{"a\n", "b\n"}, "a\nb\n"},
		{"exactly the cap", []string{strings.Repeat("x", maxRecord)}, strings.Repeat("x", maxRecord)},
		{"over the cap in one write", []string{strings.Repeat("x", maxRecord+1)}, strings.Repeat("x", maxRecord) + "\n[… cut at 32 KiB]\n"},
		{"over the cap across writes", []string{strings.Repeat("x", maxRecord-1), "yz", "more"}, strings.Repeat("x", maxRecord-1) + "y\n[… cut at 32 KiB]\n"},
	}
	for _, tt := range tests {
		var b capped
		for _, w := range tt.writes {
			b.add(w)
		}
		if got := b.String(); got != tt.want {
			t.Errorf("%s: String() = %.40q… (%d bytes); want %.40q… (%d bytes)", tt.name, got, len(got), tt.want, len(tt.want))
		}
	}
}

// TestTestLogOutput: what the program writes goes on to where it was
// going, and to the test running when it was written; what was written
// before a test began is not that test's, nor a subtest's its parent's.
func TestTestLogOutput(t *testing.T) {
	var reports bytes.Buffer
	c := &child{report: wire.NewWriter(&reports)}
	tl := &testLog{c: c}
	dst, err := os.Create(t.TempDir() + "/stdout")
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()
	out, err := tl.tee(dst)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close() // ends the tee's reader

	if got := tl.running(); got != "" {
		t.Errorf("running() before any test = %q; want none", got)
	}
	out.WriteString("before\n")
	t.Run("First", func(t *testing.T) {
		rec := tl.begin(t)
		out.WriteString("first: one\n")
		t.Run("sub", func(t *testing.T) {
			sub := tl.begin(t)
			if got := tl.running(); got != "TestTestLogOutput/First/sub" {
				t.Errorf("running() in the subtest = %q", got)
			}
			out.WriteString("sub\n")
			tl.logged(sub, "logged in sub\n")
			tl.end(sub, t)
		})
		if got := tl.running(); got != "TestTestLogOutput/First" {
			t.Errorf("running() after the subtest = %q", got)
		}
		out.WriteString("first: two\n")
		tl.end(rec, t)
	})
	out.WriteString("after\n")
	tl.flush()

	verdicts := map[string]wire.Test{}
	for dec := json.NewDecoder(&reports); dec.More(); {
		var r wire.Report
		if err := dec.Decode(&r); err != nil {
			t.Fatal(err)
		}
		if r.Kind == wire.KindTest {
			verdicts[r.Test.Name] = *r.Test
		}
	}
	for name, want := range map[string]wire.Test{
		"TestTestLogOutput/First":     {Output: "first: one\nfirst: two\n", Passed: true},
		"TestTestLogOutput/First/sub": {Output: "sub\n", Log: "logged in sub\n", Passed: true},
	} {
		v := verdicts[name]
		if v.Output != want.Output || v.Log != want.Log || v.Passed != want.Passed {
			t.Errorf("%s: Output %q, Log %q, Passed %v; want %q, %q, %v", name, v.Output, v.Log, v.Passed, want.Output, want.Log, want.Passed)
		}
	}
	if got, _ := os.ReadFile(dst.Name()); string(got) != "before\nfirst: one\nsub\nfirst: two\nafter\n" {
		t.Errorf("the output passed on = %q; want all of it, in order", got)
	}
}

// TestTestLogNil: a run of a program, not of tests, has no test log.
func TestTestLogNil(t *testing.T) {
	var tl *testLog
	if got := tl.running(); got != "" {
		t.Errorf("running() = %q; want none", got)
	}
	tl.flush() // must not panic
}
