package site

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"workbook/exercises"
	"workbook/lessons"
	"workbook/runner"
	"workbook/workspace"
)

func TestMain(m *testing.M) {
	runner.Child()
	os.Exit(m.Run())
}

// A fakeRunner answers runs without running anything: do says what a run
// does, given its events callback.
type fakeRunner struct {
	do func(ctx context.Context, prog runner.Program, emit func(runner.Event)) *runner.Result
}

func (f *fakeRunner) Run(ctx context.Context, prog runner.Program, opts runner.Options) (*runner.Result, error) {
	emit := func(e runner.Event) {
		if opts.Events != nil {
			opts.Events(e)
		}
	}
	res := f.do(ctx, prog, emit)
	emit(runner.Event{Kind: runner.KindExit, Exit: &res.Exit})
	return res, nil
}

// hello is a run that prints its source's length and exits.
func hello(ctx context.Context, prog runner.Program, emit func(runner.Event)) *runner.Result {
	emit(runner.Event{Kind: runner.KindStdout, Data: "hello\n"})
	emit(runner.Event{Kind: runner.KindStdout, Data: "again\n"})
	emit(runner.Event{Kind: runner.KindStderr, Data: "oops\n"})
	return &runner.Result{Exit: runner.Exit{Reason: runner.Exited}}
}

var (
	bookOnce sync.Once
	book     *lessons.Book
	set      *exercises.Set
)

func content(t testing.TB) (*lessons.Book, *exercises.Set) {
	t.Helper()
	bookOnce.Do(func() {
		var err error
		if book, err = lessons.Load(lessons.Files); err != nil {
			panic(err)
		}
		if set, err = exercises.Load(exercises.Builtin); err != nil {
			panic(err)
		}
	})
	return book, set
}

// newServer returns a server with cfg's fields, and the content and a
// fake runner where cfg has none.
func newServer(t testing.TB, cfg Config) *Server {
	t.Helper()
	b, st := content(t)
	if cfg.Book == nil {
		cfg.Book, cfg.Files, cfg.Set = b, lessons.Files, st
	}
	if cfg.Runner == nil {
		cfg.Runner = &fakeRunner{do: hello}
	}
	if cfg.Grader == nil {
		cfg.Grader = &exercises.Grader{}
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// testHost is the Host of the tests' requests.
const testHost = "localhost:8080"

func get(t testing.TB, h http.Handler, path string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest("GET", path, nil)
	req.Host = testHost
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

func post(h http.Handler, method, path, body string, header ...string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	req.Host = testHost
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

// events reads an answer of the API, one event a line.
func events(t *testing.T, body string) []map[string]any {
	t.Helper()
	var out []map[string]any
	sc := bufio.NewScanner(strings.NewReader(body))
	sc.Buffer(make([]byte, 64<<10), 16<<20) // a timeline event is one long line
	for sc.Scan() {
		var e map[string]any
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatalf("line %q of the answer is not JSON: %v", sc.Text(), err)
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("reading the answer: %v", err)
	}
	return out
}

func TestPages(t *testing.T) {
	s := newServer(t, Config{})
	b, st := content(t)
	for _, lang := range lessons.Languages {
		paths := []string{"/" + lang + "/", "/" + lang + "/progress"}
		for _, l := range b.Lessons(lang) {
			paths = append(paths, "/"+lang+"/"+l.Slug)
		}
		for _, e := range st.Exercises() {
			paths = append(paths, "/"+lang+"/exercises/"+e.Name)
		}
		for _, p := range paths {
			w := get(t, s, p)
			if w.Code != 200 {
				t.Errorf("GET %s = %d; want 200", p, w.Code)
				continue
			}
			if ct := w.Header().Get("Content-Type"); ct != "text/html; charset=utf-8" {
				t.Errorf("GET %s: Content-Type %q; want text/html", p, ct)
			}
			if strings.Contains(w.Body.String(), "```") {
				t.Errorf("GET %s: the page shows a Markdown fence, ```", p)
			}
		}
	}
	for _, p := range []string{"/en/no-such-lesson", "/zh/exercises/nothing", "/fr/", "/static/nothing.js", "/img/nothing.svg"} {
		if w := get(t, s, p); w.Code != 404 {
			t.Errorf("GET %s = %d; want 404", p, w.Code)
		}
	}
}

// TestLessonSnippets checks that every Go block of every lesson is on its
// page with its id, and every runnable one with the source to run.
func TestLessonSnippets(t *testing.T) {
	s := newServer(t, Config{})
	b, _ := content(t)
	idRE := regexp.MustCompile(`<div class="snippet( runnable)?" id="(snippet-\d+)"`)
	srcRE := regexp.MustCompile(`<script type="application/json" class="snippet-source">(.*?)</script>`)
	for _, lang := range lessons.Languages {
		for _, l := range b.Lessons(lang) {
			page := get(t, s, "/"+lang+"/"+l.Slug).Body.String()
			ids := idRE.FindAllStringSubmatch(page, -1)
			srcs := srcRE.FindAllStringSubmatch(page, -1)
			if len(ids) != len(l.Snippets) {
				t.Errorf("%s: the page has %d snippets; the lesson has %d", l.Path(), len(ids), len(l.Snippets))
				continue
			}
			k := 0
			for i, sn := range l.Snippets {
				if want := "snippet-" + strconv.Itoa(i+1); ids[i][2] != want {
					t.Errorf("%s: snippet %d has id %q; want %q", l.Path(), i+1, ids[i][2], want)
				}
				if (ids[i][1] != "") != sn.Run {
					t.Errorf("%s:%d: runnable on the page = %t; want %t", l.Path(), sn.Line, ids[i][1] != "", sn.Run)
				}
				if !sn.Run {
					continue
				}
				var src snippetSource
				if err := json.Unmarshal([]byte(srcs[k][1]), &src); err != nil {
					t.Fatalf("%s:%d: the snippet's source is not JSON: %v", l.Path(), sn.Line, err)
				}
				k++
				if got := src.Head + src.Shown + src.Tail; got != sn.Code {
					t.Errorf("%s:%d: head+shown+tail on the page is not the snippet's program", l.Path(), sn.Line)
				}
			}
		}
	}
}

// TestLinks follows every link of every page of the site to a page of the
// site, and every picture.
func TestLinks(t *testing.T) {
	s := newServer(t, Config{})
	b, _ := content(t)
	hrefRE := regexp.MustCompile(`(?:href|src)="([^"]+)"`)
	var pages []string
	for _, lang := range lessons.Languages {
		pages = append(pages, "/"+lang+"/")
		for _, l := range b.Lessons(lang) {
			pages = append(pages, "/"+lang+"/"+l.Slug)
		}
	}
	_, st := content(t)
	for _, e := range st.Exercises() {
		pages = append(pages, "/en/exercises/"+e.Name, "/zh/exercises/"+e.Name)
	}
	checked := map[string]bool{}
	for _, p := range pages {
		body := get(t, s, p).Body.String()
		for _, m := range hrefRE.FindAllStringSubmatch(body, -1) {
			dest := m[1]
			if strings.Contains(dest, "://") || strings.HasPrefix(dest, "#") || strings.HasPrefix(dest, "mailto:") {
				continue
			}
			path, frag, _ := strings.Cut(dest, "#")
			frag, _ = url.PathUnescape(frag) // as a browser does
			if !strings.HasPrefix(path, "/") {
				path = p[:strings.LastIndex(p, "/")+1] + path
			}
			path = cleanPath(path)
			key := path + "#" + frag
			if checked[key] {
				continue
			}
			checked[key] = true
			w := get(t, s, path)
			if w.Code != 200 {
				t.Errorf("%s links to %s: GET %s = %d", p, dest, path, w.Code)
				continue
			}
			if frag != "" && !strings.Contains(w.Body.String(), `id="`+frag+`"`) {
				t.Errorf("%s links to %s: %s has no id %q", p, dest, path, frag)
			}
		}
	}
	if len(checked) < 50 {
		t.Errorf("followed %d links; the site has more", len(checked))
	}
}

func cleanPath(p string) string {
	var out []string
	for _, part := range strings.Split(p, "/") {
		switch part {
		case ".":
		case "..":
			if len(out) > 1 {
				out = out[:len(out)-1]
			}
		default:
			out = append(out, part)
		}
	}
	return strings.Join(out, "/")
}

func TestHome(t *testing.T) {
	s := newServer(t, Config{})
	for _, tc := range []struct {
		cookie, accept, want string
	}{
		{"", "", "/en/"},
		{"", "zh-CN,zh;q=0.9,en;q=0.8", "/zh/"},
		{"", "fr-FR, en;q=0.5", "/en/"},
		{"zh", "en-US", "/zh/"},
		{"en", "zh-CN", "/en/"},
		{"xx", "zh", "/zh/"},
	} {
		req := httptest.NewRequest("GET", "/", nil)
		req.Host = testHost
		req.Header.Set("Accept-Language", tc.accept)
		if tc.cookie != "" {
			req.AddCookie(&http.Cookie{Name: "lang", Value: tc.cookie})
		}
		w := httptest.NewRecorder()
		s.ServeHTTP(w, req)
		if got := w.Header().Get("Location"); w.Code != 302 || got != tc.want {
			t.Errorf("GET / with cookie %q and Accept-Language %q = %d to %q; want 302 to %q", tc.cookie, tc.accept, w.Code, got, tc.want)
		}
	}
	// A page in a language is remembered for /.
	w := get(t, s, "/zh/races")
	if c := w.Result().Cookies(); len(c) != 1 || c[0].Name != "lang" || c[0].Value != "zh" {
		t.Errorf("GET /zh/races set cookies %v; want lang=zh", c)
	}
}

func TestHostAndOrigin(t *testing.T) {
	s := newServer(t, Config{Hosts: []string{"workbook.lan"}})
	hosts := []struct {
		host string
		ok   bool
	}{
		{"localhost:8080", true},
		{"127.0.0.1:8080", true},
		{"[::1]:8080", true},
		{"192.168.1.20:8080", true},
		{"app.localhost:8080", true},
		{"workbook.lan:8080", true},
		{"evil.example:8080", false},
		{"attacker.com", false},
		{"localhost.attacker.com:8080", false},
	}
	for _, h := range hosts {
		req := httptest.NewRequest("GET", "/en/", nil)
		req.Host = h.host
		w := httptest.NewRecorder()
		s.ServeHTTP(w, req)
		if (w.Code == 200) != h.ok {
			t.Errorf("GET /en/ with Host %q = %d; want ok = %t", h.host, w.Code, h.ok)
		}
	}
	run := `{"source": "package main\nfunc main() {}\n"}`
	origins := []struct {
		header []string
		code   int
	}{
		{nil, 200}, // curl, a script
		{[]string{"Origin", "http://localhost:8080"}, 200},
		{[]string{"Origin", "http://localhost:9999"}, 403},
		{[]string{"Origin", "http://evil.example"}, 403},
		{[]string{"Origin", "null"}, 403},
		{[]string{"Origin", "http://localhost:8080.evil.example"}, 403},
		{[]string{"Sec-Fetch-Site", "cross-site"}, 403},
		{[]string{"Sec-Fetch-Site", "same-site"}, 403},
		{[]string{"Sec-Fetch-Site", "same-origin", "Origin", "http://localhost:8080"}, 200},
	}
	for _, o := range origins {
		for _, path := range []string{"/api/run", "/api/check"} {
			w := post(s, "POST", path, run, o.header...)
			if o.code == 403 && w.Code != 403 {
				t.Errorf("POST %s with %v = %d; want 403", path, o.header, w.Code)
			}
			if o.code == 200 && w.Code == 403 {
				t.Errorf("POST %s with %v = 403; want it let through", path, o.header)
			}
		}
	}
}

func TestRunRequests(t *testing.T) {
	s := newServer(t, Config{})
	for _, tc := range []struct {
		name, ctype, body string
		code              int
	}{
		{"ok", "application/json", `{"source": "package main"}`, 200},
		{"race", "application/json", `{"source": "package main", "race": true}`, 200},
		{"empty", "application/json", `{"source": "  "}`, 400},
		{"not json", "application/json", `source=package main`, 400},
		{"unknown field", "application/json", `{"source": "package main", "sauce": 1}`, 400},
		{"form", "application/x-www-form-urlencoded", `source=package+main`, 415},
		{"text", "text/plain", `{"source": "package main"}`, 415},
		{"too big", "application/json", `{"source": "` + strings.Repeat("x", maxBody) + `"}`, 413},
	} {
		req := httptest.NewRequest("POST", "/api/run", strings.NewReader(tc.body))
		req.Host = testHost
		req.Header.Set("Content-Type", tc.ctype)
		w := httptest.NewRecorder()
		s.ServeHTTP(w, req)
		if w.Code != tc.code {
			t.Errorf("%s: POST /api/run = %d %s; want %d", tc.name, w.Code, w.Body, tc.code)
		}
		if w.Code != 200 {
			var e map[string]string
			if json.Unmarshal(w.Body.Bytes(), &e) != nil || e["error"] == "" {
				t.Errorf("%s: the answer %q is not {\"error\": …}", tc.name, w.Body)
			}
		}
	}
}

func TestRunStreams(t *testing.T) {
	s := newServer(t, Config{})
	w := post(s, "POST", "/api/run", `{"source": "package main"}`)
	if got := w.Header().Get("Content-Type"); got != "application/x-ndjson; charset=utf-8" {
		t.Errorf("Content-Type = %q; want application/x-ndjson", got)
	}
	if got := w.Header().Get(EventSchemaHeader); got != runner.EventSchema {
		t.Errorf("%s = %q; want %q", EventSchemaHeader, got, runner.EventSchema)
	}
	evs := events(t, w.Body.String())
	var kinds []string
	for _, e := range evs {
		kinds = append(kinds, e["kind"].(string))
	}
	// The two writes to stdout are joined: they waited together.
	if got, want := strings.Join(kinds, " "), "stdout stderr exit"; got != want && got != "stdout stdout stderr exit" {
		t.Errorf("events %q; want %q", got, want)
	}
	if evs[len(evs)-1]["kind"] != "exit" {
		t.Errorf("the last event is %v; want the exit", evs[len(evs)-1])
	}
}

// TestRealRun runs a program in the sandbox through the API.
func TestRealRun(t *testing.T) {
	pool := runner.NewPool(1)
	defer pool.Close()
	s := newServer(t, Config{Runner: pool})
	src := `package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("to stdout")
	fmt.Fprintln(os.Stderr, "to stderr")
	os.Exit(3)
}
`
	body, _ := json.Marshal(runRequest{Source: src})
	w := post(s, "POST", "/api/run", string(body))
	var out, errOut strings.Builder
	var exit map[string]any
	for _, e := range events(t, w.Body.String()) {
		switch e["kind"] {
		case "stdout":
			out.WriteString(e["data"].(string))
		case "stderr":
			errOut.WriteString(e["data"].(string))
		case "exit":
			exit = e["exit"].(map[string]any)
		}
	}
	if out.String() != "to stdout\n" || errOut.String() != "to stderr\n" {
		t.Errorf("stdout %q, stderr %q; want %q, %q", out.String(), errOut.String(), "to stdout\n", "to stderr\n")
	}
	if exit == nil || exit["code"] != float64(3) {
		t.Errorf("exit %v; want code 3", exit)
	}
}

// A blockingWriter is a client that does not read: every write waits
// until it is let go.
type blockingWriter struct {
	*httptest.ResponseRecorder
	release chan struct{}
}

func (b *blockingWriter) Write(p []byte) (int, error) {
	<-b.release
	return b.ResponseRecorder.Write(p)
}

func (b *blockingWriter) Flush() {}

// TestStalledClient checks that a client that does not read never holds
// up the program: the run ends, every event kept, while the client stalls.
func TestStalledClient(t *testing.T) {
	ran := make(chan struct{})
	const n = 20000
	s := newServer(t, Config{Runner: &fakeRunner{do: func(ctx context.Context, prog runner.Program, emit func(runner.Event)) *runner.Result {
		defer close(ran)
		for i := range n {
			emit(runner.Event{Kind: runner.KindTestRun, Test: &runner.TestResult{Name: "Test" + strconv.Itoa(i)}})
		}
		return &runner.Result{}
	}}})
	w := &blockingWriter{ResponseRecorder: httptest.NewRecorder(), release: make(chan struct{})}
	req := httptest.NewRequest("POST", "/api/run", strings.NewReader(`{"source": "package main"}`))
	req.Host = testHost
	req.Header.Set("Content-Type", "application/json")
	done := make(chan struct{})
	go func() {
		s.ServeHTTP(w, req)
		close(done)
	}()
	select {
	case <-ran:
	case <-time.After(10 * time.Second):
		t.Fatal("the program was held up by a client that does not read")
	}
	close(w.release)
	<-done
	if got := len(events(t, w.Body.String())); got != n+1 {
		t.Errorf("the client got %d events; want %d", got, n+1)
	}
}

// TestDisconnect checks that a client that goes away stops its program.
func TestDisconnect(t *testing.T) {
	started := make(chan struct{})
	stopped := make(chan struct{})
	s := newServer(t, Config{Runner: &fakeRunner{do: func(ctx context.Context, prog runner.Program, emit func(runner.Event)) *runner.Result {
		emit(runner.Event{Kind: runner.KindStdout, Data: "working\n"})
		close(started)
		<-ctx.Done()
		close(stopped)
		return &runner.Result{Exit: runner.Exit{Reason: runner.Canceled}}
	}}})
	ts := httptest.NewServer(s)
	defer ts.Close()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "POST", ts.URL+"/api/run", strings.NewReader(`{"source": "package main"}`))
	req.Header.Set("Content-Type", "application/json")
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
	}()
	<-started
	cancel()
	select {
	case <-stopped:
	case <-time.After(10 * time.Second):
		t.Fatal("the program went on after its client went away")
	}
}

// TestQueueFull checks that runs beyond the slots and the queue are turned
// away at once with 429 and Retry-After, and the others are served.
func TestQueueFull(t *testing.T) {
	release := make(chan struct{})
	var mu sync.Mutex
	running := 0
	s := newServer(t, Config{Slots: 2, Queue: 3, Runner: &fakeRunner{do: func(ctx context.Context, prog runner.Program, emit func(runner.Event)) *runner.Result {
		mu.Lock()
		running++
		mu.Unlock()
		<-release
		return &runner.Result{}
	}}})
	const n = 12
	codes := make(chan *httptest.ResponseRecorder, n)
	for range n {
		go func() { codes <- post(s, "POST", "/api/run", `{"source": "package main"}`) }()
	}
	// The turned-away answer at once, while the others wait.
	var busy []*httptest.ResponseRecorder
	for range n - 5 {
		select {
		case w := <-codes:
			busy = append(busy, w)
		case <-time.After(10 * time.Second):
			t.Fatalf("%d requests were answered; want the %d beyond 2 slots and 3 waiting turned away at once", len(busy), n-5)
		}
	}
	for _, w := range busy {
		if w.Code != 429 || w.Header().Get("Retry-After") == "" {
			t.Errorf("a run beyond the queue got %d (Retry-After %q); want 429 with Retry-After", w.Code, w.Header().Get("Retry-After"))
		}
	}
	mu.Lock()
	if running != 2 {
		t.Errorf("%d runs at once; want 2, the slots", running)
	}
	mu.Unlock()
	close(release)
	for range 5 {
		if w := <-codes; w.Code != 200 {
			t.Errorf("a queued run got %d; want 200", w.Code)
		}
	}
}

// newWorkspace makes a workspace with the built-in exercises.
func newWorkspace(t *testing.T) *workspace.Workspace {
	t.Helper()
	_, st := content(t)
	dir := t.TempDir()
	if _, err := workspace.Init(dir, st, ""); err != nil {
		t.Fatal(err)
	}
	ws, err := workspace.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return ws
}

func TestFiles(t *testing.T) {
	ws := newWorkspace(t)
	s := newServer(t, Config{Workspace: ws})
	path := filepath.Join(ws.Dir, "counter", "counter.go")
	read := func() fileVersion {
		t.Helper()
		w := get(t, s, "/api/file?exercise=counter")
		var got struct {
			Files     []fileVersion
			Workspace bool
		}
		if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil || len(got.Files) != 1 || !got.Workspace {
			t.Fatalf("GET /api/file?exercise=counter = %d %s", w.Code, w.Body)
		}
		return got.Files[0]
	}
	f := read()
	disk, _ := os.ReadFile(path)
	if f.Name != "counter.go" || f.Content != string(disk) || f.Version == "" {
		t.Fatalf("GET /api/file = %+v; want counter.go as on disk, with a version", f)
	}
	save := func(content, base string) *httptest.ResponseRecorder {
		body, _ := json.Marshal(saveRequest{Exercise: "counter", Name: "counter.go", Content: content, Base: base})
		return post(s, "PUT", "/api/file", string(body))
	}
	// A save from the version on disk is written.
	w := save("package counter // mine\n", f.Version)
	if w.Code != 200 {
		t.Fatalf("PUT /api/file = %d %s; want 200", w.Code, w.Body)
	}
	if disk, _ := os.ReadFile(path); string(disk) != "package counter // mine\n" {
		t.Errorf("after PUT the file holds %q", disk)
	}
	mine := read()
	// Another editor writes the file; a save from the older version is
	// refused, and the answer holds the file as it is now.
	os.WriteFile(path, []byte("package counter // theirs\n"), 0o644)
	w = save("package counter // mine, again\n", mine.Version)
	var conflict struct {
		Error string
		File  fileVersion
	}
	json.Unmarshal(w.Body.Bytes(), &conflict)
	if w.Code != 409 || conflict.File.Content != "package counter // theirs\n" || conflict.Error == "" {
		t.Errorf("PUT over a file changed on disk = %d %s; want 409 with the file as it is", w.Code, w.Body)
	}
	if disk, _ := os.ReadFile(path); string(disk) != "package counter // theirs\n" {
		t.Errorf("a refused save wrote the file: %q", disk)
	}
	// The learner chose to keep theirs: a save from the new version.
	if w := save("package counter // mine, again\n", conflict.File.Version); w.Code != 200 {
		t.Errorf("PUT from the version on disk = %d; want 200", w.Code)
	}
	for _, tc := range []struct {
		body string
		code int
	}{
		{`{"exercise": "nothing", "name": "x.go", "content": "", "base": ""}`, 404},
		{`{"exercise": "counter", "name": "../bank/bank.go", "content": "", "base": ""}`, 400},
		{`{"exercise": "counter", "name": "counter_test.go", "content": "", "base": ""}`, 400},
	} {
		if w := post(s, "PUT", "/api/file", tc.body); w.Code != tc.code {
			t.Errorf("PUT /api/file %s = %d; want %d", tc.body, w.Code, tc.code)
		}
	}
	// No temporary file is left behind.
	entries, _ := os.ReadDir(filepath.Dir(path))
	for _, e := range entries {
		if e.Name() != "counter.go" && e.Name() != "README.md" && e.Name() != "README.zh.md" {
			t.Errorf("the exercise's directory holds %s after saving", e.Name())
		}
	}
}

func TestFilesWithoutWorkspace(t *testing.T) {
	s := newServer(t, Config{})
	w := get(t, s, "/api/file?exercise=bank")
	var got struct {
		Files     []fileVersion
		Workspace bool
	}
	json.Unmarshal(w.Body.Bytes(), &got)
	_, st := content(t)
	e, _ := st.Lookup("bank")
	starter, _ := e.Starter("bank.go")
	if w.Code != 200 || got.Workspace || len(got.Files) != 1 || got.Files[0].Content != string(starter) {
		t.Errorf("GET /api/file?exercise=bank without a workspace = %d %s; want the starter", w.Code, w.Body)
	}
	if w := post(s, "PUT", "/api/file", `{"exercise": "bank", "name": "bank.go", "content": "x", "base": ""}`); w.Code != 409 {
		t.Errorf("PUT /api/file without a workspace = %d; want 409", w.Code)
	}
	if w := post(s, "POST", "/api/check", `{"exercise": "bank"}`); w.Code != 400 {
		t.Errorf("POST /api/check without files or a workspace = %d; want 400", w.Code)
	}
}

// TestCheck grades an exercise through the API, from the workspace: the
// starter fails, the reference solution passes, and the verdict is kept.
func TestCheck(t *testing.T) {
	pool := runner.NewPool(1)
	defer pool.Close()
	ws := newWorkspace(t)
	s := newServer(t, Config{Workspace: ws, Runner: pool, Grader: &exercises.Grader{Pool: pool}})
	verdict := func(body string) (*exercises.Result, bool, []string) {
		t.Helper()
		w := post(s, "POST", "/api/check", body)
		if w.Code != 200 {
			t.Fatalf("POST /api/check %s = %d %s", body, w.Code, w.Body)
		}
		var kinds []string
		var v VerdictEvent
		for _, line := range strings.Split(strings.TrimSpace(w.Body.String()), "\n") {
			var e struct{ Kind string }
			json.Unmarshal([]byte(line), &e)
			kinds = append(kinds, e.Kind)
			if e.Kind == "verdict" {
				json.Unmarshal([]byte(line), &v)
			}
		}
		if len(kinds) == 0 || kinds[len(kinds)-1] != "verdict" || v.Verdict == nil {
			t.Fatalf("POST /api/check answered %v; want events ending with the verdict", kinds)
		}
		return v.Verdict, v.Recorded, kinds
	}
	v, recorded, kinds := verdict(`{"exercise": "counter", "lang": "zh"}`)
	if v.Status == exercises.Pass || !recorded {
		t.Errorf("the starter: %s, recorded %t; want a failure, recorded", v.Status, recorded)
	}
	if !strings.Contains(strings.Join(kinds, " "), "test-run") {
		t.Errorf("the check's events %v have no test-run: tests are not streamed as they start", kinds)
	}
	hinted := false
	for _, tr := range v.Tests {
		hinted = hinted || tr.Hint != ""
	}
	if !hinted {
		t.Errorf("no failing test of the starter has a hint")
	}
	_, st := content(t)
	e, _ := st.Lookup("counter")
	sol, _ := e.Solution("counter.go")
	os.WriteFile(filepath.Join(ws.Dir, "counter", "counter.go"), sol, 0o644)
	if v, recorded, _ = verdict(`{"exercise": "counter"}`); v.Status != exercises.Pass || !recorded {
		t.Errorf("the solution: %s (%s), recorded %t; want pass, recorded", v.Status, v.Message, recorded)
	}
	if again, _ := workspace.Open(ws.Dir); !again.Done("counter") {
		t.Errorf("after a passing check, the workspace does not say counter is done")
	}
	if page := get(t, s, "/en/progress").Body.String(); !strings.Contains(page, `class="done"`) {
		t.Errorf("the progress page shows nothing done after counter passed")
	}
	// Files sent with the request are graded and not recorded.
	body, _ := json.Marshal(checkRequest{Exercise: "counter", Files: map[string]string{"counter.go": "package counter\n"}})
	if v, recorded, _ = verdict(string(body)); v.Status == exercises.Pass || recorded {
		t.Errorf("files sent: %s, recorded %t; want a failure, not recorded", v.Status, recorded)
	}
	if again, _ := workspace.Open(ws.Dir); !again.Done("counter") {
		t.Errorf("a check of files sent changed the workspace's progress")
	}
}

// TestBurst sends 40 runs at once to a server with real sandbox children:
// each is run or turned away with 429, none fails or hangs, and the server
// answers as before once the burst is over.
func TestBurst(t *testing.T) {
	pool := runner.NewPool(1)
	defer pool.Close()
	s := newServer(t, Config{Runner: pool})
	url := newTestServer(t, s)
	src, _ := json.Marshal(runRequest{Source: "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\ttime.Sleep(200 * time.Millisecond)\n\tfmt.Println(\"done\")\n}\n"})
	runOnce := func() (int, string, error) {
		req, _ := http.NewRequest("POST", url+"/api/run", strings.NewReader(string(src)))
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return 0, "", err
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if resp.StatusCode == 429 && resp.Header.Get("Retry-After") == "" {
			return resp.StatusCode, string(body), errors.New("429 without Retry-After")
		}
		return resp.StatusCode, string(body), err
	}
	const n = 40
	type answer struct {
		code int
		body string
		err  error
	}
	answers := make(chan answer, n)
	for range n {
		go func() {
			code, body, err := runOnce()
			answers <- answer{code, body, err}
		}()
	}
	ran := 0
	for range n {
		select {
		case a := <-answers:
			switch {
			case a.err != nil:
				t.Errorf("a run of the burst failed: %v", a.err)
			case a.code == 200:
				if !strings.Contains(a.body, `"data":"done\n"`) || !strings.Contains(a.body, `"kind":"exit"`) {
					t.Errorf("a run of the burst answered 200 with %s", a.body)
				}
				ran++
			case a.code != 429:
				t.Errorf("a run of the burst got %d: %s", a.code, a.body)
			}
		case <-time.After(60 * time.Second):
			t.Fatal("a run of the burst got no answer in a minute")
		}
	}
	if ran == 0 {
		t.Errorf("no run of the burst was run")
	}
	if w := get(t, s, "/en/"); w.Code != 200 {
		t.Errorf("after the burst, GET /en/ = %d", w.Code)
	}
	if code, body, err := runOnce(); code != 200 || err != nil || !strings.Contains(body, `"data":"done\n"`) {
		t.Errorf("after the burst, a run got %d %v: %s", code, err, body)
	}
}

// TestRawHTML checks that a reveal written as GitHub renders it, raw
// <details> in the Markdown, is a reveal on the page too.
func TestRawHTML(t *testing.T) {
	s := newServer(t, Config{})
	got, err := s.pages.markdown([]byte("Predict first.\n\n<details>\n<summary>Answer</summary>\n\nThe **count** is lower.\n\n</details>\n"), &renderContext{lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<details>", "<summary>Answer</summary>", "<strong>count</strong>", "</details>"} {
		if !strings.Contains(string(got), want) {
			t.Errorf("rendered %q; want it to contain %q", got, want)
		}
	}
}

// TestReset starts an exercise again from the page's API: the starter is
// back on disk and the learner's file is in a backup.
func TestReset(t *testing.T) {
	ws := newWorkspace(t)
	s := newServer(t, Config{Workspace: ws})
	path := filepath.Join(ws.Dir, "counter", "counter.go")
	os.WriteFile(path, []byte("package counter // mine\n"), 0o644)
	w := post(s, "POST", "/api/reset", `{"exercise": "counter"}`)
	var got struct {
		Files  []fileVersion
		Backup string
	}
	if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil || w.Code != 200 {
		t.Fatalf("POST /api/reset = %d %s", w.Code, w.Body)
	}
	_, st := content(t)
	e, _ := st.Lookup("counter")
	starter, _ := e.Starter("counter.go")
	if disk, _ := os.ReadFile(path); string(disk) != string(starter) || len(got.Files) != 1 || got.Files[0].Content != string(starter) {
		t.Errorf("after reset the file holds %q; want the starter", disk)
	}
	if mine, err := os.ReadFile(filepath.Join(got.Backup, "counter.go")); err != nil || string(mine) != "package counter // mine\n" {
		t.Errorf("the backup %s holds %q (%v); want the learner's file", got.Backup, mine, err)
	}
	if w := post(newServer(t, Config{}), "POST", "/api/reset", `{"exercise": "counter"}`); w.Code != 409 {
		t.Errorf("POST /api/reset without a workspace = %d; want 409", w.Code)
	}
}

// TestUIWords checks that both languages have every word the pages and
// their script use.
func TestUIWords(t *testing.T) {
	used := regexp.MustCompile(`index \.T "([^"]+)"|index \$\.T "([^"]+)"|\bT\.([a-zA-Z]+)`)
	var names []string
	for _, f := range []string{"templates/layout.html", "templates/index.html", "templates/lesson.html", "templates/exercise.html", "templates/progress.html", "templates/notfound.html", "static/site.js"} {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range used.FindAllStringSubmatch(string(src), -1) {
			names = append(names, m[1]+m[2]+m[3])
		}
	}
	for _, lang := range lessons.Languages {
		for _, n := range names {
			if ui[lang][n] == "" {
				t.Errorf("the %s words have no %q", lang, n)
			}
		}
	}
}

// TestCheckKeepsOthersProgress checks that a check in the browser keeps the
// progress workbook check recorded meanwhile in a terminal.
func TestCheckKeepsOthersProgress(t *testing.T) {
	pool := runner.NewPool(1)
	defer pool.Close()
	ws := newWorkspace(t)
	s := newServer(t, Config{Workspace: ws, Runner: pool, Grader: &exercises.Grader{Pool: pool}})
	// Meanwhile, in a terminal: bank passes.
	other, err := workspace.Open(ws.Dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := other.Record(&exercises.Result{Exercise: "bank", Status: exercises.Pass, Points: 20, MaxPoints: 20}); err != nil {
		t.Fatal(err)
	}
	if w := post(s, "POST", "/api/check", `{"exercise": "counter"}`); w.Code != 200 || !strings.Contains(w.Body.String(), `"recorded":true`) {
		t.Fatalf("POST /api/check = %d %s", w.Code, w.Body)
	}
	again, _ := workspace.Open(ws.Dir)
	if !again.Done("bank") {
		t.Errorf("recording counter's verdict from the site lost bank's, recorded in a terminal")
	}
	if _, ok := again.State.Progress["counter"]; !ok {
		t.Errorf("counter's verdict was not recorded")
	}
}
