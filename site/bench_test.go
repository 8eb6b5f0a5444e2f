package site

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"workbook/lessons"
	"workbook/runner"
	"workbook/timeline"
)

// pageWeight is what a browser loads for a page: the HTML and every
// stylesheet and script it names, compressed as the server sends them.
func pageWeight(t testing.TB, s *Server, path string) int {
	t.Helper()
	fetch := func(p string) int {
		req := httptest.NewRequest("GET", p, nil)
		req.Host = testHost
		req.Header.Set("Accept-Encoding", "gzip")
		w := httptest.NewRecorder()
		s.ServeHTTP(w, req)
		if w.Code != 200 {
			t.Fatalf("GET %s = %d", p, w.Code)
		}
		return w.Body.Len()
	}
	page := get(t, s, path).Body.String()
	total := fetch(path)
	for _, m := range regexp.MustCompile(`(?:src|href)="(/static/[^"]+)"`).FindAllStringSubmatch(page, -1) {
		total += fetch(m[1])
	}
	// site.js imports the editor.
	return total + fetch("/static/editor.js")
}

// TestPageWeight holds every lesson page, editor included, under 300 KB
// as sent (compressed).
func TestPageWeight(t *testing.T) {
	s := newServer(t, Config{})
	b, _ := content(t)
	for _, lang := range lessons.Languages {
		for _, l := range b.Lessons(lang) {
			if kb := pageWeight(t, s, "/"+lang+"/"+l.Slug) / 1024; kb >= 300 {
				t.Errorf("/%s/%s weighs %d KB compressed; want under 300 KB", lang, l.Slug, kb)
			}
		}
	}
}

// BenchmarkLessonPage measures rendering each lesson page on the server
// (median-ms, and the slowest lesson's median, slowest-ms) and what the
// heaviest page weighs as sent, HTML, CSS and scripts compressed
// (heaviest-KB).
//
//	go test ./site -run '^$' -bench LessonPage -benchtime 20x
func BenchmarkLessonPage(b *testing.B) {
	s := newServer(b, Config{})
	bk, _ := content(b)
	var all, slowest []time.Duration
	heaviest := 0
	for _, lang := range lessons.Languages {
		for _, l := range bk.Lessons(lang) {
			path := "/" + lang + "/" + l.Slug
			heaviest = max(heaviest, pageWeight(b, s, path))
			var times []time.Duration
			for range b.N {
				start := time.Now()
				w := get(b, s, path)
				times = append(times, time.Since(start))
				if w.Code != 200 {
					b.Fatalf("GET %s = %d", path, w.Code)
				}
			}
			all = append(all, times...)
			slowest = append(slowest, median(times))
		}
	}
	b.ReportMetric(ms(median(all)), "median-ms")
	b.ReportMetric(ms(slices.Max(slowest)), "slowest-ms")
	b.ReportMetric(float64(heaviest)/1024, "heaviest-KB")
	b.ReportMetric(0, "ns/op")
}

// BenchmarkAPIRun measures, side by side in one run, a hello-world
// program run directly with runner.Pool, untraced and traced, and through
// POST /api/run over HTTP on loopback (traced, its timeline drawn), from
// the request to the exit event (median-ms each): the difference is what
// the API adds.
//
//	go test ./site -run '^$' -bench APIRun -benchtime 40x
func BenchmarkAPIRun(b *testing.B) {
	pool := runner.NewPool(1)
	defer pool.Close()
	s := newServer(b, Config{Runner: pool})
	ts := newTestServer(b, s)
	prog := runner.Program{Files: []runner.File{{Name: "main.go", Src: []byte(helloProgram)}}}
	body, _ := json.Marshal(runRequest{Source: helloProgram})
	direct := func(trace bool) func() {
		return func() {
			res, err := pool.Run(context.Background(), prog, runner.Options{Trace: trace, Events: func(runner.Event) {}})
			if err != nil || res.Code != 0 {
				b.Fatalf("Pool.Run: %v %+v", err, res)
			}
		}
	}
	api := func() {
		req, _ := http.NewRequest("POST", ts+"/api/run", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		defer resp.Body.Close()
		var last runner.Event
		dec := json.NewDecoder(resp.Body)
		for dec.More() {
			if err := dec.Decode(&last); err != nil {
				b.Fatal(err)
			}
		}
		if last.Kind != runner.KindExit || last.Exit.Code != 0 {
			b.Fatalf("the last event is %+v; want a clean exit", last)
		}
	}
	for _, c := range []struct {
		name string
		f    func()
	}{{"direct", direct(false)}, {"direct-trace", direct(true)}, {"api", api}} {
		b.Run(c.name, func(b *testing.B) {
			c.f() // warm
			var times []time.Duration
			for range b.N {
				time.Sleep(20 * time.Millisecond) // the pool gets a child ready, as between a learner's runs
				start := time.Now()
				c.f()
				times = append(times, time.Since(start))
			}
			b.ReportMetric(ms(median(times)), "median-ms")
			b.ReportMetric(0, "ns/op")
		})
	}
}

// BenchmarkTimeline measures what the Timeline tab costs the server: each
// runnable snippet of the lessons (one edition) is run traced once, and its
// timeline drawn b.N times as the site draws it (fitTrace, timeline.SVG).
// It reports the longest drawing and the largest picture (draw-max-ms,
// picture-max-KB). What tracing costs a run is BenchmarkTraceCost's, in
// the workbook's root package.
//
//	go test ./site -run '^$' -bench Timeline -benchtime 5x
func BenchmarkTimeline(b *testing.B) {
	pool := runner.NewPool(1)
	defer pool.Close()
	bk, _ := content(b)
	var draw time.Duration
	picture := 0
	for _, l := range bk.Lessons(lessons.Languages[0]) {
		for _, sn := range l.Snippets {
			if !sn.Run {
				continue
			}
			prog := runner.Program{Files: []runner.File{{Name: "main.go", Src: []byte(sn.Code)}}}
			res, err := pool.Run(context.Background(), prog, runner.Options{Trace: true, Events: func(runner.Event) {}})
			if err != nil {
				b.Fatal(err)
			}
			if res.Trace == nil {
				continue
			}
			var times []time.Duration
			for range b.N {
				var svg strings.Builder
				start := time.Now()
				fit, _ := fitTrace(res.Trace, maxLanes, maxWaits)
				timeline.SVG(&svg, fit, timeline.Options{Lang: "en", Source: map[string][]byte{"main.go": []byte(sn.Code)}})
				times = append(times, time.Since(start))
				picture = max(picture, svg.Len())
			}
			draw = max(draw, median(times))
		}
	}
	b.ReportMetric(ms(draw), "draw-max-ms")
	b.ReportMetric(float64(picture)/1024, "picture-max-KB")
	b.ReportMetric(0, "ns/op")
}

const helloProgram = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hello, world\")\n}\n"

func median(ts []time.Duration) time.Duration {
	s := slices.Clone(ts)
	slices.Sort(s)
	return s[len(s)/2]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
