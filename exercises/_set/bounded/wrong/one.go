// Wrong: the semaphore has room for one call, whatever the limit, so the calls run one at a time.
// Fails: TestForEachRunsUpToLimitAtOnce
package bounded

import (
	"context"
	"sync"
)

func ForEach(ctx context.Context, items []int, limit int, f func(context.Context, int) error) error {
	ctx2, cancel := context.WithCancel(ctx)
	defer cancel()

	sem := make(chan struct{}, 1) // one at a time, to be safe
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
