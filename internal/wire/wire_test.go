package wire

import (
	"bytes"
	"strings"
	"testing"
)

// TestSendLast: once the report that ends the run went, nothing follows it.
func TestSendLast(t *testing.T) {
	var b bytes.Buffer
	w := NewWriter(&b)
	w.Send(Report{Kind: KindTestRun})
	w.SendLast(Report{Kind: KindPanic})
	w.Send(Report{Kind: KindTest})
	w.SendLast(Report{Kind: KindExit})
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) != 2 || !strings.Contains(lines[1], `"kind":"panic"`) {
		t.Errorf("the writer sent:\n%s\nwant the test's start, then the panic, and nothing after", b.String())
	}
}
