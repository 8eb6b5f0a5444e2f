// Package workspace is a learner's exercise workspace: a directory with an
// exercise's files in a directory each (counter/counter.go, its README),
// and the workbook's own state in .workbook/: progress, the exercise set
// it was made from, and backups of the files reset replaced.
//
// A learner's files are theirs. Init never overwrites one; every write is
// atomic (a temporary file renamed over the old), so a crash or a full
// disk leaves either the old file or the new, never half of one; and reset
// copies a file to a backup before it writes the starter.
package workspace

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"workbook/exercises"
	"workbook/lessons"
)

// DefaultDir is where init makes a workspace when given no directory.
const DefaultDir = "workbook-exercises"

// stateDir holds the workbook's own files in a workspace.
const stateDir = ".workbook"

// A Workspace is a learner's exercise workspace.
type Workspace struct {
	// Dir is its directory, absolute.
	Dir   string
	State State
	// submission is set for a directory graded without a state file
	// (Submission): its progress is not kept.
	submission bool
}

// State is what the workbook keeps of a workspace, in .workbook/state.json.
type State struct {
	Version int `json:"version"`
	// Exercises is the directory of the exercise set the workspace was
	// made from, when it is not the one built in.
	Exercises string `json:"exercises,omitempty"`
	// Progress is the last verdict of each exercise checked.
	Progress map[string]Progress `json:"progress"`
}

// Progress is the last verdict on one exercise.
type Progress struct {
	Status  exercises.Status `json:"status"`
	Points  int              `json:"points"`
	Checked time.Time        `json:"checked"`
	// Passed is when it first passed, if it did.
	Passed *time.Time `json:"passed,omitempty"`
}

// ErrNotFound says there is no workspace where one was looked for.
var ErrNotFound = errors.New("not in a workbook workspace")

// Find returns the workspace holding dir, looking in dir and then each
// directory above it.
func Find(dir string) (*Workspace, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	for d := abs; ; d = filepath.Dir(d) {
		if fi, err := os.Stat(filepath.Join(d, stateDir, "state.json")); err == nil && fi.Mode().IsRegular() {
			return Open(d)
		}
		if filepath.Dir(d) == d {
			return nil, fmt.Errorf("%w: %s and the directories above it hold no %s/state.json; make one with `workbook init`, or name one with --dir", ErrNotFound, abs, stateDir)
		}
	}
}

// Open opens the workspace in dir.
func Open(dir string) (*Workspace, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	w := &Workspace{Dir: abs}
	b, err := os.ReadFile(w.statePath())
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w: %s has no %s/state.json; make one with `workbook init %s`", ErrNotFound, abs, stateDir, dir)
	}
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(b, &w.State); err != nil {
		return nil, fmt.Errorf("%s is damaged (%v): delete it to start the progress afresh; your files are untouched", w.statePath(), err)
	}
	if w.State.Progress == nil {
		w.State.Progress = map[string]Progress{}
	}
	return w, nil
}

// Submission returns dir as a workspace to grade, whether or not it has a
// state file: a learner's submission checked out in CI holds the exercises'
// folders, and may not hold .workbook. The progress of a directory without
// a state file is not kept.
func Submission(dir string) (*Workspace, error) {
	w, err := Open(dir)
	if !errors.Is(err, ErrNotFound) {
		return w, err
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if fi, err := os.Stat(abs); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("%s is not a directory: --dir names the folder that holds the exercises' folders", dir)
	}
	return &Workspace{Dir: abs, State: State{Version: 1, Progress: map[string]Progress{}}, submission: true}, nil
}

func (w *Workspace) statePath() string { return filepath.Join(w.Dir, stateDir, "state.json") }

// saveState writes the state, atomically.
func (w *Workspace) saveState() error {
	b, err := json.MarshalIndent(w.State, "", "  ")
	if err != nil {
		return err
	}
	return WriteFile(w.statePath(), append(b, '\n'), 0o644)
}

// An InitReport says what Init wrote.
type InitReport struct {
	Dir     string
	Written []string // files written, relative to Dir
	Kept    []string // files that were there already, left as they were
}

// Init makes a workspace in dir (or adds to the one there) with every
// exercise of set: its starter files and READMEs, and the lessons the
// READMEs link to (lessons/). It never overwrites a file. setDir is the set's directory, for a set that is not the one
// built in, so that later commands in the workspace use it.
func Init(dir string, set *exercises.Set, setDir string) (*InitReport, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Join(abs, stateDir), 0o755); err != nil {
		return nil, err
	}
	rep := &InitReport{Dir: abs}
	w, err := Open(abs)
	if errors.Is(err, ErrNotFound) {
		w = &Workspace{Dir: abs, State: State{Version: 1, Progress: map[string]Progress{}}}
	} else if err != nil {
		return nil, err
	}
	if setDir != "" {
		if w.State.Exercises, err = filepath.Abs(setDir); err != nil {
			return nil, err
		}
	}
	put := func(rel string, data []byte) error {
		path := filepath.Join(abs, rel)
		if _, err := os.Lstat(path); err == nil {
			rep.Kept = append(rep.Kept, rel)
			return nil
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := WriteFile(path, data, 0o644); err != nil {
			return err
		}
		rep.Written = append(rep.Written, rel)
		return nil
	}
	withLessons := false
	for _, e := range set.Exercises() {
		starters, err := e.Starters()
		if err != nil {
			return nil, err
		}
		for _, name := range e.Files {
			if err := put(filepath.Join(e.Name, name), starters[name]); err != nil {
				return nil, err
			}
		}
		for _, lang := range exercises.Languages {
			b, err := e.README(lang)
			if err != nil {
				return nil, err
			}
			if bytes.Contains(b, []byte(setLessons)) {
				b = bytes.ReplaceAll(b, []byte(setLessons), []byte(workspaceLessons))
				withLessons = true
			}
			if err := put(filepath.Join(e.Name, readmeName(lang)), b); err != nil {
				return nil, err
			}
		}
	}
	if withLessons {
		err := fs.WalkDir(lessons.Files, ".", func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(lessons.Files, path)
			if err != nil {
				return err
			}
			return put(filepath.Join("lessons", filepath.FromSlash(path)), b)
		})
		if err != nil {
			return nil, err
		}
	}
	if err := put(".gitignore", []byte(stateDir+"/backup/\n")); err != nil {
		return nil, err
	}
	if err := w.saveState(); err != nil {
		return nil, err
	}
	return rep, nil
}

// An exercise's README links to its lesson as the set's directory sees the
// lessons (exercises/_set/NAME/README.md → lessons/LANG/SLUG.md). A
// workspace gets the lessons beside the exercises, so that those links
// work there too.
const (
	setLessons       = "../../../lessons/"
	workspaceLessons = "../lessons/"
)

func readmeName(lang string) string {
	if lang == "en" {
		return "README.md"
	}
	return "README." + lang + ".md"
}

// ExerciseDir is the directory of exercise name in the workspace.
func (w *Workspace) ExerciseDir(name string) string { return filepath.Join(w.Dir, name) }

// Files returns the learner's package of exercise e: the .go files of its
// directory, tests left out.
func (w *Workspace) Files(e *exercises.Exercise) (exercises.Files, error) {
	dir := w.ExerciseDir(e.Name)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s/ is missing: `workbook init %s` writes what is missing again", e.Name, w.Dir)
	}
	if err != nil {
		return nil, err
	}
	files := exercises.Files{}
	for _, f := range entries {
		n := f.Name()
		if !f.Type().IsRegular() || !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") || strings.HasPrefix(n, ".") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			return nil, err
		}
		files[n] = b
	}
	return files, nil
}

// Reset writes exercise e's starter files again, after copying the
// learner's to a backup directory, which it returns ("" if there was
// nothing to keep).
func (w *Workspace) Reset(e *exercises.Exercise) (string, error) {
	starters, err := e.Starters()
	if err != nil {
		return "", err
	}
	backup := filepath.Join(w.Dir, stateDir, "backup", e.Name, time.Now().Format("20060102-150405.000"))
	kept := false
	for _, name := range e.Files {
		path := filepath.Join(w.ExerciseDir(e.Name), name)
		old, err := os.ReadFile(path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			return "", err
		default:
			if err := os.MkdirAll(backup, 0o755); err != nil {
				return "", err
			}
			if err := WriteFile(filepath.Join(backup, name), old, 0o644); err != nil {
				return "", fmt.Errorf("keeping a backup of %s: %w (nothing was reset)", path, err)
			}
			kept = true
		}
	}
	for _, name := range e.Files {
		path := filepath.Join(w.ExerciseDir(e.Name), name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return "", err
		}
		if err := WriteFile(path, starters[name], 0o644); err != nil {
			return "", err
		}
	}
	delete(w.State.Progress, e.Name)
	if err := w.saveState(); err != nil {
		return "", err
	}
	if !kept {
		return "", nil
	}
	return backup, nil
}

// Record keeps the verdicts of a check as the workspace's progress.
//
// It records into the progress as it is on disk now, not as it was when the
// workspace was opened: workbook watch, workbook serve and workbook check
// may all be running on one workspace, and none may write over what
// another recorded meanwhile.
func (w *Workspace) Record(results ...*exercises.Result) error {
	if !w.submission {
		if now, err := Open(w.Dir); err == nil {
			w.State.Progress = now.State.Progress
		}
	}
	now := time.Now().UTC().Truncate(time.Second)
	for _, r := range results {
		p := w.State.Progress[r.Exercise]
		p.Status, p.Points, p.Checked = r.Status, r.Points, now
		if r.Passed() && p.Passed == nil {
			p.Passed = &now
		}
		w.State.Progress[r.Exercise] = p
	}
	if w.submission {
		return nil
	}
	return w.saveState()
}

// Done reports whether exercise name passed when last checked.
func (w *Workspace) Done(name string) bool {
	return w.State.Progress[name].Status == exercises.Pass
}

// Next returns the first exercise of set, in order, not yet done, or nil.
func (w *Workspace) Next(set *exercises.Set) *exercises.Exercise {
	for _, e := range set.Exercises() {
		if !w.Done(e.Name) {
			return e
		}
	}
	return nil
}

// Backups lists the backups of exercise name, newest first.
func (w *Workspace) Backups(name string) []string {
	dirs, _ := filepath.Glob(filepath.Join(w.Dir, stateDir, "backup", name, "*"))
	sort.Sort(sort.Reverse(sort.StringSlice(dirs)))
	return dirs
}

// WriteFile writes data to path atomically: to a temporary file in the
// same directory, synced, then renamed over path.
func WriteFile(path string, data []byte, perm fs.FileMode) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, perm)
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
