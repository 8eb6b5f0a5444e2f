package exercises

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Reports for tools: the format of Exercism's test runners (version 3),
// which course platforms read, and JUnit XML, which CI systems show.

// A Report is the verdicts of one check, of one or more exercises.
type Report struct {
	Results []*Result
	// Order gives each exercise's place in its set, for task ids.
	Order map[string]int
}

// NewReport makes the report of results, each exercise taking its place
// in set.
func NewReport(set *Set, results []*Result) *Report {
	rep := &Report{Results: results, Order: map[string]int{}}
	for _, e := range set.Exercises() {
		rep.Order[e.Name] = e.Order
	}
	return rep
}

// Status is the verdict of the whole check: pass when every exercise
// passed; for one exercise, its own.
func (rep *Report) Status() Status {
	if len(rep.Results) == 1 {
		return rep.Results[0].Status
	}
	for _, r := range rep.Results {
		if r.Status != Pass {
			return Fail
		}
	}
	return Pass
}

// Points returns the points earned and possible.
func (rep *Report) Points() (earned, possible int) {
	for _, r := range rep.Results {
		earned += r.Points
		possible += r.MaxPoints
	}
	return earned, possible
}

// exercismOutputMax is how much of a test's output Exercism shows.
const exercismOutputMax = 500

type exercismTest struct {
	Name    string `json:"name"`
	Status  Status `json:"status"`
	Message string `json:"message,omitempty"`
	Output  string `json:"output,omitempty"`
	TaskID  int    `json:"task_id,omitempty"`
}

type exercismExercise struct {
	Name      string `json:"name"`
	Status    Status `json:"status"`
	Message   string `json:"message,omitempty"`
	Points    int    `json:"points"`
	MaxPoints int    `json:"max_points"`
	// Unverified marks a check without the race detector.
	Unverified bool `json:"unverified,omitempty"`
}

type exercismResults struct {
	Version   int                `json:"version"`
	Status    Status             `json:"status"`
	Message   string             `json:"message,omitempty"`
	Tests     []exercismTest     `json:"tests"`
	Points    int                `json:"points"`
	MaxPoints int                `json:"max_points"`
	Exercises []exercismExercise `json:"exercises"`
}

// WriteJSON writes the report in the format of Exercism's test runners,
// version 3 (status, message, tests with name, status, message, output
// and task_id), with the points earned and possible, in total and per
// exercise. A test's name is "exercise/TestName" when the report holds
// more than one exercise; its task id is the exercise's place in the set.
func (rep *Report) WriteJSON(w io.Writer) error {
	out := exercismResults{Version: 3, Status: rep.Status(), Tests: []exercismTest{}}
	out.Points, out.MaxPoints = rep.Points()
	var msgs []string
	for _, r := range rep.Results {
		out.Exercises = append(out.Exercises, exercismExercise{Name: r.Exercise, Status: r.Status, Message: r.Message, Points: r.Points, MaxPoints: r.MaxPoints, Unverified: r.Unverified})
		if r.Status != Pass && r.Message != "" {
			if len(rep.Results) > 1 {
				msgs = append(msgs, r.Exercise+": "+r.Message)
			} else {
				msgs = append(msgs, r.Message)
			}
		}
		for _, t := range r.Tests {
			name := t.Name
			if len(rep.Results) > 1 {
				name = r.Exercise + "/" + t.Name
			}
			msg := t.Message
			if t.Hint != "" {
				msg += "\n\nHint: " + t.Hint
			}
			out.Tests = append(out.Tests, exercismTest{Name: name, Status: t.Status, Message: strings.TrimSpace(msg),
				Output: truncate(t.Output, exercismOutputMax), TaskID: rep.Order[r.Exercise]})
		}
	}
	out.Message = strings.Join(msgs, "\n")
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// truncate cuts s to at most n bytes, at a character, saying so.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	const more = "\n[output cut]"
	cut := n - len(more)
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + more
}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Time     string       `xml:"time,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name       string          `xml:"name,attr"`
	Tests      int             `xml:"tests,attr"`
	Failures   int             `xml:"failures,attr"`
	Errors     int             `xml:"errors,attr"`
	Time       string          `xml:"time,attr"`
	Properties []junitProperty `xml:"properties>property"`
	Cases      []junitCase     `xml:"testcase"`
	SystemErr  *cdata          `xml:"system-err,omitempty"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Time      string        `xml:"time,attr"`
	Failure   *junitProblem `xml:"failure"`
	Error     *junitProblem `xml:"error"`
	SystemOut *cdata        `xml:"system-out,omitempty"`
}

// cdata is text written as it is, in a CDATA section.
type cdata struct {
	Text string `xml:",cdata"`
}

func newCDATA(s string) *cdata {
	if s == "" {
		return nil
	}
	return &cdata{s}
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr,omitempty"`
	Text    string `xml:",cdata"`
}

// WriteJUnit writes the report as JUnit XML: a test suite per exercise,
// with its points as properties, and a test case per hidden test.
func (rep *Report) WriteJUnit(w io.Writer) error {
	out := junitSuites{Name: "workbook"}
	var total float64
	for _, r := range rep.Results {
		secs := r.Elapsed.Seconds()
		total += secs
		s := junitSuite{Name: r.Exercise, Tests: len(r.Tests), Time: fmt.Sprintf("%.3f", secs),
			Properties: []junitProperty{{"points", fmt.Sprint(r.Points)}, {"max_points", fmt.Sprint(r.MaxPoints)}}}
		if r.Unverified {
			s.Properties = append(s.Properties, junitProperty{"unverified", "checked without the race detector"})
		}
		if r.Status != Pass && r.Message != "" {
			s.SystemErr = newCDATA(r.Message)
		}
		for _, t := range r.Tests {
			c := junitCase{Name: t.Name, Classname: r.Exercise, Time: "0", SystemOut: newCDATA(t.Output)}
			text := t.Message
			if t.Hint != "" {
				text += "\n\nHint: " + t.Hint
			}
			switch t.Status {
			case Fail:
				s.Failures++
				c.Failure = &junitProblem{Message: firstLine(t.Message), Type: failureType(t), Text: text}
			case Error:
				s.Errors++
				c.Error = &junitProblem{Message: firstLine(t.Message), Text: r.Message}
			}
			s.Cases = append(s.Cases, c)
		}
		out.Tests += s.Tests
		out.Failures += s.Failures
		out.Errors += s.Errors
		out.Suites = append(out.Suites, s)
	}
	out.Time = fmt.Sprintf("%.3f", total)
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// failureType names the kind of a failure, for JUnit's type attribute.
func failureType(t TestResult) string {
	switch {
	case t.Race:
		return "race"
	case strings.Contains(t.Message, "deadlock!"):
		return "deadlock"
	case strings.Contains(t.Message, "panic: "):
		return "panic"
	}
	return "failure"
}
