// Wrong: starts the items in batches of limit and waits for the whole batch before starting the next, so one slow call holds up the free slots.
// Fails: TestForEachRunsUpToLimitAtOnce
package bounded

import (
	"context"
	"sync"
)

func ForEach(ctx context.Context, items []int, limit int, f func(context.Context, int) error) error {
	limit = max(limit, 1)
	ctx2, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		mu       sync.Mutex
		firstErr error
	)
	for len(items) > 0 {
		batch := items[:min(limit, len(items))]
		items = items[len(batch):]
		var wg sync.WaitGroup
		for _, item := range batch {
			wg.Go(func() {
				if err := f(ctx2, item); err != nil {
					mu.Lock()
					defer mu.Unlock()
					if firstErr == nil && ctx2.Err() == nil {
						firstErr = err
						cancel()
					}
				}
			})
		}
		wg.Wait() // the whole batch is done
		if ctx2.Err() != nil {
			break
		}
	}
	if firstErr != nil {
		return firstErr
	}
	return ctx.Err()
}
