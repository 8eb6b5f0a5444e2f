package exercises

import (
	"os"
	"slices"
	"strings"
	"testing"

	"workbook/runner"
)

// testSet is the small exercise set of testdata/set.
func testSet(t *testing.T) *Set {
	t.Helper()
	set, err := Load(os.DirFS("testdata/set"))
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func goModule(t *testing.T) *Grader {
	mod, err := ModuleFiles(os.DirFS(".."))
	if err != nil {
		t.Fatal(err)
	}
	return &Grader{Engine: "go", GoModule: mod}
}

// TestGrade grades the starter, the solution and each wrong solution of
// the tally exercise: a verdict comes only from what the grader recorded.
func TestGrade(t *testing.T) {
	e, _ := testSet(t).Lookup("tally")
	wrongs, err := e.Wrongs()
	if err != nil {
		t.Fatal(err)
	}
	src := map[string]Files{}
	src["starter"], _ = e.Starters()
	src["solution"], _ = e.Solutions()
	for _, w := range wrongs {
		src[strings.TrimSuffix(w.Name, ".go")] = Files{"tally.go": w.Src}
	}
	src["syntax"] = Files{"tally.go": []byte("package tally\n\nfunc (t *Tally) Add( {}\n")}
	src["missing"] = Files{}
	tests := []struct {
		name   string
		status Status
		// want holds, per test, a text its message contains ("" for a pass).
		want map[string]string
	}{
		{"starter", Fail, map[string]string{"TestSequential": "", "TestConcurrent": "c.n (struct field)\n      tally.go:8"}},
		{"solution", Pass, map[string]string{"TestSequential": "", "TestConcurrent": ""}},
		{"deadlock", Fail, map[string]string{
			"TestSequential": "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine",
			"TestConcurrent": "it did not run: the run ended in TestSequential"}},
		{"exit", Fail, map[string]string{"TestSequential": "it did not run", "TestConcurrent": "it did not run"}},
		{"exitintest", Fail, map[string]string{"TestSequential": "unexpected call to os.Exit(0) during test", "TestConcurrent": "unexpected call to os.Exit(0) during test"}},
		{"forged", Fail, map[string]string{"TestSequential": "Count() = 0 after 3 Add; want 3", "TestConcurrent": "Count() = 0 after 200 Add"}},
		{"goexit", Fail, map[string]string{"TestSequential": "test executed panic(nil) or runtime.Goexit", "TestConcurrent": "it did not run"}},
		{"syntax", Error, map[string]string{"TestSequential": "the package does not compile"}},
		{"missing", Error, nil},
	}
	g := &Grader{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := g.Grade(t.Context(), e, src[tt.name])
			if err != nil {
				t.Fatal(err)
			}
			if r.Status != tt.status {
				t.Fatalf("status %s (%s); want %s", r.Status, r.Message, tt.status)
			}
			if want := map[Status]int{Pass: 10}[tt.status]; r.Points != want || r.MaxPoints != 10 {
				t.Errorf("points %d/%d; want %d/10", r.Points, r.MaxPoints, want)
			}
			for _, tr := range r.Tests {
				want, ok := tt.want[tr.Name]
				if !ok {
					continue
				}
				if want == "" && tr.Status != Pass {
					t.Errorf("%s: %s (%s); want pass", tr.Name, tr.Status, tr.Message)
				}
				if want != "" && (tr.Status == Pass || !strings.Contains(tr.Message, want)) {
					t.Errorf("%s: %s, message %q; want it to fail saying %q", tr.Name, tr.Status, tr.Message, want)
				}
				if strings.Contains(tr.Message, "tally_test.go") {
					t.Errorf("%s: the message names the hidden file: %q", tr.Name, tr.Message)
				}
			}
			if tt.name == "starter" {
				tr := r.Tests[1]
				if !tr.Race || tr.Hint != "Guard n with a sync.Mutex." {
					t.Errorf("TestConcurrent: race %v, hint %q; want a race and the hint", tr.Race, tr.Hint)
				}
			}
			if tt.name == "solution" && r.Tests[0].Output != "counted 3\ncounted 3\n" {
				t.Errorf("TestSequential's output = %q; want what the solution printed, twice", r.Tests[0].Output)
			}
		})
	}
	// Hints in Chinese.
	zh := &Grader{Lang: "zh"}
	r, err := zh.Grade(t.Context(), e, src["starter"])
	if err != nil {
		t.Fatal(err)
	}
	if h := r.Tests[1].Hint; h != "用 sync.Mutex 保护 n。" {
		t.Errorf("Chinese hint = %q", h)
	}
}

// TestGradeGoEngine: the real toolchain gives the same verdicts.
func TestGradeGoEngine(t *testing.T) {
	if testing.Short() {
		t.Skip("builds with the real toolchain")
	}
	e, _ := testSet(t).Lookup("tally")
	g := goModule(t)
	wrongs, _ := e.Wrongs()
	src := map[string]Files{}
	src["starter"], _ = e.Starters()
	src["solution"], _ = e.Solutions()
	for _, w := range wrongs {
		if w.Name != "deadlock.go" { // a deadlock waits for the time limit there
			src[w.Name] = Files{"tally.go": w.Src}
		}
	}
	for name, files := range src {
		t.Run(name, func(t *testing.T) {
			builtin, err := (&Grader{}).Grade(t.Context(), e, files)
			if err != nil {
				t.Fatal(err)
			}
			real, err := g.Grade(t.Context(), e, files)
			if err != nil {
				t.Fatal(err)
			}
			if builtin.Status != real.Status {
				t.Errorf("built-in: %s (%s); go: %s (%s)", builtin.Status, builtin.Message, real.Status, real.Message)
			}
			for i, tr := range real.Tests {
				if strings.Contains(tr.Message, "tally_test.go") || strings.Contains(tr.Message, "/tmp/") {
					t.Errorf("%s: the message names a hidden or temporary file: %q", tr.Name, tr.Message)
				}
				if name == "starter" && tr.Race != builtin.Tests[i].Race {
					t.Errorf("%s: race %v; built-in %v", tr.Name, tr.Race, builtin.Tests[i].Race)
				}
			}
		})
	}
}

// TestVerify: the test set's exercise is sound in both engines, and a
// broken one is told what is wrong.
func TestVerify(t *testing.T) {
	e, _ := testSet(t).Lookup("tally")
	for _, g := range []*Grader{{}, goModule(t)} {
		if g.Engine == "go" && testing.Short() {
			continue
		}
		problems, err := g.Verify(t.Context(), e, g.Engine == "")
		if err != nil {
			t.Fatal(err)
		}
		if len(problems) > 0 {
			t.Errorf("%s engine: %s", g.Engine, strings.Join(problems, "\n"))
		}
	}
}

func TestDistinctRaces(t *testing.T) {
	at := func(lines ...int) []runner.RaceAccess {
		var a []runner.RaceAccess
		for _, l := range lines {
			a = append(a, runner.RaceAccess{Lines: []runner.Frame{{File: "counter.go", Line: l}}})
		}
		return a
	}
	rs := []runner.Race{
		{Test: "TestA", Variable: "c.n", Accesses: at(18, 24), Report: "first\n"},
		{Test: "TestA", Variable: "c.n", Accesses: at(24, 18), Report: "same lines, other order\n"},
		{Test: "TestA", Variable: "c.n", Accesses: at(18, 24), Report: "same again\n"},
		{Test: "TestB", Variable: "c.n", Accesses: at(18, 24), Report: "another test\n"},
		{Test: "TestA", Variable: "c.m", Accesses: at(18, 24), Report: "another variable\n"},
		{Test: "TestA", Variable: "c.n", Accesses: at(18, 18), Report: "other lines\n"},
	}
	got := distinctRaces(rs)
	want := []race{
		{"TestA", "first\n(the same race was reported 2 more times)\n"},
		{"TestB", "another test\n"},
		{"TestA", "another variable\n"},
		{"TestA", "other lines\n"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("distinctRaces:\n got %q\nwant %q", got, want)
	}
}
