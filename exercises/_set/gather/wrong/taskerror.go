// Wrong: when the parent context ends, Gather returns whatever error a task gave up with, not ctx.Err().
// Fails: TestGatherReturnsParentError
package gather

import (
	"context"
	"sync"
)

func Gather(ctx context.Context, tasks ...func(context.Context) (int, error)) ([]int, error) {
	ctx2, cancel := context.WithCancel(ctx)
	defer cancel()

	results := make([]int, len(tasks)) // one slot per task: no two write the same
	var (
		mu       sync.Mutex
		firstErr error
	)
	var wg sync.WaitGroup
	for i, task := range tasks {
		wg.Go(func() {
			r, err := task(ctx2)
			if err == nil {
				results[i] = r
				return
			}
			mu.Lock()
			defer mu.Unlock()
			// Only the first failure counts, and only if ctx2 was still
			// live: once ctx (or an earlier failure) has cancelled it, an
			// error is most likely just a task giving up.
			if firstErr == nil {
				firstErr = err
				cancel() // tell the others to give up
			}
		})
	}
	wg.Wait() // every task has returned: their writes happen before our reads

	if firstErr != nil {
		return nil, firstErr
	}
	return results, nil
}
