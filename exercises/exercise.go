package exercises

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

//go:embed _set
var builtin embed.FS

// Builtin is the workbook's own exercise set: a directory per exercise.
var Builtin fs.FS = mustSub(builtin, "_set")

func mustSub(fsys fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		panic(err)
	}
	return sub
}

// Languages are the languages every exercise's README is written in.
var Languages = []string{"en", "zh"}

// An Exercise is one exercise of a set, as its directory and metadata
// describe it.
type Exercise struct {
	// Name is the exercise's directory, and its package's name.
	Name   string
	Topic  string
	Order  int
	Points int
	// Lesson is the slug of the lesson the exercise practises, if any.
	Lesson  string
	Timeout time.Duration
	// Race says whether the tests run with the race detector.
	Race bool
	// Count is how many times each test runs in one check.
	Count int
	// Files are the learner's files, the starters; TestFiles the hidden
	// tests'; Tests the names of the TestXxx functions in them, in order.
	Files     []string
	TestFiles []string
	Tests     []string

	hints map[string]map[string]string // test → language → hint
	fsys  fs.FS                        // the exercise's directory
}

// meta is exercise.toml.
type meta struct {
	Topic   string                       `toml:"topic"`
	Order   int                          `toml:"order"`
	Points  int                          `toml:"points"`
	Lesson  string                       `toml:"lesson"`
	Timeout string                       `toml:"timeout"`
	Race    *bool                        `toml:"race"`
	Count   int                          `toml:"count"`
	Hints   map[string]map[string]string `toml:"hints"`
}

// A Set is a set of exercises, in order.
type Set struct {
	list []*Exercise
}

// Load reads the exercise set of fsys: every directory holding an
// exercise.toml. The error lists every problem found, each naming the
// file, so that an instructor can fix them all at once.
func Load(fsys fs.FS) (*Set, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, err
	}
	var set Set
	var errs []error
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		if _, err := fs.Stat(fsys, path.Join(e.Name(), "exercise.toml")); err != nil {
			continue
		}
		ex, err := loadExercise(fsys, e.Name())
		if err != nil {
			errs = append(errs, err)
			continue
		}
		set.list = append(set.list, ex)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if len(set.list) == 0 {
		return nil, errors.New("no exercises: an exercise is a directory holding an exercise.toml")
	}
	sort.SliceStable(set.list, func(i, j int) bool {
		a, b := set.list[i], set.list[j]
		if a.Order != b.Order {
			return a.Order < b.Order
		}
		return a.Name < b.Name
	})
	for i := 1; i < len(set.list); i++ {
		if a, b := set.list[i-1], set.list[i]; a.Order == b.Order {
			errs = append(errs, fmt.Errorf("%s/exercise.toml: order %d is %s's too: each exercise has a place of its own", b.Name, b.Order, a.Name))
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return &set, nil
}

// Exercises returns the exercises in order.
func (s *Set) Exercises() []*Exercise { return s.list }

// Lookup returns the exercise of the given name.
func (s *Set) Lookup(name string) (*Exercise, bool) {
	for _, e := range s.list {
		if e.Name == name {
			return e, true
		}
	}
	return nil, false
}

// Names lists the exercises' names, in order.
func (s *Set) Names() []string {
	var names []string
	for _, e := range s.list {
		names = append(names, e.Name)
	}
	return names
}

func loadExercise(fsys fs.FS, name string) (*Exercise, error) {
	dir := mustSub(fsys, name)
	where := name + "/exercise.toml"
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%s: %s", where, fmt.Sprintf(format, args...))
	}
	if !token.IsIdentifier(name) || strings.ToLower(name) != name || strings.Contains(name, "_") {
		return nil, fmt.Errorf("%s: an exercise's directory is its package's name: lower-case letters and digits, not %q", name, name)
	}
	if stdPackage(name) {
		return nil, fmt.Errorf("%s: %q is the name of a standard package, which its tests could not import by that name: choose another", name, name)
	}
	raw, err := fs.ReadFile(dir, "exercise.toml")
	if err != nil {
		return nil, err
	}
	var m meta
	md, err := toml.Decode(string(raw), &m)
	if err != nil {
		return nil, bad("%v", err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		var keys []string
		for _, k := range und {
			keys = append(keys, k.String())
		}
		return nil, bad("unknown key %s (the keys are topic, order, points, lesson, timeout, race, count and [hints.TestName])", strings.Join(keys, ", "))
	}
	e := &Exercise{Name: name, Topic: m.Topic, Order: m.Order, Points: m.Points, Lesson: m.Lesson, Race: true, Count: 1, hints: m.Hints, fsys: dir}
	switch {
	case m.Topic == "":
		return nil, bad("topic is missing (races, ipc, event-loops, deadlocks, or a topic of your own)")
	case m.Order <= 0:
		return nil, bad("order is missing: a positive number, the exercise's place in the set")
	case m.Points < 0:
		return nil, bad("points is negative")
	case m.Count < 0 || m.Count > 100:
		return nil, bad("count must be between 1 and 100")
	}
	if m.Count > 0 {
		e.Count = m.Count
	}
	if m.Race != nil {
		e.Race = *m.Race
	}
	e.Timeout = 10 * time.Second
	if m.Timeout != "" {
		if e.Timeout, err = time.ParseDuration(m.Timeout); err != nil || e.Timeout <= 0 || e.Timeout > 10*time.Minute {
			return nil, bad("timeout %q is not a duration between 0 and 10m, such as \"10s\"", m.Timeout)
		}
	}

	entries, err := fs.ReadDir(dir, ".")
	if err != nil {
		return nil, err
	}
	for _, f := range entries {
		n := f.Name()
		switch {
		case f.IsDir() || !strings.HasSuffix(n, ".go"):
		case strings.HasSuffix(n, "_test.go"):
			e.TestFiles = append(e.TestFiles, n)
		default:
			e.Files = append(e.Files, n)
		}
	}
	if len(e.Files) == 0 {
		return nil, fmt.Errorf("%s: no starter: the learner's files are the .go files beside exercise.toml", name)
	}
	if len(e.TestFiles) == 0 {
		return nil, fmt.Errorf("%s: no hidden tests: they are the _test.go files beside exercise.toml", name)
	}
	if e.Tests, err = e.testNames(); err != nil {
		return nil, err
	}
	for test, langs := range m.Hints {
		if !slices.Contains(e.Tests, test) {
			return nil, bad("a hint for %s, which is not a test of %s", test, strings.Join(e.TestFiles, ", "))
		}
		for lang := range langs {
			if !slices.Contains(Languages, lang) {
				return nil, bad("hints.%s.%s: the languages are %s", test, lang, strings.Join(Languages, ", "))
			}
		}
	}
	return e, nil
}

// testNames parses the hidden tests for the names of their TestXxx
// functions: the grader's own list of what must run and pass.
func (e *Exercise) testNames() ([]string, error) {
	var names []string
	fset := token.NewFileSet()
	for _, name := range e.TestFiles {
		src, err := fs.ReadFile(e.fsys, name)
		if err != nil {
			return nil, err
		}
		f, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
		if err != nil {
			return nil, fmt.Errorf("%s/%v", e.Name, err)
		}
		if f.Name.Name != e.Name+"_test" && f.Name.Name != e.Name {
			return nil, fmt.Errorf("%s/%s: package %s: the hidden tests are package %s_test", e.Name, name, f.Name.Name, e.Name)
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && isTest(fd) {
				names = append(names, fd.Name.Name)
			}
		}
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%s: the hidden tests hold no TestXxx function", e.Name)
	}
	return names, nil
}

// isTest reports whether fd is a function go test runs as a test.
func isTest(fd *ast.FuncDecl) bool {
	name := fd.Name.Name
	if fd.Recv != nil || !strings.HasPrefix(name, "Test") || (len(name) > 4 && name[4] >= 'a' && name[4] <= 'z') {
		return false
	}
	return fd.Type.Params != nil && len(fd.Type.Params.List) == 1
}

// Starter returns the starter of the learner's file name.
func (e *Exercise) Starter(name string) ([]byte, error) { return fs.ReadFile(e.fsys, name) }

// Solution returns the reference solution of the learner's file name.
func (e *Exercise) Solution(name string) ([]byte, error) {
	return fs.ReadFile(e.fsys, path.Join("solution", name))
}

// Files of a kind, as the grader takes them: name → source.
type Files map[string][]byte

// Starters returns the starter files.
func (e *Exercise) Starters() (Files, error) { return e.read(e.Starter) }

// Solutions returns the reference solution.
func (e *Exercise) Solutions() (Files, error) { return e.read(e.Solution) }

func (e *Exercise) read(get func(string) ([]byte, error)) (Files, error) {
	out := Files{}
	for _, name := range e.Files {
		b, err := get(name)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", e.Name, err)
		}
		out[name] = b
	}
	return out, nil
}

// hiddenTests returns the hidden test files.
func (e *Exercise) hiddenTests() (Files, error) {
	out := Files{}
	for _, name := range e.TestFiles {
		b, err := fs.ReadFile(e.fsys, name)
		if err != nil {
			return nil, err
		}
		out[name] = b
	}
	return out, nil
}

// A Wrong is a wrong solution the hidden tests must catch.
type Wrong struct {
	Name  string // its file, under wrong/
	Why   string // what is wrong with it
	Fails []string
	Src   []byte
}

// Wrongs returns the exercise's wrong solutions.
func (e *Exercise) Wrongs() ([]Wrong, error) {
	entries, err := fs.ReadDir(e.fsys, "wrong")
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Wrong
	for _, f := range entries {
		if !strings.HasSuffix(f.Name(), ".go") {
			continue
		}
		src, err := fs.ReadFile(e.fsys, path.Join("wrong", f.Name()))
		if err != nil {
			return nil, err
		}
		w := Wrong{Name: f.Name(), Src: src}
		for _, line := range strings.SplitN(string(src), "\n", 3)[:2] {
			if s, ok := strings.CutPrefix(line, "// Wrong: "); ok {
				w.Why = s
			}
			if s, ok := strings.CutPrefix(line, "// Fails: "); ok {
				for _, t := range strings.Split(s, ",") {
					w.Fails = append(w.Fails, strings.TrimSpace(t))
				}
			}
		}
		if w.Why == "" || len(w.Fails) == 0 {
			return nil, fmt.Errorf("%s/wrong/%s: it starts with \"// Wrong: <what is wrong>\" and \"// Fails: TestA, TestB\"", e.Name, f.Name())
		}
		for _, t := range w.Fails {
			if !slices.Contains(e.Tests, t) {
				return nil, fmt.Errorf("%s/wrong/%s: Fails names %s, which is not a test of %s", e.Name, f.Name(), t, e.Name)
			}
		}
		out = append(out, w)
	}
	return out, nil
}

// README returns the exercise's README in lang ("en", "zh"); English
// when there is none in lang.
func (e *Exercise) README(lang string) ([]byte, error) {
	if lang != "en" {
		if b, err := fs.ReadFile(e.fsys, "README."+lang+".md"); err == nil {
			return b, nil
		}
	}
	return fs.ReadFile(e.fsys, "README.md")
}

// readmeName is the file name of the README in lang.
func readmeName(lang string) string {
	if lang == "en" {
		return "README.md"
	}
	return "README." + lang + ".md"
}

// Title returns the exercise's title in lang: its README's first heading.
func (e *Exercise) Title(lang string) string {
	b, err := e.README(lang)
	if err != nil {
		return e.Name
	}
	for _, line := range strings.Split(string(b), "\n") {
		if t, ok := strings.CutPrefix(line, "# "); ok {
			return strings.TrimSpace(t)
		}
	}
	return e.Name
}

// hintHeadings are the headings of the README section workbook hint
// prints, by language.
var hintHeadings = map[string]string{"en": "## Hints", "zh": "## 提示"}

// HintText returns the hints of the exercise's README in lang: the text
// of its Hints section.
func (e *Exercise) HintText(lang string) string {
	b, err := e.README(lang)
	if err != nil {
		return ""
	}
	return section(b, hintHeadings[lang], hintHeadings["en"])
}

// section returns the text under the first level-two heading among
// headings, up to the next level-one or level-two heading.
func section(md []byte, headings ...string) string {
	lines := strings.Split(string(md), "\n")
	for i, line := range lines {
		if !slices.Contains(headings, strings.TrimSpace(line)) {
			continue
		}
		var out []string
		for _, l := range lines[i+1:] {
			if strings.HasPrefix(l, "# ") || strings.HasPrefix(l, "## ") {
				break
			}
			out = append(out, l)
		}
		return strings.TrimSpace(strings.Join(out, "\n"))
	}
	return ""
}

// Hint returns the hint for a failing test, in lang (or English).
func (e *Exercise) Hint(test, lang string) string {
	h := e.hints[test]
	if s := h[lang]; s != "" {
		return s
	}
	return h["en"]
}

// importsProc reports whether any file the exercise grades imports
// workbook/proc.
func importsProc(files ...Files) bool {
	for _, fs := range files {
		for _, src := range fs {
			if bytes.Contains(src, []byte(`"workbook/proc"`)) {
				return true
			}
		}
	}
	return false
}

// stdNames are the one-word import paths of the standard library, which
// an exercise's package cannot be named: its tests import it by its name.
var stdNames = strings.Fields(`arena bufio builtin bytes cmp container context crypto database
	debug embed encoding errors expvar flag fmt go hash html image index internal io iter log
	maps math mime net os path plugin reflect regexp runtime slices sort strconv strings structs
	sync syscall testing text time unicode unique unsafe weak`)

func stdPackage(name string) bool { return slices.Contains(stdNames, name) }
