package site

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"

	"workbook/exercises"
	"workbook/lessons"
	"workbook/workspace"
)

//go:embed templates
var templateFiles embed.FS

// pages renders the site's pages.
type pages struct {
	s     *Server
	md    goldmark.Markdown
	pages map[string]*template.Template // by page: index, lesson, exercise, progress, notfound
}

func newPages(s *Server) (*pages, error) {
	// Raw HTML in the Markdown is rendered, as GitHub renders it: lessons
	// hide answers in <details>. The content is the workbook's, or an
	// instructor's for their own class, and the pages' Content-Security-
	// Policy runs no script but the site's own files.
	md := lessons.Markdown(snippetExtension{})
	md.Renderer().AddOptions(html.WithUnsafe())
	p := &pages{s: s, md: md, pages: map[string]*template.Template{}}
	for _, name := range []string{"index", "lesson", "exercise", "progress", "notfound"} {
		t, err := template.New(name).ParseFS(templateFiles, "templates/layout.html", "templates/"+name+".html")
		if err != nil {
			return nil, err
		}
		p.pages[name] = t
	}
	return p, nil
}

// A page is what every page's template gets.
type page struct {
	Lang, Title string
	T           map[string]string
	// Path is the page's path after /{lang}/; Other the same page in the
	// other language, and OtherLang that language.
	Path, OtherLang string
	Lessons         []*lessons.Lesson
	Topics          []topic
	Current         string // the lesson or exercise shown
	Workspace       string // its directory, if there is one
	UIJSON          template.JS

	Body       template.HTML
	Hints      template.HTML
	Lesson     *lessons.Lesson
	Prev, Next *lessons.Lesson
	Exercise   *exerciseView
	Done, All  int

	ws *workspace.Workspace // as read for this page, once
}

// A topic is a group of exercises.
type topic struct {
	Name      string
	Exercises []exerciseView
	Done      int
}

// An exerciseView is what pages show of an exercise.
type exerciseView struct {
	Name, Title, Topic, Lesson, LessonTitle string
	Points                                  int
	Done                                    bool
	Files                                   []string
	Status                                  string // of the last check: pass, fail, error, or ""
}

func (p *pages) base(r *http.Request, lang, path string) *page {
	other := lessons.Languages[0]
	for _, l := range lessons.Languages {
		if l != lang {
			other = l
			break
		}
	}
	words, _ := json.Marshal(ui[lang])
	pg := &page{Lang: lang, T: ui[lang], Path: path, OtherLang: other, Lessons: p.s.cfg.Book.Lessons(lang), UIJSON: template.JS(words)}
	ws := p.s.workspace()
	pg.ws = ws
	if ws != nil {
		pg.Workspace = ws.Dir
	}
	pg.Topics = p.topics(lang, ws)
	for _, t := range pg.Topics {
		pg.Done += t.Done
		pg.All += len(t.Exercises)
	}
	return pg
}

// langOf is the language of a page's path, /{lang}/….
func langOf(r *http.Request) string {
	lang, _, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
	return lang
}

func (p *pages) topics(lang string, ws *workspace.Workspace) []topic {
	var out []topic
	index := map[string]int{}
	for _, e := range p.s.cfg.Set.Exercises() {
		v := p.view(e, lang, ws)
		i, ok := index[e.Topic]
		if !ok {
			i = len(out)
			index[e.Topic] = i
			out = append(out, topic{Name: topicName(lang, e.Topic)})
		}
		out[i].Exercises = append(out[i].Exercises, v)
		if v.Done {
			out[i].Done++
		}
	}
	return out
}

func (p *pages) view(e *exercises.Exercise, lang string, ws *workspace.Workspace) exerciseView {
	v := exerciseView{Name: e.Name, Title: e.Title(lang), Topic: topicName(lang, e.Topic), Points: e.Points, Files: e.Files, Lesson: e.Lesson}
	if l := p.s.cfg.Book.Lesson(lang, e.Lesson); l != nil {
		v.LessonTitle = l.Title
	}
	if ws != nil {
		v.Done = ws.Done(e.Name)
		if pr, ok := ws.State.Progress[e.Name]; ok {
			v.Status = string(pr.Status)
		}
	}
	return v
}

// workspace is the learner's workspace as it is on disk now: workbook
// check and watch in a terminal change its progress too.
func (s *Server) workspace() *workspace.Workspace {
	if s.cfg.Workspace == nil {
		return nil
	}
	if ws, err := workspace.Open(s.cfg.Workspace.Dir); err == nil {
		return ws
	}
	return s.cfg.Workspace
}

func (p *pages) index(w http.ResponseWriter, r *http.Request) {
	lang := langOf(r)
	pg := p.base(r, lang, "")
	pg.Title = ui[lang]["siteName"]
	p.render(w, r, "index", pg)
}

func (p *pages) lesson(w http.ResponseWriter, r *http.Request) {
	lang := langOf(r)
	slug := r.PathValue("slug")
	l := p.s.cfg.Book.Lesson(lang, slug)
	if l == nil {
		p.notFound(w, r, lang)
		return
	}
	pg := p.base(r, lang, slug)
	pg.Title, pg.Lesson, pg.Current = l.Title, l, slug
	list := pg.Lessons
	for i, x := range list {
		if x.Slug == slug {
			if i > 0 {
				pg.Prev = list[i-1]
			}
			if i+1 < len(list) {
				pg.Next = list[i+1]
			}
		}
	}
	ws := pg.ws
	rc := &renderContext{
		lang:        lang,
		lesson:      l,
		outputLabel: ui[lang]["expected"],
		exercise: func(name, text string) exerciseLink {
			link := exerciseLink{Name: name, Title: name, Text: text, URL: "/" + lang + "/exercises/" + name, Label: ui[lang]["exercise"]}
			if e, ok := p.s.cfg.Set.Lookup(name); ok {
				link.Title = e.Title(lang)
				link.Done = ws != nil && ws.Done(name)
			}
			return link
		},
	}
	body, err := p.markdown(l.Body, rc)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	pg.Body = body
	p.render(w, r, "lesson", pg)
}

// warm renders every lesson once, so that their code is highlighted
// before a reader asks for them.
func (p *pages) warm() {
	for _, lang := range lessons.Languages {
		for _, l := range p.s.cfg.Book.Lessons(lang) {
			p.markdown(l.Body, &renderContext{lang: lang, lesson: l, exercise: func(name, text string) exerciseLink { return exerciseLink{} }})
		}
	}
}

// markdown renders Markdown with the site's extension.
func (p *pages) markdown(src []byte, rc *renderContext) (template.HTML, error) {
	pc := lessons.ParseContext()
	pc.Set(renderKey, rc)
	doc := p.md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	var b bytes.Buffer
	if err := p.md.Renderer().Render(&b, src, doc); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}

// hintsHeading is the heading of a README's hints, in either language.
var hintsHeading = regexp.MustCompile(`(?m)^## (Hints|提示)\s*$`)

func (p *pages) exercise(w http.ResponseWriter, r *http.Request) {
	lang := langOf(r)
	e, ok := p.s.cfg.Set.Lookup(r.PathValue("name"))
	if !ok {
		p.notFound(w, r, lang)
		return
	}
	readme, err := e.README(lang)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	pg := p.base(r, lang, "exercises/"+e.Name)
	v := p.view(e, lang, pg.ws)
	pg.Title, pg.Exercise, pg.Current = v.Title, &v, e.Name
	// The title is the page's; the hints go behind a reveal.
	if _, rest, ok := bytes.Cut(readme, []byte("\n")); ok && bytes.HasPrefix(readme, []byte("# ")) {
		readme = rest
	}
	task, hints := readme, []byte(nil)
	if loc := hintsHeading.FindIndex(readme); loc != nil {
		task, hints = readme[:loc[0]], readme[loc[1]:]
	}
	rc := &renderContext{lang: lang}
	if pg.Body, err = p.markdown(task, rc); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	if pg.Hints, err = p.markdown(hints, rc); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	p.render(w, r, "exercise", pg)
}

func (p *pages) progress(w http.ResponseWriter, r *http.Request) {
	lang := langOf(r)
	pg := p.base(r, lang, "progress")
	pg.Title = ui[lang]["progress"]
	p.render(w, r, "progress", pg)
}

func (p *pages) notFound(w http.ResponseWriter, r *http.Request, lang string) {
	pg := p.base(r, lang, "")
	pg.Title = ui[lang]["notFound"]
	p.renderStatus(w, r, "notfound", pg, http.StatusNotFound)
}

func (p *pages) render(w http.ResponseWriter, r *http.Request, name string, pg *page) {
	p.renderStatus(w, r, name, pg, http.StatusOK)
}

// renderStatus renders a page into memory, so that a failing template
// gives an error page and not half a page, and sends it compressed.
// Showing a page in a language remembers that language for /.
func (p *pages) renderStatus(w http.ResponseWriter, r *http.Request, name string, pg *page, code int) {
	var b bytes.Buffer
	if err := p.pages[name].ExecuteTemplate(&b, "layout", pg); err != nil {
		p.s.log.Error("rendering a page", "page", name, "err", err)
		http.Error(w, fmt.Sprintf("rendering the page: %v", err), http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'")
	h.Add("Vary", "Accept-Encoding")
	http.SetCookie(w, &http.Cookie{Name: "lang", Value: pg.Lang, Path: "/", MaxAge: 365 * 24 * 3600, SameSite: http.SameSiteLaxMode})
	var gz []byte
	if acceptsGzip(r) {
		gz = gzipped(b.Bytes())
	}
	writeBody(w, r, code, b.Bytes(), gz)
}
