// Wrong: it calls match for one item after another in its own goroutine, so a slow item holds up every item after it.
// Fails: TestMatchesRunAtOnce, TestReturnsWhenContextCancelled

// Package firstmatch asks many questions at once and takes the first yes.
package firstmatch

import "context"

// First returns an item for which match returns true.
func First(ctx context.Context, items []string, match func(ctx context.Context, item string) bool) (string, bool) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	for _, item := range items {
		if ctx.Err() != nil {
			return "", false
		}
		if match(ctx, item) { // one at a time
			return item, true
		}
	}
	return "", false
}
