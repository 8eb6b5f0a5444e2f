package runner_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"workbook/runner"
)

var conformanceAll = flag.Bool("conformance", false, "run every conformance program, not a sample")

// conformancePrograms lists Go's own test programs that the conformance
// measure uses: those of $GOROOT/test, test/chan and test/ken whose first
// line is "// run" and that import none of unsafe, os/exec and syscall.
func conformancePrograms(t testing.TB) []string {
	root := filepath.Join(runtime.GOROOT(), "test")
	if _, err := os.Stat(root); err != nil {
		t.Skipf("no Go test programs at %s", root)
	}
	var progs []string
	for _, dir := range []string{".", "chan", "ken"} {
		files, _ := filepath.Glob(filepath.Join(root, dir, "*.go"))
		for _, f := range files {
			src, err := os.ReadFile(f)
			if err != nil {
				continue
			}
			first, _, _ := bytes.Cut(src, []byte("\n"))
			if string(bytes.TrimSpace(first)) != "// run" {
				continue
			}
			if bytes.Contains(src, []byte(`"unsafe"`)) || bytes.Contains(src, []byte(`"os/exec"`)) || bytes.Contains(src, []byte(`"syscall"`)) {
				continue
			}
			progs = append(progs, f)
		}
	}
	sort.Strings(progs)
	return progs
}

// conformanceSample is the part of the programs run by default, in CI:
// every fourth one, which keeps the run short and still covers all three
// directories.
func conformanceSample(progs []string) []string {
	var s []string
	for i, p := range progs {
		if i%4 == 0 {
			s = append(s, p)
		}
	}
	return s
}

// conformancePasses runs one Go test program: it passes when it exits 0
// and prints exactly its .out file, or nothing when there is none.
func conformancePasses(t testing.TB, path string) (bool, string) {
	src, err := os.ReadFile(path)
	if err != nil {
		return false, err.Error()
	}
	want, _ := os.ReadFile(strings.TrimSuffix(path, ".go") + ".out")
	res, out := runFiles(t, runner.Options{Limits: runner.Limits{Time: time.Minute, CPU: 30 * time.Second}},
		runner.File{Name: filepath.Base(path), Src: src})
	got := out.all.String()
	switch {
	case res.Code != 0:
		msg := res.Message
		if len(res.Diagnostics) > 0 {
			msg = res.Diagnostics[0].Message
		}
		return false, fmt.Sprintf("exit %d (%s): %s", res.Code, res.Reason, firstLine(msg+" "+got))
	case got != string(want):
		return false, "output differs: " + firstLine(got)
	}
	return true, ""
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	if len(s) > 160 {
		s = s[:160] + "…"
	}
	return s
}

// TestConformance runs Go's own test programs through the runner. By
// default it runs a sample and requires each program of the sample that
// passed when the figure in the README was measured to pass still; with
// -conformance it runs all of them and reports the count.
func TestConformance(t *testing.T) {
	progs := conformancePrograms(t)
	if !*conformanceAll {
		progs = conformanceSample(progs)
	}
	var mu sync.Mutex
	passed := 0
	var failures []string
	t.Run("programs", func(t *testing.T) {
		for _, p := range progs {
			name := strings.TrimPrefix(p, filepath.Join(runtime.GOROOT(), "test")+"/")
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				ok, why := conformancePasses(t, p)
				mu.Lock()
				defer mu.Unlock()
				if ok {
					passed++
				} else {
					failures = append(failures, name+": "+why)
				}
			})
		}
	})
	sort.Strings(failures)
	for _, f := range failures {
		t.Log("fail:", f)
	}
	t.Logf("conformance: %d of %d programs pass", passed, len(progs))
	if known := knownFailures(); !*conformanceAll {
		failed := map[string]bool{}
		for _, f := range failures {
			name, _, _ := strings.Cut(f, ":")
			failed[name] = true
			if !known[name] {
				t.Errorf("%s no longer passes", f)
			}
		}
		for name := range known {
			if !failed[name] {
				t.Logf("%s passes now: remove it from testdata/conformance-failures.txt", name)
			}
		}
	}
}

// knownFailures are the programs of the sample the interpreter does not
// pass yet (see testdata/conformance-failures.txt).
func knownFailures() map[string]bool {
	b, _ := os.ReadFile("testdata/conformance-failures.txt")
	m := map[string]bool{}
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			m[line] = true
		}
	}
	return m
}
