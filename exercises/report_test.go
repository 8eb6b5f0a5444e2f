package exercises

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"os"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/")

// reportResults are two exercises' verdicts, one failed, one passed.
func reportResults() []*Result {
	return []*Result{
		{Exercise: "tally", Status: Fail, Message: "1 of 2 tests failed; data races in 1", MaxPoints: 10, Elapsed: 1500 * time.Millisecond,
			Tests: []TestResult{
				{Name: "TestSequential", Status: Pass, Output: "counted 3\n"},
				{Name: "TestConcurrent", Status: Fail, Race: true, Hint: "Guard n with a sync.Mutex.",
					Message: "Count() = 150; want 200\n\n==================\nWARNING: DATA RACE\n<&>\n==================",
					Output:  strings.Repeat("counted\n", 100)},
			}},
		{Exercise: "adder", Status: Pass, Points: 5, MaxPoints: 5, Elapsed: 200 * time.Millisecond,
			Tests: []TestResult{{Name: "TestAdd", Status: Pass}}},
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := "testdata/" + name
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test -run %s -update rewrites it):\n--- got\n%s\n--- want\n%s", path, t.Name(), got, want)
	}
}

func TestReportJSON(t *testing.T) {
	rep := &Report{Results: reportResults(), Order: map[string]int{"tally": 1, "adder": 2}}
	var b bytes.Buffer
	if err := rep.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	golden(t, "report.json", b.Bytes())
	var v struct {
		Version   int    `json:"version"`
		Status    string `json:"status"`
		Points    int    `json:"points"`
		MaxPoints int    `json:"max_points"`
		Tests     []struct {
			Name   string `json:"name"`
			Output string `json:"output"`
			TaskID int    `json:"task_id"`
		} `json:"tests"`
	}
	if err := json.Unmarshal(b.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	if v.Version != 3 || v.Status != "fail" || v.Points != 5 || v.MaxPoints != 15 || len(v.Tests) != 3 || v.Tests[1].Name != "tally/TestConcurrent" || v.Tests[2].TaskID != 2 {
		t.Errorf("results = %+v", v)
	}
	if len(v.Tests[1].Output) > exercismOutputMax {
		t.Errorf("output of %d bytes; Exercism shows at most %d", len(v.Tests[1].Output), exercismOutputMax)
	}
	// One exercise: its own status, test names as they are.
	one := &Report{Results: reportResults()[1:], Order: map[string]int{"adder": 2}}
	b.Reset()
	one.WriteJSON(&b)
	if !strings.Contains(b.String(), `"name": "TestAdd"`) || !strings.Contains(b.String(), `"status": "pass"`) {
		t.Errorf("one exercise:\n%s", b.String())
	}
}

func TestReportJUnit(t *testing.T) {
	rep := &Report{Results: reportResults()}
	var b bytes.Buffer
	if err := rep.WriteJUnit(&b); err != nil {
		t.Fatal(err)
	}
	golden(t, "report.xml", b.Bytes())
	var v junitSuites
	if err := xml.Unmarshal(b.Bytes(), &v); err != nil {
		t.Fatalf("not XML: %v", err)
	}
	if v.Tests != 3 || v.Failures != 1 || len(v.Suites) != 2 || v.Suites[0].Cases[1].Failure == nil || v.Suites[0].Cases[1].Failure.Type != "race" {
		t.Errorf("suites = %+v", v)
	}
}
