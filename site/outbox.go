package site

import (
	"encoding/json"
	"net/http"
	"sync"

	"workbook/runner"
)

// An outbox holds the events of a run until the client takes them, so
// that a slow or stalled browser never stalls the program: put never
// blocks. A run's output is bounded by its limits, and so is what waits
// here.
type outbox struct {
	mu     sync.Mutex
	items  []any
	closed bool
	wake   chan struct{}
}

func newOutbox() *outbox { return &outbox{wake: make(chan struct{}, 1)} }

// put adds an event.
func (o *outbox) put(v any) {
	o.mu.Lock()
	o.items = append(o.items, v)
	o.mu.Unlock()
	o.signal()
}

// close says no more events will come.
func (o *outbox) close() {
	o.mu.Lock()
	o.closed = true
	o.mu.Unlock()
	o.signal()
}

func (o *outbox) signal() {
	select {
	case o.wake <- struct{}{}:
	default:
	}
}

// take returns what waits, adjacent output of one stream joined into one
// event, and whether the box is closed.
func (o *outbox) take() ([]any, bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	items, closed := o.items, o.closed
	o.items = nil
	return coalesce(items), closed
}

// coalesce joins adjacent events of output to the same stream, keeping the
// time of the first.
func coalesce(items []any) []any {
	out := items[:0]
	for _, it := range items {
		e, ok := it.(runner.Event)
		if ok && (e.Kind == runner.KindStdout || e.Kind == runner.KindStderr) && len(out) > 0 {
			if prev, ok := out[len(out)-1].(runner.Event); ok && prev.Kind == e.Kind {
				prev.Data += e.Data
				out[len(out)-1] = prev
				continue
			}
		}
		out = append(out, it)
	}
	return out
}

// writeTo writes the events to w as they come, one JSON object a line,
// until the box is closed and empty. It reports whether it wrote anything:
// nothing is written, not even the headers, until the first event, so that
// a run that fails to start can still be answered with an error status.
// When the client is gone, it calls stop and drops the rest.
func (o *outbox) writeTo(w http.ResponseWriter, stop func()) (started bool) {
	rc := http.NewResponseController(w)
	enc := json.NewEncoder(w)
	failed := false
	for {
		<-o.wake
		items, closed := o.take()
		if len(items) > 0 && !failed {
			if !started {
				started = true
				h := w.Header()
				h.Set("Content-Type", "application/x-ndjson; charset=utf-8")
				h.Set("Cache-Control", "no-store")
				h.Set("X-Accel-Buffering", "no")
				h.Set(EventSchemaHeader, runner.EventSchema)
				w.WriteHeader(http.StatusOK)
			}
			for _, it := range items {
				if enc.Encode(it) != nil {
					failed = true
					break
				}
			}
			if failed || rc.Flush() != nil {
				failed = true
				stop()
			}
		}
		if closed {
			// Whatever was put after the last take is taken next time
			// round; the box is empty only once take says so.
			o.mu.Lock()
			empty := len(o.items) == 0
			o.mu.Unlock()
			if empty {
				return started
			}
			o.signal()
		}
	}
}
