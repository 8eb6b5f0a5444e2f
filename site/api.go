package site

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"workbook/exercises"
	"workbook/lessons"
	"workbook/runner"
	"workbook/workspace"
)

// EventSchemaHeader names the version of the event schema a streaming
// answer speaks, runner.EventSchema.
const EventSchemaHeader = "Workbook-Event-Schema"

// A runRequest is the body of POST /api/run.
type runRequest struct {
	Source string `json:"source"`
	Race   bool   `json:"race"`
	// Lang is the language of the page, for the words of the timeline.
	Lang string `json:"lang,omitempty"`
}

// A checkRequest is the body of POST /api/check.
type checkRequest struct {
	Exercise string `json:"exercise"`
	// Files, when given, are graded instead of the workspace's.
	Files map[string]string `json:"files,omitempty"`
	Lang  string            `json:"lang,omitempty"`
}

// A VerdictEvent is the last line of a check's answer: the grader's
// verdict on the exercise.
type VerdictEvent struct {
	Kind    string            `json:"kind"` // "verdict"
	Verdict *exercises.Result `json:"verdict"`
	// Recorded says the verdict was kept as the workspace's progress.
	Recorded bool `json:"recorded"`
}

// A resetRequest is the body of POST /api/reset.
type resetRequest struct {
	Exercise string `json:"exercise"`
}

// apiReset writes an exercise's starter files again, as workbook reset
// does: the learner's files go to a backup first, whose directory the
// answer names.
func (s *Server) apiReset(w http.ResponseWriter, r *http.Request) {
	var req resetRequest
	if !decode(w, r, &req) {
		return
	}
	e, ok := s.lookup(w, req.Exercise)
	if !ok {
		return
	}
	if s.cfg.Workspace == nil {
		jsonError(w, http.StatusConflict, "there is no workspace to reset: your edits are in this browser only")
		return
	}
	s.wsMu.Lock()
	backup, err := s.cfg.Workspace.Reset(e)
	s.wsMu.Unlock()
	if err != nil {
		jsonError(w, http.StatusInternalServerError, err.Error())
		return
	}
	files, err := s.learnerFiles(e)
	if err != nil {
		jsonError(w, http.StatusInternalServerError, err.Error())
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"exercise": e.Name, "files": files, "backup": backup})
}

// A fileVersion is one learner file and its version.
type fileVersion struct {
	Name    string `json:"name"`
	Content string `json:"content"`
	// Version is a hash of the content; "" for a file that is not there.
	Version string `json:"version"`
}

// A saveRequest is the body of PUT /api/file.
type saveRequest struct {
	Exercise string `json:"exercise"`
	Name     string `json:"name"`
	Content  string `json:"content"`
	// Base is the version the edit started from.
	Base string `json:"base"`
}

func (s *Server) apiRun(w http.ResponseWriter, r *http.Request) {
	var req runRequest
	if !decode(w, r, &req) {
		return
	}
	if strings.TrimSpace(req.Source) == "" {
		jsonError(w, http.StatusBadRequest, "source is empty: send the program as {\"source\": \"package main…\"}")
		return
	}
	prog := runner.Program{Files: []runner.File{{Name: "main.go", Src: []byte(req.Source)}}}
	lang := pickLang(req.Lang)
	s.stream(w, r, func(ctx context.Context, emit func(any)) error {
		// Every run is traced, for its Timeline tab; BenchmarkTraceCost
		// (the workbook's root package) measures what that costs the
		// lessons' snippets, BenchmarkTimeline what drawing costs.
		opts := runner.Options{Race: req.Race, Trace: true, Events: withTimeline(emit, lang, prog.Files)}
		_, err := s.cfg.Runner.Run(ctx, prog, opts)
		return err
	})
}

func (s *Server) apiCheck(w http.ResponseWriter, r *http.Request) {
	var req checkRequest
	if !decode(w, r, &req) {
		return
	}
	e, ok := s.lookup(w, req.Exercise)
	if !ok {
		return
	}
	fromWorkspace := req.Files == nil
	var work exercises.Files
	if fromWorkspace {
		if s.cfg.Workspace == nil {
			jsonError(w, http.StatusBadRequest, "there is no workspace to read the exercise from: send its files, or start workbook serve in a workspace (workbook init makes one)")
			return
		}
		var err error
		if work, err = s.cfg.Workspace.Files(e); err != nil {
			jsonError(w, http.StatusInternalServerError, err.Error())
			return
		}
	} else {
		work = exercises.Files{}
		for name, src := range req.Files {
			if !learnerFile(w, e, name) {
				return
			}
			work[name] = []byte(src)
		}
	}
	g := *s.cfg.Grader
	g.Lang = pickLang(req.Lang)
	s.stream(w, r, func(ctx context.Context, emit func(any)) error {
		g.Events = func(e runner.Event) { emit(e) }
		res, err := g.Grade(ctx, e, work)
		if err != nil {
			return err
		}
		v := VerdictEvent{Kind: "verdict", Verdict: res}
		if fromWorkspace && ctx.Err() == nil {
			s.wsMu.Lock()
			err := s.cfg.Workspace.Record(res)
			s.wsMu.Unlock()
			if err != nil {
				s.log.Error("keeping the verdict", "exercise", e.Name, "err", err)
			}
			v.Recorded = err == nil
		}
		emit(v)
		return nil
	})
}

// stream runs do in a slot of the queue and streams what it emits, one
// JSON object per line. The program never waits for the client: what it
// emits is kept (output is bounded by the run's limits) and written as
// fast as the client reads, adjacent output coalesced. A client that goes
// away cancels the run.
func (s *Server) stream(w http.ResponseWriter, r *http.Request, do func(ctx context.Context, emit func(any)) error) {
	release, err := s.queue.acquire(r.Context())
	if errors.Is(err, errFull) {
		w.Header().Set("Retry-After", "2")
		jsonError(w, http.StatusTooManyRequests, err.Error()+": try again in a moment")
		return
	}
	if err != nil {
		return // the client went away while waiting
	}
	defer release()
	ctx, cancel := context.WithCancel(r.Context())
	defer cancel()
	out := newOutbox()
	written := make(chan bool)
	go func() { written <- out.writeTo(w, cancel) }()
	err = do(ctx, out.put)
	out.close()
	if started := <-written; err != nil {
		s.log.Error("a run failed to start", "err", err)
		if !started {
			w.Header().Set("Retry-After", "2")
			jsonError(w, http.StatusServiceUnavailable, "the sandbox could not start the program: try again in a moment")
		}
	}
}

// lookup finds the exercise a request names, or answers 404.
func (s *Server) lookup(w http.ResponseWriter, name string) (*exercises.Exercise, bool) {
	e, ok := s.cfg.Set.Lookup(name)
	if !ok {
		jsonError(w, http.StatusNotFound, fmt.Sprintf("there is no exercise %q", name))
	}
	return e, ok
}

// learnerFile reports whether name is one of the learner's files of e, and
// answers 400 when it is not: hidden tests and other paths are not theirs.
func learnerFile(w http.ResponseWriter, e *exercises.Exercise, name string) bool {
	if !slices.Contains(e.Files, name) {
		jsonError(w, http.StatusBadRequest, fmt.Sprintf("%s is not a file of %s: its files are %s", name, e.Name, strings.Join(e.Files, ", ")))
		return false
	}
	return true
}

// decode reads a JSON request body of at most maxBody bytes into v, and
// answers the client itself when it cannot.
func decode(w http.ResponseWriter, r *http.Request, v any) bool {
	if ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); ct != "application/json" {
		jsonError(w, http.StatusUnsupportedMediaType, "send JSON, with Content-Type: application/json")
		return false
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			jsonError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("the request is over %d bytes", maxBody))
			return false
		}
		jsonError(w, http.StatusBadRequest, "the request is not the JSON expected: "+err.Error())
		return false
	}
	return true
}

// jsonError answers with an error a page can show: {"error": "…"}.
func jsonError(w http.ResponseWriter, code int, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(map[string]string{"error": msg})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(v)
}

// version is a file's version: a hash of its content.
func version(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:8])
}

// apiFile answers with the learner's files of an exercise: from the
// workspace, or the starters when there is none.
func (s *Server) apiFile(w http.ResponseWriter, r *http.Request) {
	e, ok := s.lookup(w, r.URL.Query().Get("exercise"))
	if !ok {
		return
	}
	files, err := s.learnerFiles(e)
	if err != nil {
		jsonError(w, http.StatusInternalServerError, err.Error())
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"exercise": e.Name, "files": files, "workspace": s.cfg.Workspace != nil})
}

// learnerFiles reads an exercise's files as the learner has them.
func (s *Server) learnerFiles(e *exercises.Exercise) ([]fileVersion, error) {
	var out []fileVersion
	for _, name := range e.Files {
		if s.cfg.Workspace == nil {
			src, err := e.Starter(name)
			if err != nil {
				return nil, err
			}
			out = append(out, fileVersion{Name: name, Content: string(src)})
			continue
		}
		src, err := os.ReadFile(filepath.Join(s.cfg.Workspace.ExerciseDir(e.Name), name))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			out = append(out, fileVersion{Name: name})
		case err != nil:
			return nil, err
		default:
			out = append(out, fileVersion{Name: name, Content: string(src), Version: version(src)})
		}
	}
	return out, nil
}

// apiSave writes a learner file, atomically, unless it changed on disk
// since the edit began.
func (s *Server) apiSave(w http.ResponseWriter, r *http.Request) {
	var req saveRequest
	if !decode(w, r, &req) {
		return
	}
	e, ok := s.lookup(w, req.Exercise)
	if !ok {
		return
	}
	if !learnerFile(w, e, req.Name) {
		return
	}
	if s.cfg.Workspace == nil {
		jsonError(w, http.StatusConflict, "there is no workspace to save to: run workbook init, then workbook serve in the workspace")
		return
	}
	path := filepath.Join(s.cfg.Workspace.ExerciseDir(e.Name), req.Name)
	s.wsMu.Lock()
	defer s.wsMu.Unlock()
	current, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		jsonError(w, http.StatusInternalServerError, err.Error())
		return
	}
	if now := versionOf(current, err); now != req.Base {
		writeJSON(w, http.StatusConflict, map[string]any{
			"error": fmt.Sprintf("%s changed on disk since you opened it (in another editor?)", req.Name),
			"file":  fileVersion{Name: req.Name, Content: string(current), Version: now},
		})
		return
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		jsonError(w, http.StatusInternalServerError, err.Error())
		return
	}
	if err := workspace.WriteFile(path, []byte(req.Content), 0o644); err != nil {
		jsonError(w, http.StatusInternalServerError, "saving "+req.Name+": "+err.Error())
		return
	}
	writeJSON(w, http.StatusOK, fileVersion{Name: req.Name, Version: version([]byte(req.Content))})
}

func versionOf(data []byte, readErr error) string {
	if readErr != nil {
		return ""
	}
	return version(data)
}

// pickLang is lang if the lessons are written in it, else the default.
func pickLang(lang string) string {
	if slices.Contains(lessons.Languages, lang) {
		return lang
	}
	return lessons.Languages[0]
}
