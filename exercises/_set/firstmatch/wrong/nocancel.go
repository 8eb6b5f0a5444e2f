// Wrong: the matches get the caller's ctx itself, which nobody cancels when First returns, so they keep working on a question nobody asks any more.
// Fails: TestMatchContextCancelledOnReturn

// Package firstmatch asks many questions at once and takes the first yes.
package firstmatch

import "context"

// First returns an item for which match returns true.
func First(ctx context.Context, items []string, match func(ctx context.Context, item string) bool) (string, bool) {
	type result struct {
		item string
		ok   bool
	}
	results := make(chan result, len(items))

	for _, item := range items {
		go func() {
			results <- result{item, match(ctx, item)} // the caller's ctx: not cancelled when First returns
		}()
	}

	for range items {
		select {
		case r := <-results:
			if r.ok {
				return r.item, true
			}
		case <-ctx.Done():
			return "", false
		}
	}
	return "", false
}
