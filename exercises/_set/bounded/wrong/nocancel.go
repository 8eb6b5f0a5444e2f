// Wrong: the calls get ctx itself, so a failure stops new calls but never tells the running ones to give up.
// Fails: TestForEachStopsAfterFirstError, TestForEachWaitsForRunning
package bounded

import (
	"context"
	"sync"
)

func ForEach(ctx context.Context, items []int, limit int, f func(context.Context, int) error) error {
	limit = max(limit, 1)
	sem := make(chan struct{}, limit)
	failed := make(chan struct{}) // closed at the first failure
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
	)
	for _, item := range items {
		select {
		case sem <- struct{}{}:
		case <-failed:
		case <-ctx.Done():
		}
		if ctx.Err() != nil || isClosed(failed) {
			break
		}
		wg.Go(func() {
			defer func() { <-sem }()
			if err := f(ctx, item); err != nil {
				mu.Lock()
				defer mu.Unlock()
				if firstErr == nil {
					firstErr = err
					close(failed)
				}
			}
		})
	}
	wg.Wait()
	if firstErr != nil {
		return firstErr
	}
	return ctx.Err()
}

func isClosed(c chan struct{}) bool {
	select {
	case <-c:
		return true
	default:
		return false
	}
}
