package exercises

import (
	"bytes"
	"context"
	"fmt"
	"go/format"
	"io/fs"
	"slices"
	"strings"
)

// Verify checks an exercise itself, as its author must before learners
// see it: both READMEs are there with a title and hints, and link back to
// the lesson; every Go file is gofmt-formatted; and with g's engine, the
// starter compiles and fails, the reference solution passes, and (with
// wrong, in the built-in engine) each wrong solution fails the tests it
// says it fails. It returns what is wrong, a sentence each; the error is
// for failures of the grader itself.
func (g *Grader) Verify(ctx context.Context, e *Exercise, wrong bool) ([]string, error) {
	var problems []string
	bad := func(format string, args ...any) {
		problems = append(problems, fmt.Sprintf(format, args...))
	}
	if g.Engine == "" || g.Engine == "builtin" {
		for _, lang := range Languages {
			name := readmeName(lang)
			b, err := fs.ReadFile(e.fsys, name)
			if err != nil {
				bad("%s is missing", name)
				continue
			}
			if !bytes.HasPrefix(b, []byte("# ")) {
				bad("%s does not start with its title, a level-one heading", name)
			}
			if section(b, hintHeadings[lang]) == "" {
				bad("%s has no %q section", name, hintHeadings[lang])
			}
			if e.Lesson != "" && !bytes.Contains(b, []byte("lessons/"+lang+"/"+e.Lesson+".md")) {
				bad("%s does not link to its lesson, lessons/%s/%s.md", name, lang, e.Lesson)
			}
		}
		err := fs.WalkDir(e.fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") {
				return err
			}
			src, err := fs.ReadFile(e.fsys, p)
			if err != nil {
				return err
			}
			if out, err := format.Source(src); err != nil {
				bad("%s does not parse: %v", p, err)
			} else if !bytes.Equal(out, src) {
				bad("%s is not gofmt-formatted", p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}

	engine := g.Engine
	if engine == "" {
		engine = "builtin"
	}
	starters, err := e.Starters()
	if err != nil {
		return nil, err
	}
	r, err := g.Grade(ctx, e, starters)
	if err != nil {
		return nil, err
	}
	switch r.Status {
	case Pass:
		bad("the starter passes every test (%s engine): it must leave the learner something to do", engine)
	case Error:
		bad("the starter does not compile (%s engine): %s", engine, r.Message)
	}
	solution, err := e.Solutions()
	if err != nil {
		return nil, err
	}
	if r, err = g.Grade(ctx, e, solution); err != nil {
		return nil, err
	}
	if !r.Passed() {
		bad("the reference solution fails (%s engine): %s", engine, describe(r))
	}
	if !wrong {
		return problems, nil
	}
	wrongs, err := e.Wrongs()
	if err != nil {
		return nil, err
	}
	if len(e.Files) != 1 && len(wrongs) > 0 {
		bad("wrong/ solutions stand in for the exercise's one learner file, and it has %d", len(e.Files))
		return problems, nil
	}
	for _, w := range wrongs {
		r, err := g.Grade(ctx, e, Files{e.Files[0]: w.Src})
		if err != nil {
			return nil, err
		}
		if r.Status == Pass {
			bad("wrong/%s passes (%s engine), though %s", w.Name, engine, lowerFirst(w.Why))
			continue
		}
		if r.Status == Error {
			bad("wrong/%s does not compile (%s engine): %s", w.Name, engine, r.Message)
			continue
		}
		for _, t := range w.Fails {
			i := slices.IndexFunc(r.Tests, func(tr TestResult) bool { return tr.Name == t })
			if i >= 0 && r.Tests[i].Status == Pass {
				bad("wrong/%s passes %s (%s engine), which it says it fails", w.Name, t, engine)
			}
		}
	}
	return problems, nil
}

// describe sums up a result that did not pass: its message, and each
// failing test's first line.
func describe(r *Result) string {
	parts := []string{r.Message}
	for _, t := range r.Failed() {
		parts = append(parts, t.Name+": "+firstLine(t.Message))
	}
	return strings.Join(parts, "; ")
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
