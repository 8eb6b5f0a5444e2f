// Wrong: failing tasks check and set firstErr without the lock, a data race when two fail at once.
// Fails: TestGatherReturnsFirstError
package gather

import (
	"context"
	"sync"
)

func Gather(ctx context.Context, tasks ...func(context.Context) (int, error)) ([]int, error) {
	ctx2, cancel := context.WithCancel(ctx)
	defer cancel()

	results := make([]int, len(tasks)) // one slot per task: no two write the same
	var firstErr error
	var wg sync.WaitGroup
	for i, task := range tasks {
		wg.Go(func() {
			r, err := task(ctx2)
			if err == nil {
				results[i] = r
				return
			}
			// Only the first failure counts (a quick check: no lock).
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
