package exercises

import (
	"time"
)

// Status is how a test or an exercise did, in the words of Exercism's test
// runners: pass, fail, or error (it could not be run: it does not compile,
// or the grader itself failed).
type Status string

const (
	Pass  Status = "pass"
	Fail  Status = "fail"
	Error Status = "error"
)

// A Result is the verdict on one exercise.
type Result struct {
	Exercise string `json:"exercise"`
	Status   Status `json:"status"`
	// Message says why the exercise did not pass, as a whole: it does
	// not compile, a deadlock, a data race.
	Message string       `json:"message,omitempty"`
	Tests   []TestResult `json:"tests"`
	// Points earned and possible: all of them when every test passes.
	Points    int `json:"points"`
	MaxPoints int `json:"max_points"`
	// Unverified is set for an exercise checked without the race
	// detector, whose verdict a program can forge (see the package doc).
	Unverified bool          `json:"unverified,omitempty"`
	Elapsed    time.Duration `json:"-"`
}

// A TestResult is the verdict on one hidden test, over all its runs.
type TestResult struct {
	Name   string `json:"name"`
	Status Status `json:"status"`
	// Message is what went wrong: the test's own messages, a data race,
	// a panic, a deadlock, a limit; hidden lines are never named.
	Message string `json:"message,omitempty"`
	// Output is what the program printed while the test ran.
	Output string `json:"output,omitempty"`
	// Hint is the exercise's hint for this test, when it failed.
	Hint string `json:"hint,omitempty"`
	// Race is set when a data race was reported while it ran.
	Race bool `json:"race,omitempty"`
}

// Passed reports whether every test passed.
func (r *Result) Passed() bool { return r.Status == Pass }

// Failed lists the tests that did not pass.
func (r *Result) Failed() []TestResult {
	var out []TestResult
	for _, t := range r.Tests {
		if t.Status != Pass {
			out = append(out, t)
		}
	}
	return out
}
