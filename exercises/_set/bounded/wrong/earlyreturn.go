// Wrong: returns as soon as a call fails, while the other running calls are still finishing.
// Fails: TestForEachWaitsForRunning
package bounded

import (
	"context"
	"sync"
)

func ForEach(ctx context.Context, items []int, limit int, f func(context.Context, int) error) error {
	limit = max(limit, 1)
	ctx2, cancel := context.WithCancel(ctx)
	sem := make(chan struct{}, limit)
	errc := make(chan error, 1)
	var wg sync.WaitGroup
	for _, item := range items {
		select {
		case sem <- struct{}{}:
		case err := <-errc:
			cancel()
			return err // no point waiting: the others have been told to stop
		case <-ctx.Done():
		}
		if ctx2.Err() != nil {
			break
		}
		wg.Go(func() {
			defer func() { <-sem }()
			if err := f(ctx2, item); err != nil {
				select {
				case errc <- err:
				default:
				}
			}
		})
	}
	all := make(chan struct{})
	go func() {
		wg.Wait()
		close(all)
	}()
	select {
	case err := <-errc:
		cancel()
		return err // no point waiting: the others have been told to stop
	case <-all:
	}
	cancel()
	select {
	case err := <-errc:
		return err
	default:
	}
	return ctx.Err()
}
