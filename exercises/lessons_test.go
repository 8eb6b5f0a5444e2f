package exercises

import (
	"strings"
	"testing"

	"workbook/lessons"
)

// TestLessonLinks checks the links between the lessons and the built-in
// exercises, both ways: every exercise names a lesson, that lesson points
// to it in every edition, each README links to it, and every exercise a
// lesson points to exists and names that lesson back.
func TestLessonLinks(t *testing.T) {
	set, err := Load(Builtin)
	if err != nil {
		t.Fatal(err)
	}
	book, err := lessons.Load(lessons.Files)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range lessons.Languages {
		for _, l := range book.Lessons(lang) {
			for _, x := range l.Exercises {
				e, ok := set.Lookup(x.Name)
				switch {
				case !ok:
					t.Errorf("%s:%d points to the exercise %q, which the set does not have", l.Path(), x.Line, x.Name)
				case e.Lesson != l.Slug:
					t.Errorf("%s:%d points to %s, whose lesson is %q", l.Path(), x.Line, x.Name, e.Lesson)
				case !strings.Contains(x.Text, "workbook check "+x.Name):
					t.Errorf("%s:%d: the block of %s says how to check it (workbook check %s)", l.Path(), x.Line, x.Name, x.Name)
				}
			}
		}
	}
	for _, e := range set.Exercises() {
		for _, lang := range lessons.Languages {
			l := book.Lesson(lang, e.Lesson)
			if l == nil {
				t.Errorf("%s: its lesson %q does not exist in the %s edition", e.Name, e.Lesson, lang)
				continue
			}
			linked := false
			for _, x := range l.Exercises {
				linked = linked || x.Name == e.Name
			}
			if !linked {
				t.Errorf("%s does not point to the exercise %s, whose lesson it is (add an ```exercise %s block to its Try it yourself)", l.Path(), e.Name, e.Name)
			}
			readme, err := e.README(lang)
			if err != nil {
				t.Error(err)
				continue
			}
			if target := "lessons/" + lang + "/" + e.Lesson + ".md"; !strings.Contains(string(readme), target) {
				t.Errorf("%s's README (%s) does not link to its lesson, %s", e.Name, lang, target)
			}
		}
	}
}
