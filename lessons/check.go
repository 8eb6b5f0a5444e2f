package lessons

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"go/format"
	"go/scanner"
	"go/token"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Check finds what Load lets through but a reader would trip on: editions
// whose snippets differ, and links that lead nowhere.
func Check(fsys fs.FS, b *Book) error {
	return errors.Join(checkParity(b), checkLinks(fsys, b), checkImages(fsys, b), checkFormat(b), checkEmphasis(b), checkWording(b))
}

// wording are the words each edition's prose does without, and why: the
// text the lessons grew from is "the original text", introduced in the
// first lesson, and Chinese prose quotes with “”, as the rest of it does.
var wording = map[string][]struct{ find, why string }{
	"en": {{"seed", `call it "the original text", as the first lesson introduces it`}},
	"zh": {{`"`, "Chinese prose quotes with “…”, not straight quotes"}},
}

// checkWording holds the prose of each edition, code left out, to its
// wording rules.
func checkWording(b *Book) error {
	var errs []error
	for _, lang := range Languages {
		for _, l := range b.Lessons(lang) {
			src := l.Body
			doc := markdown.Parser().Parse(text.NewReader(src), parser.WithContext(ParseContext()))
			ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
				switch n.(type) {
				case *ast.CodeSpan, *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock, *ast.RawHTML:
					return ast.WalkSkipChildren, nil
				}
				t, ok := n.(*ast.Text)
				if !entering || !ok {
					return ast.WalkContinue, nil
				}
				value := strings.ToLower(string(t.Segment.Value(src)))
				for _, w := range wording[lang] {
					if strings.Contains(value, w.find) {
						line := l.BodyLine + bytes.Count(src[:t.Segment.Start], []byte("\n"))
						errs = append(errs, fmt.Errorf("%s:%d: %q: %s", l.Path(), line, w.find, w.why))
					}
				}
				return ast.WalkContinue, nil
			})
			for _, w := range wording[lang] {
				if strings.Contains(strings.ToLower(l.Title+l.Summary), w.find) {
					errs = append(errs, fmt.Errorf("%s: the front matter has %q: %s", l.Path(), w.find, w.why))
				}
			}
		}
	}
	return errors.Join(errs...)
}

// checkEmphasis finds strong emphasis that Markdown leaves as literal
// asterisks. CommonMark closes ** only where it is "right-flanking", and
// punctuation followed by a letter is not: "**标题。**正文" shows its
// asterisks, as it would on GitHub. Chinese puts the full stop after the
// closing marks ("**标题**。正文") or a space after them.
func checkEmphasis(b *Book) error {
	var errs []error
	for _, lang := range Languages {
		for _, l := range b.Lessons(lang) {
			src := l.Body
			doc := markdown.Parser().Parse(text.NewReader(src), parser.WithContext(ParseContext()))
			reported := map[int]bool{}
			ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
				if _, code := n.(*ast.CodeSpan); code {
					return ast.WalkSkipChildren, nil
				}
				t, ok := n.(*ast.Text)
				if !entering || !ok || !bytes.Contains(t.Segment.Value(src), []byte("**")) {
					return ast.WalkContinue, nil
				}
				line := l.BodyLine + bytes.Count(src[:t.Segment.Start], []byte("\n"))
				if !reported[line] {
					reported[line] = true
					errs = append(errs, fmt.Errorf("%s:%d: ** shows as asterisks, not bold: where ** touches punctuation inside, it needs a space or punctuation outside (write \"**标题**。\", not \"**标题。**\")", l.Path(), line))
				}
				return ast.WalkContinue, nil
			})
		}
	}
	return errors.Join(errs...)
}

// checkFormat requires the Go blocks that are whole files to be formatted
// as gofmt formats them, once their OMIT marks are gone: what a learner
// sees and copies is idiomatic Go.
func checkFormat(b *Book) error {
	var errs []error
	for _, lang := range Languages {
		for _, l := range b.Lessons(lang) {
			for _, s := range l.Snippets {
				if !strings.HasPrefix(strings.TrimSpace(s.Code), "package ") {
					continue // a fragment
				}
				code := withoutOmit(s.Code)
				formatted, err := format.Source([]byte(code))
				if err != nil {
					if s.Run {
						errs = append(errs, fmt.Errorf("%s:%d: %v", l.Path(), s.Line, err))
					}
					continue
				}
				// With hidden lines, what is shown must read as gofmt would
				// write it there; the hidden lines are nobody's to read.
				if s.Head != "" || s.Tail != "" {
					if !strings.Contains(string(formatted), withoutOmit(s.Shown)) {
						errs = append(errs, fmt.Errorf("%s:%d: the lines shown are not formatted as gofmt formats them", l.Path(), s.Line))
					}
					continue
				}
				if string(formatted) != code {
					errs = append(errs, fmt.Errorf("%s:%d: the program is not formatted as gofmt formats it", l.Path(), s.Line))
				}
			}
		}
	}
	return errors.Join(errs...)
}

// checkParity requires every edition of a lesson to have the snippets of
// the first edition, in the same order: the same info strings, the same
// code but for its comments (which are translated), the same output.
func checkParity(b *Book) error {
	var errs []error
	first := b.Lessons(Languages[0])
	for _, lang := range Languages[1:] {
		for i, l := range b.Lessons(lang) {
			f := first[i]
			if names(l.Exercises) != names(f.Exercises) {
				errs = append(errs, fmt.Errorf("%s points to the exercises %q, %s to %q: the editions point to the same ones",
					l.Path(), names(l.Exercises), f.Path(), names(f.Exercises)))
			}
			if len(l.Snippets) != len(f.Snippets) {
				errs = append(errs, fmt.Errorf("%s has %d Go blocks, %s has %d: the editions have the same snippets",
					l.Path(), len(l.Snippets), f.Path(), len(f.Snippets)))
				continue
			}
			for j, s := range l.Snippets {
				fs := f.Snippets[j]
				switch {
				case s.Info != fs.Info:
					errs = append(errs, fmt.Errorf("%s:%d: the info string is %q, but %q at %s:%d", l.Path(), s.Line, s.Info, fs.Info, f.Path(), fs.Line))
				case !slices.Equal(codeTokens(s.Code), codeTokens(fs.Code)):
					errs = append(errs, fmt.Errorf("%s:%d: the code differs from %s:%d (only comments may be translated)", l.Path(), s.Line, f.Path(), fs.Line))
				case (s.Output == nil) != (fs.Output == nil) || s.Output != nil && *s.Output != *fs.Output:
					errs = append(errs, fmt.Errorf("%s:%d: the expected output differs from %s:%d", l.Path(), s.Line, f.Path(), fs.Line))
				}
			}
		}
	}
	return errors.Join(errs...)
}

// names lists the exercises of links, in order.
func names(links []ExerciseLink) string {
	var out []string
	for _, x := range links {
		out = append(out, x.Name)
	}
	return strings.Join(out, " ")
}

// withoutOmit is code without the marks of hidden lines.
func withoutOmit(code string) string {
	lines := strings.SplitAfter(code, "\n")
	for i, l := range lines {
		body, nl := strings.CutSuffix(l, "\n")
		if strings.HasSuffix(strings.TrimRight(body, " \t"), omit) {
			body = strings.TrimRight(strings.TrimSuffix(strings.TrimRight(body, " \t"), omit), " \t")
			lines[i] = body
			if nl {
				lines[i] += "\n"
			}
		}
	}
	return strings.Join(lines, "")
}

// codeTokens are the tokens of Go code, comments left out.
func codeTokens(code string) []string {
	var s scanner.Scanner
	fset := token.NewFileSet()
	src := []byte(code)
	s.Init(fset.AddFile("", -1, len(src)), src, nil, 0)
	var toks []string
	for {
		_, tok, lit := s.Scan()
		if tok == token.EOF {
			return toks
		}
		if tok == token.SEMICOLON && lit == "\n" {
			continue // inserted at a line's end, maybe after a comment
		}
		toks = append(toks, tok.String()+" "+lit)
	}
}

// checkLinks requires every relative link and image of a lesson to name a
// file of fsys, and a link's fragment to name a heading of the lesson it
// leads to.
func checkLinks(fsys fs.FS, b *Book) error {
	var errs []error
	for _, lang := range Languages {
		for _, l := range b.Lessons(lang) {
			for _, link := range l.Links {
				if strings.Contains(link.Dest, ":") || strings.HasPrefix(link.Dest, "//") {
					continue // a URL
				}
				file, fragment := resolve(l, link.Dest)
				if _, err := fs.Stat(fsys, file); err != nil {
					errs = append(errs, fmt.Errorf("%s:%d: %s leads nowhere: there is no %s", l.Path(), link.Line, link.Dest, file))
					continue
				}
				if fragment == "" {
					continue
				}
				target := b.Lesson(lang, strings.TrimSuffix(strings.TrimPrefix(file, lang+"/"), ".md"))
				if target == nil && strings.HasSuffix(file, ".md") {
					if src, err := fs.ReadFile(fsys, file); err == nil {
						target, _ = Parse(file, src)
					}
				}
				if target == nil || target.Path() != file {
					errs = append(errs, fmt.Errorf("%s:%d: %s: a fragment (#%s) only names a heading of a lesson", l.Path(), link.Line, link.Dest, fragment))
				} else if !slices.Contains(target.Anchors, fragment) {
					errs = append(errs, fmt.Errorf("%s:%d: %s: %s has no heading #%s (its headings: %s)", l.Path(), link.Line, link.Dest, file, fragment, strings.Join(target.Anchors, ", ")))
				}
			}
		}
	}
	return errors.Join(errs...)
}

// checkImages requires every picture in img/ to be shown by a lesson, and
// to be an SVG drawing that stands alone: an <svg> with a viewBox, no
// scripts, nothing fetched from elsewhere.
func checkImages(fsys fs.FS, b *Book) error {
	shown := map[string]bool{}
	for _, lang := range Languages {
		for _, l := range b.Lessons(lang) {
			for _, link := range l.Links {
				file, _ := resolve(l, link.Dest)
				shown[file] = true
			}
		}
	}
	names, err := fs.Glob(fsys, "img/*")
	if err != nil {
		return err
	}
	var errs []error
	for _, name := range names {
		if !shown[name] && !b.partial {
			errs = append(errs, fmt.Errorf("%s is shown by no lesson", name))
		}
		if path.Ext(name) != ".svg" {
			errs = append(errs, fmt.Errorf("%s: pictures are SVG drawings", name))
			continue
		}
		if err := checkSVG(fsys, name); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", name, err))
		}
	}
	return errors.Join(errs...)
}

func checkSVG(fsys fs.FS, name string) error {
	f, err := fsys.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	d := xml.NewDecoder(f)
	root := true
	for {
		tok, err := d.Token()
		if err == io.EOF {
			if root {
				return errors.New("empty")
			}
			return nil
		}
		if err != nil {
			return err
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if root {
			root = false
			if el.Name.Local != "svg" || !hasAttr(el, "viewBox") {
				return errors.New("not an <svg> element with a viewBox")
			}
		}
		switch strings.ToLower(el.Name.Local) {
		case "script", "foreignobject", "iframe":
			return fmt.Errorf("has a <%s>", el.Name.Local)
		}
		for _, a := range el.Attr {
			v := strings.TrimSpace(a.Value)
			if strings.HasPrefix(strings.ToLower(a.Name.Local), "on") {
				return fmt.Errorf("has an event handler (%s)", a.Name.Local)
			}
			if (a.Name.Local == "href" || a.Name.Local == "src") && !strings.HasPrefix(v, "#") {
				return fmt.Errorf("refers to %s: a picture stands alone", v)
			}
			if strings.Contains(v, "url(") && !strings.Contains(v, "url(#") {
				return fmt.Errorf("refers to %s: a picture stands alone", v)
			}
		}
	}
}

func hasAttr(el xml.StartElement, name string) bool {
	for _, a := range el.Attr {
		if a.Name.Local == name {
			return true
		}
	}
	return false
}
