// Package browsertest starts headless Chromium for the tests that drive a
// page as a learner would (the site, the timeline's page), with chromedp.
//
// The tests run where Chromium is: Debian's chromium package, which .ci/run
// installs. Without it they are skipped, unless WORKBOOK_BROWSER_TESTS is
// set (as in CI), where a missing browser is a failure, not a skip.
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Start starts Chromium with a window of width × height pixels and
// returns a context that drives it, cancelled when the test ends or after
// two minutes.
func Start(t testing.TB, width, height int) context.Context {
	t.Helper()
	path := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		if os.Getenv("WORKBOOK_BROWSER_TESTS") != "" {
			t.Fatal("WORKBOOK_BROWSER_TESTS is set, but there is no chromium on PATH (apt-get install chromium)")
		}
		t.Skip("no chromium on PATH: the browser tests need it (apt-get install chromium)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		// Nothing of the browser's own reaches the network.
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(width, height),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	ctx, cancel = context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", path, err)
	}
	return ctx
}
