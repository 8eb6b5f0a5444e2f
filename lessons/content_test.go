package lessons

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"workbook/runner"
)

// lesson narrows the tests of the content to the lessons of one slug
// (a pattern, as in "proc*"), for authors at work on them.
var lesson = flag.String("lesson", "*", "check only the lessons whose slug matches this pattern")

// TestMain lets the test binary serve as the runner's sandbox child.
func TestMain(m *testing.M) {
	runner.Child()
	os.Exit(m.Run())
}

func loadContent(t *testing.T) *Book {
	t.Helper()
	b, err := load(Files, *lesson)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestContent checks the lessons as a reader meets them: every edition
// has every lesson with the same snippets, and every link leads somewhere.
func TestContent(t *testing.T) {
	b := loadContent(t)
	if err := Check(Files, b); err != nil {
		t.Error(err)
	}
}

// TestSnippets runs every runnable snippet of every edition, as the Run
// button does, and checks how it ends and what it prints.
func TestSnippets(t *testing.T) {
	b := loadContent(t)
	for _, lang := range Languages {
		for _, l := range b.Lessons(lang) {
			for _, s := range l.Snippets {
				if !s.Run {
					continue
				}
				t.Run(fmt.Sprintf("%s:%d", l.Path(), s.Line), func(t *testing.T) {
					t.Parallel()
					checkSnippet(t, s)
				})
			}
		}
	}
}

func checkSnippet(t *testing.T, s *Snippet) {
	var mu sync.Mutex
	var stdout, stderr strings.Builder
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	res, err := runner.Run(ctx, runner.Program{Files: []runner.File{{Name: "main.go", Src: []byte(s.Code)}}}, runner.Options{
		Race: s.Race,
		Events: func(e runner.Event) {
			mu.Lock()
			defer mu.Unlock()
			switch e.Kind {
			case runner.KindStdout:
				stdout.WriteString(e.Data)
			case runner.KindStderr:
				stderr.WriteString(e.Data)
			}
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	got := stdout.String() + stderr.String()
	switch runner.Reason(s.Want) {
	case "", runner.Exited, runner.Panicked, runner.Fatal, runner.Raced, runner.Deadlocked, runner.Limited:
	default:
		t.Fatalf("want=%s is not a reason a run ends with (exit, panic, fatal, race, deadlock, limit)", s.Want)
	}
	switch want := runner.Reason(s.Want); {
	case want == "" && (res.Reason != runner.Exited || res.Code != 0):
		t.Errorf("the run ended with %s (exit status %d: %s); want a clean exit\n%s", res.Reason, res.Code, res.Message, got)
	case want != "" && res.Reason != want:
		t.Errorf("the run ended with %s (exit status %d: %s); want %s\n%s", res.Reason, res.Code, res.Message, want, got)
	}
	if !s.Output.Match(got) {
		t.Errorf("output:\n%s\nwant (%s):\n%s", got, outputKind(s.Output), s.Output.Text)
	}
}

func outputKind(o *Output) string {
	switch {
	case o.Pattern && o.Unordered:
		return "pattern, unordered"
	case o.Pattern:
		return "pattern"
	case o.Unordered:
		return "unordered"
	}
	return "exactly"
}
