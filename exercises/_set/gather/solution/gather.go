// Package gather is Go's asyncio.gather: run tasks at the same time and
// collect their results in the order the tasks were given.
package gather

import (
	"context"
	"sync"
)

// Gather runs every task on a goroutine of its own, all at the same time,
// and returns their results in task order: results[i] is what tasks[i]
// returned.
//
// The tasks get a context derived from ctx. The first task to fail cancels
// that context, so that the others can give up early, and Gather returns
// its error. If ctx ends first, Gather returns ctx.Err(). Either way,
// Gather returns only once every task has returned: no task is left
// running behind its back.
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
