// Wrong: runs the tasks one after another on the calling goroutine, so a task that waits for another never sees it start.
// Fails: TestGatherRunsTasksConcurrently
package gather

import "context"

func Gather(ctx context.Context, tasks ...func(context.Context) (int, error)) ([]int, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	results := make([]int, len(tasks))
	for i, task := range tasks {
		r, err := task(ctx)
		if err != nil {
			return nil, err
		}
		results[i] = r
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return results, nil
}
