// Wrong: it waits for every match to finish before it picks an answer, so one slow match holds up a yes that is already there.
// Fails: TestReturnsAsSoonAsOneMatches, TestMatchContextCancelledOnReturn, TestNoGoroutineLeftBehind, TestReturnsWhenContextCancelled

// Package firstmatch asks many questions at once and takes the first yes.
package firstmatch

import (
	"context"
	"sync"
)

// First returns an item for which match returns true.
func First(ctx context.Context, items []string, match func(ctx context.Context, item string) bool) (string, bool) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	found := make([]bool, len(items))
	var wg sync.WaitGroup
	for i, item := range items {
		wg.Go(func() {
			found[i] = match(ctx, item)
		})
	}
	wg.Wait() // every match, even after one has said yes
	for i, ok := range found {
		if ok {
			return items[i], true
		}
	}
	return "", false
}
