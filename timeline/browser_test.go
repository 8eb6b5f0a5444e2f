package timeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"workbook/internal/browsertest"
	"workbook/runner"
)

// TestMain lets the test binary serve as the runner's sandbox child.
func TestMain(m *testing.M) {
	runner.Child()
	os.Exit(m.Run())
}

// The worker pool of the goroutines lesson, traced for real.
const workerPool = `package main

import (
	"fmt"
	"sync"
	"time"
)

func worker(id int, jobs <-chan int, results chan<- string, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		time.Sleep(2 * time.Millisecond) // the work
		results <- fmt.Sprintf("worker %d did job %d", id, j)
	}
}

func main() {
	jobs := make(chan int)
	results := make(chan string)
	var wg sync.WaitGroup
	for id := 1; id <= 3; id++ {
		wg.Add(1)
		go worker(id, jobs, results, &wg)
	}
	go func() {
		for j := 1; j <= 6; j++ {
			jobs <- j
		}
		close(jobs)
	}()
	go func() {
		wg.Wait()
		close(results)
	}()
	for r := range results {
		fmt.Println(r)
	}
}
`

// TestBrowser opens the timeline of a real run in headless Chromium: the
// page draws a lane per goroutine, its spans show their line when hovered,
// and it loads nothing from anywhere. The screenshot goes to the test's
// artifact directory (go test ./timeline -run Browser -artifacts
// -outputdir DIR keeps it).
func TestBrowser(t *testing.T) {
	ctx := browsertest.Start(t, 1100, 600)
	res, err := runner.Run(t.Context(), runner.Program{Files: []runner.File{{Name: "workers.go", Src: []byte(workerPool)}}}, runner.Options{Trace: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Trace == nil {
		t.Fatalf("no trace: %s", res.Message)
	}
	page := filepath.Join(t.TempDir(), "workers.html")
	var b strings.Builder
	if err := HTML(&b, res.Trace, Options{Title: "workers.go", Source: map[string][]byte{"workers.go": []byte(workerPool)}}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}

	// Every request the page makes is counted: it must make none but its own.
	if _, err := chromedp.Run(ctx, chromedp.Navigate("file://"+page)); err != nil {
		t.Fatal(err)
	}
	lanes, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("svg.timeline .lane").length`))
	if err != nil {
		t.Fatal(err)
	}
	if lanes != 6 {
		t.Errorf("%d lanes; want 6 (main, 3 workers, the feeder, the closer)", lanes)
	}
	tip, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => { const s = document.querySelector("svg.timeline .span rect title"); return s ? s.textContent : "" })()`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(tip, "workers.go:") {
		t.Errorf("a span's tip is %q; want its line", tip)
	}
	width, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`document.querySelector("svg.timeline").getBoundingClientRect().width`))
	if err != nil {
		t.Fatal(err)
	}
	if width < 900 {
		t.Errorf("the picture is %vpx wide; want it drawn at its size", width)
	}
	resources, err := chromedp.Run(ctx, chromedp.Evaluate[int](`performance.getEntriesByType("resource").length`))
	if err != nil {
		t.Fatal(err)
	}
	if resources != 0 {
		t.Errorf("the page loaded %d resources; want none", resources)
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(t.ArtifactDir(), "timeline.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}
