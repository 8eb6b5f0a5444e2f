// Wrong: appends each result as its task finishes, so the results come in completion order, not task order.
// Fails: TestGatherResultsInTaskOrder
package gather

import (
	"context"
	"sync"
)

func Gather(ctx context.Context, tasks ...func(context.Context) (int, error)) ([]int, error) {
	ctx2, cancel := context.WithCancel(ctx)
	defer cancel()

	var results []int // in the order they come in
	var (
		mu       sync.Mutex
		firstErr error
	)
	var wg sync.WaitGroup
	for _, task := range tasks {
		wg.Go(func() {
			r, err := task(ctx2)
			mu.Lock()
			defer mu.Unlock()
			if err == nil {
				results = append(results, r)
				return
			}
			// Only the first failure counts, and only if ctx2 was still
			// live: once ctx (or an earlier failure) has cancelled it, an
			// error is most likely just a task giving up.
			if firstErr == nil && ctx2.Err() == nil {
				firstErr = err
				cancel() // tell the others to give up
			}
		})
	}
	wg.Wait() // every task has returned: their writes happen before our reads

	if firstErr != nil {
		return nil, firstErr
	}
	if err := ctx.Err(); err != nil {
		return nil, err // the parent ended before the tasks were done
	}
	return results, nil
}
