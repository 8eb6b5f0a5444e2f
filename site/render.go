package site

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"path"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"workbook/lessons"
)

// The lessons' Markdown becomes a page through a goldmark extension of
// the site's own: a transformer turns the lesson's Go blocks into snippet
// nodes (each with its stable id, snippet-N, N counting the lesson's Go
// blocks from 1, and the lesson's parsed Snippet), output blocks into
// output nodes, and exercise blocks into links to the exercise; renderers
// draw them, and every other code block, highlighted by chroma on the
// server. The lessons package finds the same blocks in the same order, so
// the Nth Go block is the lesson's Snippets[N-1].

var (
	kindSnippet  = ast.NewNodeKind("Snippet")
	kindOutput   = ast.NewNodeKind("SnippetOutput")
	kindExercise = ast.NewNodeKind("ExerciseLink")
)

// A snippetNode is a Go block of a lesson.
type snippetNode struct {
	ast.BaseBlock
	ID      string
	Snippet *lessons.Snippet
}

func (n *snippetNode) Kind() ast.NodeKind { return kindSnippet }
func (n *snippetNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"ID": n.ID}, nil)
}

// An outputNode is what a runnable snippet printed when the lesson was
// written.
type outputNode struct {
	ast.BaseBlock
	For    string // the snippet's id
	Output string
	Label  string
}

func (n *outputNode) Kind() ast.NodeKind { return kindOutput }
func (n *outputNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"For": n.For}, nil)
}

// An exerciseNode points to a graded exercise.
type exerciseNode struct {
	ast.BaseBlock
	Link exerciseLink
}

func (n *exerciseNode) Kind() ast.NodeKind { return kindExercise }
func (n *exerciseNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Name": n.Link.Name}, nil)
}

// An exerciseLink is what a page shows of an exercise it points to.
type exerciseLink struct {
	Name, Title, Text, URL, Label string
	Done                          bool
}

// A renderContext is what the transformer needs to know of the page being
// rendered, passed in goldmark's parser context.
type renderContext struct {
	lang   string
	lesson *lessons.Lesson // nil for an exercise's README
	// exercise returns what to show of a linked exercise.
	exercise func(name, text string) exerciseLink
	// outputLabel titles the output a snippet printed.
	outputLabel string
}

var renderKey = parser.NewContextKey()

// snippetExtension is the site's goldmark extension.
type snippetExtension struct{}

func (snippetExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(transformer{}, 100)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(nodeRenderer{}, 100)))
}

type transformer struct{}

func (transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	rc, _ := pc.Get(renderKey).(*renderContext)
	if rc == nil {
		return
	}
	src := reader.Source()
	var blocks []*ast.FencedCodeBlock
	var links []*ast.Link
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.FencedCodeBlock:
			blocks = append(blocks, n)
			return ast.WalkSkipChildren, nil
		case *ast.Link:
			links = append(links, n)
		}
		return ast.WalkContinue, nil
	})
	for _, l := range links {
		l.Destination = []byte(rewriteLink(rc.lang, string(l.Destination)))
	}
	n, last := 0, ""
	for _, b := range blocks {
		words := strings.Fields(infoOf(b, src))
		lang := ""
		if len(words) > 0 {
			lang = words[0]
		}
		var repl ast.Node
		switch {
		case lang == "go" && rc.lesson != nil:
			n++
			if n > len(rc.lesson.Snippets) {
				continue
			}
			s := rc.lesson.Snippets[n-1]
			id := "snippet-" + strconv.Itoa(n)
			repl = &snippetNode{ID: id, Snippet: s}
			last = ""
			if s.Run {
				last = id
			}
		case lang == "output" && last != "" && rc.lesson != nil:
			repl = &outputNode{For: last, Output: string(b.Text(src)), Label: rc.outputLabel}
			last = ""
		case lang == "exercise" && len(words) == 2 && rc.exercise != nil:
			repl = &exerciseNode{Link: rc.exercise(words[1], strings.TrimSpace(string(b.Text(src))))}
		default:
			continue
		}
		b.Parent().ReplaceChild(b.Parent(), b, repl)
	}
}

func infoOf(b *ast.FencedCodeBlock, src []byte) string {
	if b.Info == nil {
		return ""
	}
	return strings.TrimSpace(string(b.Info.Segment.Value(src)))
}

// rewriteLink makes a link of a lesson or an exercise's README point to
// the site's page: races.md#x is races#x, and a README's
// ../../../lessons/en/races.md is /en/races.
func rewriteLink(lang, dest string) string {
	if strings.Contains(dest, "://") || strings.HasPrefix(dest, "#") || strings.HasPrefix(dest, "mailto:") {
		return dest
	}
	file, frag, hasFrag := strings.Cut(dest, "#")
	if !strings.HasSuffix(file, ".md") {
		return dest
	}
	if i := strings.Index(file, "lessons/"); i >= 0 {
		file = "/" + strings.TrimSuffix(file[i+len("lessons/"):], ".md")
	} else {
		file = strings.TrimSuffix(path.Clean(file), ".md")
	}
	if hasFrag {
		return file + "#" + frag
	}
	return file
}

type nodeRenderer struct{}

func (nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindSnippet, renderSnippet)
	reg.Register(kindOutput, renderOutput)
	reg.Register(kindExercise, renderExercise)
	reg.Register(ast.KindFencedCodeBlock, renderCodeBlock)
}

// snippetSource is what a page's script needs to run an edited snippet:
// the hidden lines before and after the lines shown.
type snippetSource struct {
	Head  string `json:"head"`
	Shown string `json:"shown"`
	Tail  string `json:"tail"`
}

func renderSnippet(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*snippetNode)
	s := n.Snippet
	if !s.Run {
		fmt.Fprintf(w, `<div class="snippet" id="%s">`, n.ID)
		highlight(w, "go", s.Shown)
		w.WriteString("</div>\n")
		return ast.WalkSkipChildren, nil
	}
	fmt.Fprintf(w, `<div class="snippet runnable" id="%s" data-race="%t" data-want="%s">`, n.ID, s.Race, html.EscapeString(s.Want))
	highlight(w, "go", s.Shown)
	data, _ := json.Marshal(snippetSource{Head: s.Head, Shown: s.Shown, Tail: s.Tail}) // escapes <, > and &
	fmt.Fprintf(w, `<script type="application/json" class="snippet-source">%s</script>`, data)
	w.WriteString("</div>\n")
	return ast.WalkSkipChildren, nil
}

func renderOutput(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*outputNode)
	fmt.Fprintf(w, `<div class="expected" data-for="%s"><div class="expected-label">%s</div><pre>%s</pre></div>`+"\n",
		n.For, html.EscapeString(n.Label), html.EscapeString(n.Output))
	return ast.WalkSkipChildren, nil
}

func renderExercise(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	l := node.(*exerciseNode).Link
	done := ""
	if l.Done {
		done = ` done`
	}
	fmt.Fprintf(w, `<a class="exercise-card%s" href="%s"><span class="badge">%s</span> <strong>%s</strong><span class="exercise-text">%s</span></a>`+"\n",
		done, html.EscapeString(l.URL), html.EscapeString(l.Label), html.EscapeString(l.Title), html.EscapeString(l.Text))
	return ast.WalkSkipChildren, nil
}

func renderCodeBlock(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.FencedCodeBlock)
	lang, _, _ := strings.Cut(infoOf(n, src), " ")
	var code bytes.Buffer
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		code.Write(seg.Value(src))
	}
	highlight(w, lang, code.String())
	return ast.WalkSkipChildren, nil
}
