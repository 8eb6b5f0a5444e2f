package lessons

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

//go:embed en zh img
var content embed.FS

// Files are the workbook's own lessons: en/ and zh/, and img/ for the
// pictures both editions show.
var Files fs.FS = content

// Languages are the editions, the first the default.
var Languages = []string{"en", "zh"}

// A Book is every edition of the lessons.
type Book struct {
	editions map[string][]*Lesson
	partial  bool // only some lessons were loaded
}

// Load reads the lessons of every edition from fsys and checks that the
// editions have the same lessons, in the same order.
func Load(fsys fs.FS) (*Book, error) { return load(fsys, "*") }

// load reads the lessons whose slug matches the pattern.
func load(fsys fs.FS, slug string) (*Book, error) {
	b := &Book{editions: map[string][]*Lesson{}, partial: slug != "*"}
	var errs []error
	for _, lang := range Languages {
		names, err := fs.Glob(fsys, lang+"/"+slug+".md")
		if err != nil {
			return nil, err
		}
		if len(names) == 0 {
			errs = append(errs, fmt.Errorf("%s/: no lessons (a lesson is a file %s/<slug>.md)", lang, lang))
			continue
		}
		for _, name := range names {
			src, err := fs.ReadFile(fsys, name)
			if err != nil {
				return nil, err
			}
			l, err := Parse(name, src)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			b.editions[lang] = append(b.editions[lang], l)
		}
		ls := b.editions[lang]
		sort.SliceStable(ls, func(i, j int) bool { return ls[i].Order < ls[j].Order })
		for i := 1; i < len(ls); i++ {
			if ls[i].Order == ls[i-1].Order {
				errs = append(errs, fmt.Errorf("%s and %s both have order: %d", ls[i-1].Path(), ls[i].Path(), ls[i].Order))
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	first := b.editions[Languages[0]]
	for _, lang := range Languages[1:] {
		other := b.editions[lang]
		for i := 0; i < max(len(first), len(other)); i++ {
			switch {
			case i >= len(other):
				errs = append(errs, fmt.Errorf("%s has no %s edition (%s/%s.md)", first[i].Path(), lang, lang, first[i].Slug))
			case i >= len(first):
				errs = append(errs, fmt.Errorf("%s has no %s edition (%s/%s.md)", other[i].Path(), first[0].Lang, first[0].Lang, other[i].Slug))
			case first[i].Slug != other[i].Slug || first[i].Order != other[i].Order:
				errs = append(errs, fmt.Errorf("lesson %d is %s in %s but %s in %s: the editions have the same lessons in the same order",
					i+1, first[i].Path(), first[i].Lang, other[i].Path(), lang))
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return b, nil
}

// Lessons are the lessons of one edition, in order; nil for an edition
// there is not.
func (b *Book) Lessons(lang string) []*Lesson { return b.editions[lang] }

// Lesson is one lesson of one edition, or nil.
func (b *Book) Lesson(lang, slug string) *Lesson {
	for _, l := range b.editions[lang] {
		if l.Slug == slug {
			return l
		}
	}
	return nil
}

// Language picks the edition for a locale such as $LANG ("zh_CN.UTF-8"):
// the one its language names, or the default.
func Language(locale string) string {
	locale = strings.ToLower(locale)
	for _, lang := range Languages {
		if strings.HasPrefix(locale, lang) {
			return lang
		}
	}
	return Languages[0]
}

// resolve is the file a relative link of lesson l points to, and its
// fragment.
func resolve(l *Lesson, dest string) (file, fragment string) {
	file, fragment, _ = strings.Cut(dest, "#")
	if file == "" {
		return l.Path(), fragment
	}
	return path.Join(l.Lang, file), fragment
}
