// Wrong: returns as soon as a task fails, without waiting for the others to return.
// Fails: TestGatherWaitsForEveryTask
package gather

import "context"

func Gather(ctx context.Context, tasks ...func(context.Context) (int, error)) ([]int, error) {
	ctx2, cancel := context.WithCancel(ctx)
	type outcome struct {
		i   int
		r   int
		err error
	}
	out := make(chan outcome, len(tasks)) // room for all: no task ever blocks
	for i, task := range tasks {
		go func() {
			r, err := task(ctx2)
			out <- outcome{i, r, err}
		}()
	}
	results := make([]int, len(tasks))
	for range tasks {
		o := <-out
		if o.err != nil {
			cancel()
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			return nil, o.err // the others were cancelled; no need to wait for them
		}
		results[o.i] = o.r
	}
	cancel()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return results, nil
}
