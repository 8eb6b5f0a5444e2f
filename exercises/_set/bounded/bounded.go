// Package bounded runs a function over many items, a few at a time.
package bounded

import "context"

// ForEach calls f(ctx, item) for every item, with at most limit calls
// running at once (and limit at once whenever there are that many items
// left to start).
//
//   - f gets a context derived from ctx, cancelled as soon as one call
//     fails.
//   - After the first failure ForEach starts no more calls, and it returns
//     that first error.
//   - If ctx ends first, it starts no more calls and returns ctx.Err().
//   - Either way, it returns only once every call it started has returned.
//
// This version is a start: it stops at the first error, but it calls f for
// one item at a time, whatever the limit. TODO: run up to limit calls at
// once, each on a goroutine of its own, and handle errors and ctx as above.
func ForEach(ctx context.Context, items []int, limit int, f func(context.Context, int) error) error {
	for _, item := range items {
		if err := f(ctx, item); err != nil {
			return err
		}
	}
	return nil
}
