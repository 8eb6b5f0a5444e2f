// Package bounded runs a function over many items, a few at a time: Go's
// version of asyncio.Semaphore guarding a gather.
package bounded

import (
	"context"
	"sync"
)

// ForEach calls f(ctx, item) for every item, each call on a goroutine of
// its own, with at most limit calls running at once.
//
// f gets a context derived from ctx, cancelled as soon as one call fails.
// After the first failure ForEach starts no more calls, and it returns
// that first error; if ctx ends first, it starts no more calls and returns
// ctx.Err(). Either way, it returns only once every call it started has
// returned.
func ForEach(ctx context.Context, items []int, limit int, f func(context.Context, int) error) error {
	limit = max(limit, 1)
	ctx2, cancel := context.WithCancel(ctx)
	defer cancel()

	// sem holds one token per running call: like asyncio.Semaphore(limit),
	// sending blocks while limit calls are running.
	sem := make(chan struct{}, limit)
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
	)
	for _, item := range items {
		// Wait for a free slot, unless everything is being called off.
		select {
		case sem <- struct{}{}:
		case <-ctx2.Done():
		}
		// When both cases are ready, select picks one at random: check
		// again, so that nothing new starts after a failure or once ctx
		// has ended.
		if ctx2.Err() != nil {
			break
		}
		wg.Go(func() {
			defer func() { <-sem }() // free the slot last, after any error is recorded
			if err := f(ctx2, item); err != nil {
				mu.Lock()
				defer mu.Unlock()
				// The first failure counts; after ctx has ended, an error is
				// most likely just a call giving up.
				if firstErr == nil && ctx2.Err() == nil {
					firstErr = err
					cancel() // the running calls may give up; no new ones start
				}
			}
		})
	}
	wg.Wait() // every call we started has returned

	if firstErr != nil {
		return firstErr
	}
	return ctx.Err() // nil, unless ctx ended before we were done
}
