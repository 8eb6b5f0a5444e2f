package runner_test

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"workbook/runner"
)

var update = flag.Bool("update", false, "record the expected output of testdata/modern and testdata/concurrency with go run")

// runGolden runs each program of testdata/dir and compares what it prints
// with its .out file, recorded from go run (-update records them again).
func runGolden(t *testing.T, dir string) {
	files, _ := filepath.Glob(filepath.Join("testdata", dir, "*.go"))
	if len(files) == 0 {
		t.Fatalf("no programs in testdata/%s", dir)
	}
	for _, file := range files {
		golden := strings.TrimSuffix(file, ".go") + ".out"
		t.Run(strings.TrimSuffix(filepath.Base(file), ".go"), func(t *testing.T) {
			if *update {
				out, err := exec.Command("go", "run", file).CombinedOutput()
				if err != nil {
					t.Fatalf("go run %s: %v\n%s", file, err, out)
				}
				if err := os.WriteFile(golden, out, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			t.Parallel()
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (record it with go test -run %s -update)", err, t.Name())
			}
			res, out := runFiles(t, runner.Options{}, runner.File{Name: filepath.Base(file), Src: src})
			if res.Code != 0 {
				t.Fatalf("exit %d (%s: %s)\nstderr:\n%s\ndiagnostics: %v", res.Code, res.Reason, res.Message, out.stderr.String(), res.Diagnostics)
			}
			if got := out.all.String(); got != string(want) {
				t.Errorf("output differs from go run's\n got: %q\nwant: %q", got, want)
			}
			if bytes.Contains(want, []byte("DATA RACE")) {
				t.Errorf("%s: the recorded output has a race report", golden)
			}
		})
	}
}

// TestModernGo runs programs that use the Go of today: Go 1.22 loop
// variables, range over integers and functions, min, max, clear, generics
// with inference, slices, maps, iter, sync.WaitGroup.Go, atomic.Pointer.
func TestModernGo(t *testing.T) { runGolden(t, "modern") }

// TestConcurrencyPrograms runs programs with goroutines, channels, select,
// sync, atomic, context and timers.
func TestConcurrencyPrograms(t *testing.T) { runGolden(t, "concurrency") }
