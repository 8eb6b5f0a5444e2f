// Package gather is Go's asyncio.gather: run tasks at the same time and
// collect their results in the order the tasks were given.
package gather

import "context"

// Gather runs every task at the same time and returns their results in task
// order: results[i] is what tasks[i] returned.
//
//   - The tasks get a context derived from ctx.
//   - The first task to fail cancels that context, so that the others can
//     give up early, and Gather returns that first error.
//   - If ctx ends first, Gather returns ctx.Err().
//   - Either way, Gather returns only once every task has returned.
//
// This version is a start: it is correct for tasks that never fail and
// never wait for one another, but it runs them one after another, so it
// takes as long as all of them put together. TODO: run each task on a
// goroutine of its own, as the lesson does, and handle errors and ctx.
func Gather(ctx context.Context, tasks ...func(context.Context) (int, error)) ([]int, error) {
	results := make([]int, len(tasks))
	for i, task := range tasks {
		r, err := task(ctx)
		if err != nil {
			return nil, err
		}
		results[i] = r
	}
	return results, nil
}
