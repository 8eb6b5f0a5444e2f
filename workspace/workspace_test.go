package workspace

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"workbook/exercises"
)

func testSet(t *testing.T) *exercises.Set {
	t.Helper()
	set, err := exercises.Load(os.DirFS("../exercises/testdata/set"))
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestInitNeverOverwrites: init writes every exercise's files, and, run
// again, keeps the learner's.
func TestInitNeverOverwrites(t *testing.T) {
	set := testSet(t)
	dir := filepath.Join(t.TempDir(), "ws")
	rep, err := Init(dir, set, "")
	if err != nil {
		t.Fatal(err)
	}
	var exercise []string
	lessons := 0
	for _, w := range rep.Written {
		if strings.HasPrefix(w, "lessons/") {
			lessons++
			continue
		}
		exercise = append(exercise, w)
	}
	want := []string{"tally/tally.go", "tally/README.md", "tally/README.zh.md", ".gitignore"}
	if strings.Join(exercise, " ") != strings.Join(want, " ") {
		t.Errorf("wrote %q; want %q and the lessons", rep.Written, want)
	}
	// The README links to a lesson: the lessons come along, and the link
	// leads to them in the workspace.
	if lessons == 0 {
		t.Error("wrote no lessons; the README links to one")
	}
	readme := read(t, filepath.Join(dir, "tally", "README.md"))
	if !strings.Contains(readme, "](../lessons/en/races.md)") {
		t.Errorf("the README's link to its lesson does not lead to the workspace's lessons:\n%s", readme)
	}
	if _, err := os.Stat(filepath.Join(dir, "lessons", "en", "races.md")); err != nil {
		t.Error(err)
	}
	mine := filepath.Join(dir, "tally", "tally.go")
	os.WriteFile(mine, []byte("package tally // mine\n"), 0o644)
	os.Remove(filepath.Join(dir, "tally", "README.md"))
	rep, err = Init(dir, set, "")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rep.Written, " ") != "tally/README.md" {
		t.Errorf("second init wrote %q; want only the missing README", rep.Written)
	}
	if got := read(t, mine); got != "package tally // mine\n" {
		t.Errorf("the learner's file was overwritten: %q", got)
	}
}

func TestResetKeepsBackup(t *testing.T) {
	set := testSet(t)
	e, _ := set.Lookup("tally")
	dir := t.TempDir()
	if _, err := Init(dir, set, ""); err != nil {
		t.Fatal(err)
	}
	w, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	mine := filepath.Join(dir, "tally", "tally.go")
	os.WriteFile(mine, []byte("package tally // mine\n"), 0o644)
	w.Record(&exercises.Result{Exercise: "tally", Status: exercises.Fail})
	backup, err := w.Reset(e)
	if err != nil {
		t.Fatal(err)
	}
	starter, _ := e.Starter("tally.go")
	if got := read(t, mine); got != string(starter) {
		t.Errorf("after reset: %q; want the starter", got)
	}
	if got := read(t, filepath.Join(backup, "tally.go")); got != "package tally // mine\n" {
		t.Errorf("backup holds %q", got)
	}
	if w.State.Progress["tally"].Status != "" {
		t.Errorf("progress kept after reset: %+v", w.State.Progress["tally"])
	}
	if bs := w.Backups("tally"); len(bs) != 1 || bs[0] != backup {
		t.Errorf("Backups = %q; want %q", bs, backup)
	}
}

func TestFindAndProgress(t *testing.T) {
	set := testSet(t)
	dir := t.TempDir()
	if _, err := Init(dir, set, "../exercises/testdata/set"); err != nil {
		t.Fatal(err)
	}
	w, err := Find(filepath.Join(dir, "tally"))
	if err != nil {
		t.Fatal(err)
	}
	if w.Dir != dir || !filepath.IsAbs(w.State.Exercises) {
		t.Errorf("Find = %s, set %q; want %s and the set's absolute path", w.Dir, w.State.Exercises, dir)
	}
	if w.Next(set).Name != "tally" {
		t.Errorf("Next = %s; want tally", w.Next(set).Name)
	}
	if err := w.Record(&exercises.Result{Exercise: "tally", Status: exercises.Pass, Points: 10}); err != nil {
		t.Fatal(err)
	}
	w2, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !w2.Done("tally") || w2.State.Progress["tally"].Passed == nil || w2.Next(set) != nil {
		t.Errorf("progress not kept: %+v", w2.State.Progress)
	}
	if _, err := Find(t.TempDir()); err == nil || !strings.Contains(err.Error(), "workbook init") {
		t.Errorf("Find outside a workspace = %v; want advice", err)
	}
	os.WriteFile(filepath.Join(dir, ".workbook", "state.json"), []byte("{"), 0o644)
	if _, err := Open(dir); err == nil || !strings.Contains(err.Error(), "your files are untouched") {
		t.Errorf("Open of a damaged state = %v", err)
	}
}

// TestWriteFileAtomic: a failed write leaves the old file and no
// temporary one.
func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "f.go")
	if err := WriteFile(path, []byte("one"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chmod(dir, 0o555)
	defer os.Chmod(dir, 0o755)
	if os.Geteuid() != 0 {
		if err := WriteFile(path, []byte("two"), 0o644); err == nil {
			t.Error("write into a read-only directory succeeded")
		}
	}
	os.Chmod(dir, 0o755)
	if got := read(t, path); got != "one" {
		t.Errorf("file = %q; want the old content", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("directory holds %d entries; want only f.go", len(entries))
	}
}

// TestRecordKeepsOthers checks that two commands on one workspace, each
// opened before the other recorded, keep each other's verdicts.
func TestRecordKeepsOthers(t *testing.T) {
	dir := t.TempDir()
	set, err := exercises.Load(exercises.Builtin)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Init(dir, set, ""); err != nil {
		t.Fatal(err)
	}
	watch, _ := Open(dir)
	serve, _ := Open(dir)
	if err := watch.Record(&exercises.Result{Exercise: "counter", Status: exercises.Pass, Points: 20, MaxPoints: 20}); err != nil {
		t.Fatal(err)
	}
	if err := serve.Record(&exercises.Result{Exercise: "bank", Status: exercises.Pass, Points: 20, MaxPoints: 20}); err != nil {
		t.Fatal(err)
	}
	now, _ := Open(dir)
	if !now.Done("counter") || !now.Done("bank") {
		t.Errorf("after two commands recorded, counter done %t, bank done %t; want both", now.Done("counter"), now.Done("bank"))
	}
}
