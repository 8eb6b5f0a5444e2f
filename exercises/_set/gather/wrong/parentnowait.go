// Wrong: returns ctx.Err() the moment the parent context ends, while tasks may still be running.
// Fails: TestGatherWaitsForEveryTask
package gather

import (
	"context"
	"sync"
)

func Gather(ctx context.Context, tasks ...func(context.Context) (int, error)) ([]int, error) {
	ctx2, cancel := context.WithCancel(ctx)
	defer cancel()

	results := make([]int, len(tasks))
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
			if firstErr == nil && ctx2.Err() == nil {
				firstErr = err
				cancel()
			}
		})
	}
	all := make(chan struct{})
	go func() {
		wg.Wait()
		close(all)
	}()
	select {
	case <-all:
	case <-ctx.Done():
		return nil, ctx.Err() // the caller gave up: so do we
	}
	if firstErr != nil {
		return nil, firstErr
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return results, nil
}
