package lessons

import (
	"io/fs"
	"strings"
	"testing"
)

const front = "---\ntitle: T\norder: 1\nsummary: S\n---\n"

func TestParse(t *testing.T) {
	src := front + "## Heading one\n\n## Go 没有 GIL!\n\n## Heading one\n\nSee [two](two.md#x) and ![a picture](../img/p.svg).\n\n" +
		"```go run race\n" +
		"package main // OMIT\n" +
		"\n" +
		"func main() {\n" +
		"\tprintln(1)\n" +
		"}\n" +
		"func helper() {} // OMIT\n" +
		"```\n\n" +
		"```output\n1\n```\n\n" +
		"```go\nx := 1\n```\n\n" +
		"```go run want=deadlock\npackage main\nfunc main() { select {} }\n```\n" +
		"```output pattern unordered\nfatal error: all goroutines are asleep - deadlock!\n…\n```\n"
	l, err := Parse("en/one.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if l.Slug != "one" || l.Lang != "en" || l.Title != "T" || l.Order != 1 || l.Summary != "S" {
		t.Errorf("metadata = %q %q %q %d %q", l.Slug, l.Lang, l.Title, l.Order, l.Summary)
	}
	if len(l.Snippets) != 3 {
		t.Fatalf("%d snippets; want 3", len(l.Snippets))
	}
	s := l.Snippets[0]
	if !s.Run || !s.Race || s.Want != "" || s.Line != 14 {
		t.Errorf("snippet 0: run %v race %v want %q line %d", s.Run, s.Race, s.Want, s.Line)
	}
	if s.Head != "package main // OMIT\n" || s.Tail != "func helper() {} // OMIT\n" || !strings.HasPrefix(s.Shown, "\nfunc main()") {
		t.Errorf("snippet 0: head %q shown %q tail %q", s.Head, s.Shown, s.Tail)
	}
	if got := s.Program("func main() {}\n"); got != "package main // OMIT\nfunc main() {}\nfunc helper() {} // OMIT\n" {
		t.Errorf("Program = %q", got)
	}
	if s.Output == nil || s.Output.Text != "1\n" {
		t.Errorf("snippet 0 output = %+v", s.Output)
	}
	if d := l.Snippets[1]; d.Run || d.Output != nil || d.Shown != "x := 1\n" {
		t.Errorf("snippet 1 = %+v", d)
	}
	if d := l.Snippets[2]; d.Want != "deadlock" || d.Output == nil || !d.Output.Pattern || !d.Output.Unordered {
		t.Errorf("snippet 2 = %+v, output %+v", d, d.Output)
	}
	if len(l.Links) != 2 || l.Links[0].Dest != "two.md#x" || !l.Links[1].Image || l.Links[0].Line != 12 {
		t.Errorf("links = %+v", l.Links)
	}
	if strings.Join(l.Anchors, " ") != "heading-one go-没有-gil heading-one-1" {
		t.Errorf("anchors = %q", l.Anchors)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"en/a.md", "# no front matter\n", "en/a.md:1: a lesson starts with front matter"},
		{"a.md", front, "a.md: a lesson is a file <lang>/<slug>.md"},
		{"en/a.md", "---\ntitle: T\norder: 1\n---\n", "en/a.md:4: the front matter has no summary:"},
		{"en/a.md", "---\ntitle: T\norder: one\nsummary: S\n---\n", `en/a.md:3: order: is a number from 1, not "one"`},
		{"en/a.md", "---\ntitle: T\nauthor: me\n---\n", `en/a.md:3: unknown front matter key "author"`},
		{"en/a.md", "---\ntitle: T\ntitle: U\n---\n", "en/a.md:3: title: is given twice"},
		{"en/a.md", "---\ntitle: T\n", "en/a.md: the front matter is not closed"},
		{"en/a.md", front + "```go run\npackage main\nfunc main() {}\n```\n", "en/a.md:6: the runnable block has no output block after it"},
		{"en/a.md", front + "```output\n1\n```\n", "en/a.md:6: an output block follows a runnable Go block"},
		{"en/a.md", front + "```go run fast\n```\n", `en/a.md:6: unknown word "fast"`},
		{"en/a.md", front + "```go race\n```\n", `en/a.md:6: unknown word "race"`},
		{"en/a.md", front + "```go run want=\n```\n", "en/a.md:6: want= names the reason"},
		{"en/a.md", front + "```go run\nfunc main() {}\n\tx() // OMIT\n}\n```\n```output\n```\n", "en/a.md:6: line 2 of the block ends in \"// OMIT\" between lines that are shown"},
		{"en/a.md", front + "```go run\npackage main\n```\n```output sorted\n```\n", `en/a.md:9: unknown word "sorted" after output`},
		{"en/a.md", front + "Intro.\n\n# Title again\n", "en/a.md:8: the title is in the front matter"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.name, []byte(tt.src))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%q, %q) = %v; want an error containing %q", tt.name, tt.src, err, tt.want)
		}
	}
}

func TestLanguage(t *testing.T) {
	for locale, want := range map[string]string{"": "en", "C.UTF-8": "en", "zh_CN.UTF-8": "zh", "zh_TW": "zh", "en_GB.UTF-8": "en", "fr_FR": "en"} {
		if got := Language(locale); got != want {
			t.Errorf("Language(%q) = %q; want %q", locale, got, want)
		}
	}
}

func FuzzParse(f *testing.F) {
	if err := addLessons(f); err != nil {
		f.Fatal(err)
	}
	f.Add([]byte(front + "```go run\n// OMIT\n```\n```output pattern\n…\n```\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		l, err := Parse("en/x.md", src)
		if err != nil {
			return
		}
		for _, s := range l.Snippets {
			if s.Run && s.Head+s.Shown+s.Tail != s.Code {
				t.Errorf("head+shown+tail = %q; code %q", s.Head+s.Shown+s.Tail, s.Code)
			}
			if s.Output != nil && !s.Output.Match(s.Output.Text) {
				t.Errorf("%+v does not match its own text", s.Output)
			}
		}
	})
}

// addLessons seeds a fuzz test with the lessons.
func addLessons(f *testing.F) error {
	names, err := fs.Glob(Files, "*/*.md")
	if err != nil {
		return err
	}
	for _, name := range names {
		src, err := fs.ReadFile(Files, name)
		if err != nil {
			return err
		}
		f.Add(src)
	}
	return nil
}

func TestWithoutOmit(t *testing.T) {
	for in, want := range map[string]string{
		"a := 1 // OMIT\n":       "a := 1\n",
		"// OMIT\nb()\n":         "\nb()\n",
		"c() // OMIT  \n":        "c()\n",
		"d() // not omitted\n":   "d() // not omitted\n",
		"e() // OMIT":            "e()",
		"x := \"// OMIT\" + y\n": "x := \"// OMIT\" + y\n",
	} {
		if got := withoutOmit(in); got != want {
			t.Errorf("withoutOmit(%q) = %q; want %q", in, got, want)
		}
	}
}
