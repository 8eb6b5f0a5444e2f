package lessons

import (
	"bytes"
	"fmt"
	"path"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// A Lesson is one edition of one lesson.
type Lesson struct {
	Slug    string // the file's name without .md: "processes"
	Lang    string // the edition: "en", "zh"
	Title   string
	Order   int
	Summary string
	// Body is the Markdown after the front matter; BodyLine is the line of
	// the file it starts at.
	Body     []byte
	BodyLine int
	// Snippets are the lesson's Go blocks, in order.
	Snippets []*Snippet
	// Links are the destinations of the lesson's links and images.
	Links []Link
	// Anchors are the ids of the lesson's headings.
	Anchors []string
	// Exercises are the graded exercises the lesson points to, in order.
	Exercises []ExerciseLink
}

// An ExerciseLink is a block that points to a graded exercise.
type ExerciseLink struct {
	Line int
	// Name is the exercise's; Text, the block's text, what a reader of
	// the Markdown file sees of it.
	Name, Text string
}

// Path is the lesson's file in the lessons' file system.
func (l *Lesson) Path() string { return l.Lang + "/" + l.Slug + ".md" }

// A Snippet is a Go block of a lesson.
type Snippet struct {
	Line int    // the line of its opening fence in the lesson's file
	Info string // its info string
	// Run says it is a program to run; Race, to run with the race
	// detector; Want, the reason the run must end with ("" for a clean
	// exit).
	Run  bool
	Race bool
	Want string
	// Code is the whole program. Shown is what a reader sees and edits;
	// Head and Tail are the lines marked OMIT before and after it.
	Code              string
	Head, Shown, Tail string
	// Output is what a runnable snippet prints; nil for the others.
	Output *Output
}

// Program is the code to run with shown in place of the lines the lesson
// shows: a reader's edit of the snippet.
func (s *Snippet) Program(shown string) string {
	if shown != "" && !strings.HasSuffix(shown, "\n") {
		shown += "\n"
	}
	return s.Head + shown + s.Tail
}

// A Link is the destination of a link or an image, and where it is.
type Link struct {
	Line  int
	Dest  string
	Image bool
}

// omit marks a line that runs but is not shown.
const omit = "// OMIT"

// Parse reads one lesson file. name is its path in the lessons' file
// system, lang/slug.md.
func Parse(name string, src []byte) (*Lesson, error) {
	dir, file := path.Split(name)
	if !strings.HasSuffix(file, ".md") || dir == "" {
		return nil, fmt.Errorf("%s: a lesson is a file <lang>/<slug>.md", name)
	}
	l := &Lesson{Slug: strings.TrimSuffix(file, ".md"), Lang: strings.TrimSuffix(dir, "/")}
	if err := l.frontMatter(name, src); err != nil {
		return nil, err
	}
	if err := l.blocks(name); err != nil {
		return nil, err
	}
	return l, nil
}

// frontMatter reads the metadata between the two lines of dashes that
// open the file, and sets Body to what follows.
func (l *Lesson) frontMatter(name string, src []byte) error {
	lines := strings.SplitAfter(string(src), "\n")
	if len(lines) == 0 || strings.TrimSpace(lines[0]) != "---" {
		return fmt.Errorf("%s:1: a lesson starts with front matter: a line \"---\", then title:, order: and summary:, then \"---\"", name)
	}
	seen := map[string]bool{}
	for i := 1; i < len(lines) && lines[i] != ""; i++ {
		line := strings.TrimSpace(lines[i])
		if line == "---" {
			for _, key := range []string{"title", "order", "summary"} {
				if !seen[key] {
					return fmt.Errorf("%s:%d: the front matter has no %s:", name, i+1, key)
				}
			}
			l.BodyLine = i + 2
			l.Body = []byte(strings.Join(lines[i+1:], ""))
			return nil
		}
		key, value, ok := strings.Cut(line, ":")
		key, value = strings.TrimSpace(key), strings.TrimSpace(value)
		if !ok || value == "" {
			return fmt.Errorf("%s:%d: front matter lines are \"key: value\", not %q", name, i+1, line)
		}
		if seen[key] {
			return fmt.Errorf("%s:%d: %s: is given twice", name, i+1, key)
		}
		seen[key] = true
		switch key {
		case "title":
			l.Title = value
		case "summary":
			l.Summary = value
		case "order":
			n, err := strconv.Atoi(value)
			if err != nil || n < 1 {
				return fmt.Errorf("%s:%d: order: is a number from 1, not %q", name, i+1, value)
			}
			l.Order = n
		default:
			return fmt.Errorf("%s:%d: unknown front matter key %q (the keys are title, order and summary)", name, i+1, key)
		}
	}
	return fmt.Errorf("%s: the front matter is not closed by a line \"---\"", name)
}

// markdown is the parser lessons are read with.
var markdown = Markdown()

// Markdown returns the goldmark configuration lessons are written for
// (GitHub's Markdown, headings with ids), with more extensions: the site
// renders with it, so that what is checked is what is shown.
func Markdown(more ...goldmark.Extender) goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(append([]goldmark.Extender{extension.GFM}, more...)...),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
}

// blocks reads the snippets, links and headings of the body.
func (l *Lesson) blocks(name string) error {
	src := l.Body
	doc := markdown.Parser().Parse(text.NewReader(src), parser.WithContext(ParseContext()))
	lineOf := func(offset int) int { return l.BodyLine + bytes.Count(src[:offset], []byte("\n")) }
	var last *Snippet // the runnable snippet an output block may follow
	var err error
	fail := func(line int, format string, args ...any) {
		if err == nil {
			err = fmt.Errorf("%s:%d: %s", name, line, fmt.Sprintf(format, args...))
		}
	}
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || err != nil {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			if n.Level == 1 {
				fail(lineOfNode(n, lineOf), "the title is in the front matter: a lesson's own headings start at ##")
			}
			if id, ok := n.AttributeString("id"); ok {
				l.Anchors = append(l.Anchors, string(id.([]byte)))
			}
		case *ast.Link:
			l.Links = append(l.Links, Link{Line: lineOfNode(n, lineOf), Dest: string(n.Destination)})
		case *ast.Image:
			l.Links = append(l.Links, Link{Line: lineOfNode(n, lineOf), Dest: string(n.Destination), Image: true})
		case *ast.FencedCodeBlock:
			line := fenceLine(n, src, lineOf)
			info := ""
			if n.Info != nil {
				info = strings.TrimSpace(string(n.Info.Segment.Value(src)))
			}
			code := string(n.Text(src))
			words := strings.Fields(info)
			lang := ""
			if len(words) > 0 {
				lang = words[0]
			}
			switch lang {
			case "go":
				s, e := parseSnippet(info, words[1:], code, line)
				if e != nil {
					fail(line, "%v", e)
					break
				}
				l.Snippets = append(l.Snippets, s)
				if last != nil {
					fail(last.Line, "the runnable block has no output block after it")
				}
				last = nil
				if s.Run {
					last = s
				}
				return ast.WalkSkipChildren, nil
			case "exercise":
				if len(words) != 2 {
					fail(line, "an exercise block names one exercise: ```exercise counter")
					break
				}
				l.Exercises = append(l.Exercises, ExerciseLink{Line: line, Name: words[1], Text: strings.TrimSpace(code)})
				return ast.WalkSkipChildren, nil
			case "output":
				if last == nil {
					fail(line, "an output block follows a runnable Go block (```go run)")
					break
				}
				o, e := parseOutput(words[1:], code)
				if e != nil {
					fail(line, "%v", e)
					break
				}
				last.Output = o
				last = nil
				return ast.WalkSkipChildren, nil
			}
		}
		return ast.WalkContinue, nil
	})
	if last != nil {
		fail(last.Line, "the runnable block has no output block after it")
	}
	return err
}

// fenceLine is the line of a fenced block's opening fence.
func fenceLine(n *ast.FencedCodeBlock, src []byte, lineOf func(int) int) int {
	if n.Info != nil {
		return lineOf(n.Info.Segment.Start)
	}
	if n.Lines().Len() > 0 {
		return lineOf(n.Lines().At(0).Start) - 1
	}
	return lineOf(0)
}

// lineOfNode is the line of the first text in or before an inline node.
func lineOfNode(n ast.Node, lineOf func(int) int) int {
	for p := n; p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return lineOf(p.Lines().At(0).Start)
		}
		for c := p.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				return lineOf(t.Segment.Start)
			}
		}
	}
	return lineOf(0)
}

// parseSnippet reads a Go block: the words of its info string after "go",
// and its code.
func parseSnippet(info string, words []string, code string, line int) (*Snippet, error) {
	s := &Snippet{Line: line, Info: info, Code: code}
	for i, w := range words {
		switch {
		case w == "run" && i == 0:
			s.Run = true
		case w == "race" && s.Run:
			s.Race = true
		case strings.HasPrefix(w, "want=") && s.Run:
			s.Want = strings.TrimPrefix(w, "want=")
			if s.Want == "" {
				return nil, fmt.Errorf("want= names the reason the run ends with, as in want=deadlock")
			}
		default:
			return nil, fmt.Errorf("unknown word %q in the info string %q: a Go block is ```go, or ```go run followed by race or want=<reason>", w, info)
		}
	}
	if !s.Run {
		s.Shown = code
		return s, nil
	}
	lines := strings.SplitAfter(code, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	hidden := func(l string) bool { return strings.HasSuffix(strings.TrimRight(l, " \t\n"), omit) }
	head, tail := 0, len(lines)
	for head < tail && hidden(lines[head]) {
		head++
	}
	for tail > head && hidden(lines[tail-1]) {
		tail--
	}
	for i := head; i < tail; i++ {
		if hidden(lines[i]) {
			return nil, fmt.Errorf("line %d of the block ends in %q between lines that are shown: hidden lines only open or close a block", i+1, omit)
		}
	}
	strip := func(ls []string) string {
		var b strings.Builder
		for _, l := range ls {
			b.WriteString(l)
		}
		return b.String()
	}
	s.Head, s.Shown, s.Tail = strip(lines[:head]), strip(lines[head:tail]), strip(lines[tail:])
	return s, nil
}
