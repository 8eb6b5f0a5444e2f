package main

import (
	"bufio"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"workbook/exercises"
	"workbook/workspace"
)

// TestWatch: watch checks the exercise to do, checks it again when it is
// saved, and ends when everything passes.
func TestWatch(t *testing.T) {
	setDir, _ := filepath.Abs("exercises/testdata/set")
	set, err := exercises.Load(os.DirFS(setDir))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := workspace.Init(dir, set, setDir); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Minute)
	defer cancel()
	out, w := io.Pipe()
	code := make(chan int, 1)
	var stderr strings.Builder
	go func() {
		code <- run(ctx, []string{"watch", "--dir", dir}, strings.NewReader(""), w, &stderr)
		w.Close()
	}()
	lines := bufio.NewScanner(out)
	var seen strings.Builder
	waitFor := func(s string) {
		t.Helper()
		for lines.Scan() {
			seen.WriteString(lines.Text() + "\n")
			if strings.Contains(lines.Text(), s) {
				return
			}
		}
		t.Fatalf("watch ended without saying %q:\n%s\n%s", s, seen.String(), stderr.String())
	}
	waitFor("Watching " + dir)
	waitFor("FAIL  tally")
	waitFor("Edit tally/tally.go and save")
	solution, _ := os.ReadFile(filepath.Join(setDir, "tally", "solution", "tally.go"))
	if err := workspace.WriteFile(filepath.Join(dir, "tally", "tally.go"), solution, 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor("PASS  tally")
	waitFor("All 1 exercises pass")
	if c := <-code; c != 0 {
		t.Errorf("watch exited %d; want 0", c)
	}
	ws, err := workspace.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !ws.Done("tally") {
		t.Errorf("progress not recorded")
	}
}
