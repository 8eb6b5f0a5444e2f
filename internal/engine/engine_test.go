package engine

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"workbook/internal/allow"
	"workbook/internal/wire"
)

// The tests of each concern are in the file named for it: sandbox_test.go
// and files_test.go (the sandbox), monitor_test.go (deadlock detection),
// race_test.go (race reports), tests_test.go and testlog_test.go (runs of
// tests), proc_test.go (processes), panic_test.go (panics), source_test.go
// (positions). They test what can be tested without a program running in
// an interpreter, on canned dumps and race reports (testdata/, which
// -update rewrites the golden sections of); the runner's tests run
// programs through the whole child (runner/testdata).

var update = flag.Bool("update", false, "rewrite the golden sections of testdata/*/*.txtar")

func testChild(t *testing.T) *child {
	dir := t.TempDir()
	c := &child{limits: withDefaults(wire.Limits{})}
	var err error
	if c.files, err = confine(dir); err != nil {
		t.Fatal(err)
	}
	c.env = newEnviron(dir)
	c.monitor = newMonitor(c)
	return c
}

// archives returns the txtar files of testdata/dir, by name.
func archives(t *testing.T, dir string) map[string]*txtar.Archive {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join("testdata", dir, "*.txtar"))
	if len(paths) == 0 {
		t.Fatalf("no testdata/%s/*.txtar", dir)
	}
	ars := map[string]*txtar.Archive{}
	for _, p := range paths {
		ar, err := txtar.ParseFile(p)
		if err != nil {
			t.Fatal(err)
		}
		ars[p] = ar
	}
	return ars
}

// section returns the file name of ar, or nil.
func section(ar *txtar.Archive, name string) []byte {
	for _, f := range ar.Files {
		if f.Name == name {
			return f.Data
		}
	}
	return nil
}

// golden compares got with the section name of the archive at path, and
// shows both when they differ; with -update, it rewrites the section.
func golden(t *testing.T, path string, ar *txtar.Archive, name string, got []byte) {
	t.Helper()
	if *update {
		found := false
		for i := range ar.Files {
			if ar.Files[i].Name == name {
				ar.Files[i].Data, found = got, true
			}
		}
		if !found {
			ar.Files = append(ar.Files, txtar.File{Name: name, Data: got})
		}
		if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if want := section(ar, name); !bytes.Equal(got, want) {
		t.Errorf("%s: section %s differs (go test -run '%s' -update rewrites it)\n--- got\n%s--- want\n%s", path, name, strings.Split(t.Name(), "/")[0], got, want)
	}
}

// TestReplacements holds the engine's replacements and the allowlist's
// Engine lists equal: a name the allowlist says the engine confines must
// not reach the program as the compiled function.
func TestReplacements(t *testing.T) {
	c := testChild(t)
	have := map[string]bool{}
	for _, n := range c.engineNames() {
		have[n] = true
	}
	for _, p := range allow.Packages {
		for _, name := range p.Engine {
			if !have[p.Path+"."+name] {
				t.Errorf("%s.%s: the allowlist says the engine replaces it, and it does not", p.Path, name)
			}
		}
	}
}
