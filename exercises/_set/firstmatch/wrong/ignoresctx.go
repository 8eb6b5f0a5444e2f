// Wrong: it waits for the answers without watching ctx, so when the caller gives up, First keeps waiting for matches that take their time.
// Fails: TestReturnsWhenContextCancelled

// Package firstmatch asks many questions at once and takes the first yes.
package firstmatch

import "context"

// First returns an item for which match returns true.
func First(ctx context.Context, items []string, match func(ctx context.Context, item string) bool) (string, bool) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type result struct {
		item string
		ok   bool
	}
	results := make(chan result, len(items))

	for _, item := range items {
		go func() {
			results <- result{item, match(ctx, item)}
		}()
	}

	for range items {
		r := <-results // waits even when ctx is done
		if r.ok {
			return r.item, true
		}
	}
	return "", false
}
