// Package site is the workbook in the browser: an http.Handler that serves
// the lessons with every runnable snippet as an editor, the exercises bound
// to the learner's workspace, and the API the pages run and check code
// with.
//
// # Pages
//
//	/                      redirects to the index in the reader's language
//	/{lang}/               the index: lessons and exercises
//	/{lang}/{lesson}       a lesson
//	/{lang}/exercises/{name}  an exercise: task, editor, Check
//	/{lang}/progress       done and remaining, per topic
//	/static/…, /img/…      the stylesheet, scripts and the lessons' pictures
//
// Pages are rendered on the server (goldmark, chroma) and read without
// JavaScript; static/site.js then turns each runnable snippet into an
// editor.
//
// # API
//
//	POST /api/run    {"source": "package main…", "race": false, "lang": "en"}
//	POST /api/check  {"exercise": "counter", "files": {"counter.go": "…"}}
//	GET  /api/file?exercise=counter
//	PUT  /api/file   {"exercise": "counter", "name": "counter.go", "content": "…", "base": "<version>"}
//	POST /api/reset  {"exercise": "counter"}
//
// /api/run answers with the run's events as they happen, one JSON object
// per line (application/x-ndjson): the events of runner's public schema,
// the same objects `workbook run --json` prints, ending with the exit
// event. Every run is traced: its trace event comes just before the exit,
// and right after it comes one event of the site's own,
// {"kind": "timeline", "svg": "<svg…"} (TimelineEvent), the trace drawn by
// package timeline in the language "lang" names, for the page's Timeline
// tab. A run that ends without a trace (it did not compile, or was stopped
// at a limit) has neither. /api/check answers the same way, untraced, for
// the hidden tests of an exercise, and then one more line,
// {"kind": "verdict", "verdict": …}, the grader's result. Without "files",
// check grades the learner's files in the workspace and records the
// verdict as workbook check does.
//
// /api/file reads and writes the learner's files of an exercise. A file's
// version is a hash of its content; a PUT whose base is not the version on
// disk is refused with 409 and the file as it is now, so that a change
// made meanwhile in another editor is never overwritten unseen.
// /api/reset writes an exercise's starters again, after copying the
// learner's files to a backup, as workbook reset does.
//
// # Safety
//
// The server runs code sent to it, so it is for one learner on their own
// machine. It answers only requests whose Host is its own (a name that
// resolves to loopback, or an address), which defeats DNS rebinding, and
// refuses state-changing requests from another origin with 403, so that a
// page on another site cannot make it run code. Bodies over 1 MiB get 413.
// Runs and checks wait in a bounded queue; when it is full, the answer is
// 429 with Retry-After. A client that goes away stops its program.
package site

import (
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"strings"
	"sync"

	"workbook/exercises"
	"workbook/lessons"
	"workbook/runner"
	"workbook/workspace"
)

// A Runner runs programs: a *runner.Pool.
type Runner interface {
	Run(ctx context.Context, prog runner.Program, opts runner.Options) (*runner.Result, error)
}

// Config is what a Server serves and runs with.
type Config struct {
	// Book is the lessons; Files the file system they were loaded from,
	// for their pictures (img/).
	Book  *lessons.Book
	Files fs.FS
	// Set is the exercises.
	Set *exercises.Set
	// Workspace holds the learner's files. Without one, an exercise's
	// page starts from the starter and Check grades the editor's text,
	// but nothing is saved.
	Workspace *workspace.Workspace
	// Runner runs snippets; Grader checks exercises.
	Runner Runner
	Grader *exercises.Grader
	// Slots is how many runs and checks go on at once (default: one per
	// processor); Queue how many more may wait for a slot (default: twice
	// Slots). A request beyond those gets 429.
	Slots, Queue int
	// Hosts are host names, besides localhost and addresses, that the
	// server answers to: the name in --addr.
	Hosts []string
	// Log receives what the server has to say; nil discards it.
	Log *slog.Logger
}

// A Server serves the workbook.
type Server struct {
	cfg    Config
	mux    *http.ServeMux
	queue  *queue
	pages  *pages
	static *assets
	log    *slog.Logger

	wsMu sync.Mutex // serialises the workspace's writes: files and progress
}

// maxBody is the largest request body accepted.
const maxBody = 1 << 20

// New returns a Server for cfg.
func New(cfg Config) (*Server, error) {
	if cfg.Book == nil || cfg.Set == nil || cfg.Runner == nil || cfg.Grader == nil {
		return nil, fmt.Errorf("site: Config needs Book, Set, Runner and Grader")
	}
	if cfg.Slots <= 0 {
		cfg.Slots = runtime.NumCPU()
	}
	if cfg.Queue <= 0 {
		cfg.Queue = 2 * cfg.Slots
	}
	log := cfg.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Server{cfg: cfg, mux: http.NewServeMux(), queue: newQueue(cfg.Slots, cfg.Queue), log: log}
	var err error
	if s.static, err = newAssets(); err != nil {
		return nil, err
	}
	if s.pages, err = newPages(s); err != nil {
		return nil, err
	}
	s.routes()
	go s.pages.warm()
	return s, nil
}

func (s *Server) routes() {
	s.mux.HandleFunc("GET /{$}", s.home)
	for _, lang := range lessons.Languages {
		s.mux.HandleFunc("GET /"+lang+"/{$}", s.pages.index)
		s.mux.HandleFunc("GET /"+lang+"/{slug}", s.pages.lesson)
		s.mux.HandleFunc("GET /"+lang+"/exercises/{name}", s.pages.exercise)
		s.mux.HandleFunc("GET /"+lang+"/progress", s.pages.progress)
	}
	s.mux.Handle("GET /static/", s.static)
	s.mux.HandleFunc("GET /img/{name}", s.image)
	s.mux.HandleFunc("POST /api/run", s.apiRun)
	s.mux.HandleFunc("POST /api/check", s.apiCheck)
	s.mux.HandleFunc("GET /api/file", s.apiFile)
	s.mux.HandleFunc("PUT /api/file", s.apiSave)
	s.mux.HandleFunc("POST /api/reset", s.apiReset)
}

// ServeHTTP serves a request, after the checks every request passes.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.hostAllowed(r.Host) {
		http.Error(w, "403 Forbidden: this workbook answers to localhost only (Host "+r.Host+" is not its own)", http.StatusForbidden)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead && !sameOrigin(r) {
		http.Error(w, "403 Forbidden: a page of another site cannot run code here", http.StatusForbidden)
		return
	}
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Referrer-Policy", "same-origin")
	w.Header().Set("X-Frame-Options", "DENY")
	s.mux.ServeHTTP(w, r)
}

// hostAllowed reports whether host, a request's Host, names this server:
// localhost, an address, or a name in Config.Hosts. A name that merely
// resolves to this machine does not do: that is how DNS rebinding lets
// another site's page reach a local server.
func (s *Server) hostAllowed(host string) bool {
	h, _, err := net.SplitHostPort(host)
	if err != nil {
		h = host
	}
	h = strings.ToLower(strings.TrimSuffix(strings.Trim(h, "[]"), "."))
	if h == "localhost" || strings.HasSuffix(h, ".localhost") || net.ParseIP(h) != nil {
		return true
	}
	for _, allowed := range s.cfg.Hosts {
		if strings.EqualFold(h, allowed) {
			return true
		}
	}
	return false
}

// sameOrigin reports whether a request that changes state comes from the
// workbook's own pages (or from no page at all: curl, a script). Browsers
// send Origin with every such request, and Sec-Fetch-Site too.
func sameOrigin(r *http.Request) bool {
	if site := r.Header.Get("Sec-Fetch-Site"); site != "" && site != "same-origin" && site != "none" {
		return false
	}
	origin := r.Header.Get("Origin")
	if origin == "" {
		return true
	}
	o, ok := strings.CutPrefix(origin, "http://")
	if !ok {
		o, ok = strings.CutPrefix(origin, "https://")
	}
	return ok && strings.EqualFold(o, r.Host)
}

// home sends a reader to the index in their language: the one they chose
// last, else their browser's.
func (s *Server) home(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/"+preferredLang(r)+"/", http.StatusFound)
}

// preferredLang is the edition for a request: the lang cookie the pages
// set, else the first language of Accept-Language the lessons are in.
func preferredLang(r *http.Request) string {
	if c, err := r.Cookie("lang"); err == nil {
		for _, l := range lessons.Languages {
			if c.Value == l {
				return l
			}
		}
	}
	for _, part := range strings.Split(r.Header.Get("Accept-Language"), ",") {
		tag, _, _ := strings.Cut(strings.TrimSpace(part), ";")
		tag = strings.ToLower(tag)
		for _, l := range lessons.Languages {
			if tag == l || strings.HasPrefix(tag, l+"-") {
				return l
			}
		}
	}
	return lessons.Languages[0]
}

// image serves a picture of the lessons.
func (s *Server) image(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	data, err := fs.ReadFile(s.cfg.Files, "img/"+name)
	if err != nil || strings.Contains(name, "/") {
		http.NotFound(w, r)
		return
	}
	s.static.serveBytes(w, r, name, data)
}
