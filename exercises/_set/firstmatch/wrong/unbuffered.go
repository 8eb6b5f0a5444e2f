// Wrong: it cancels the matches and honours ctx, but sends answers on an unbuffered channel, so every goroutine that answers after First has returned waits forever.
// Fails: TestNoGoroutineLeftBehind, TestReturnsWhenContextCancelled

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
	results := make(chan result) // no room: each send waits for a receiver

	for _, item := range items {
		go func() {
			results <- result{item, match(ctx, item)}
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
