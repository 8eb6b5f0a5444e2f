// Package firstmatch asks many questions at once and takes the first yes.
package firstmatch

import "context"

// First calls match for every item at once, each in a goroutine of its own,
// and returns an item for which match returned true (the first one to say
// so) and true; or "" and false if none did. It returns as soon as it has
// its answer, or as soon as ctx is done. Each match gets a context that is
// cancelled when First returns, and no goroutine First started is left
// behind.
func First(ctx context.Context, items []string, match func(ctx context.Context, item string) bool) (string, bool) {
	// The matches get a context of their own, cancelled when First returns
	// for any reason: once we have our answer, the others may stop.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type result struct {
		item string
		ok   bool
	}
	// Room for every answer: a goroutine that answers after First has
	// returned does not wait for a receiver that is gone, it drops its
	// answer in the buffer and ends. (Sending in a select with
	// <-ctx.Done() works too.)
	results := make(chan result, len(items))

	for _, item := range items {
		go func() {
			results <- result{item, match(ctx, item)}
		}()
	}

	for range items {
		select {
		case r := <-results:
			if r.ok {
				return r.item, true
			}
		case <-ctx.Done(): // the caller gave up: so do we, without waiting for the matches
			return "", false
		}
	}
	return "", false // every match said no
}
