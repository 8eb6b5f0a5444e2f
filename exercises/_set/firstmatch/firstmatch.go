// Package firstmatch asks many questions at once and takes the first yes.
//
// Read README.md first. Then run `workbook check firstmatch`.
package firstmatch

import "context"

// First calls match for every item at once, each in a goroutine of its own,
// and returns an item for which match returned true (the first one to say
// so) and true; or "" and false if none did. It returns as soon as it has
// its answer, or as soon as ctx is done. Each match gets a context that is
// cancelled when First returns, and no goroutine First started is left
// behind.
//
// This version finds the answer, and fast. But look at what it leaves
// behind once it has returned.
func First(ctx context.Context, items []string, match func(ctx context.Context, item string) bool) (string, bool) {
	type result struct {
		item string
		ok   bool
	}
	results := make(chan result) // unbuffered: a send waits for First to receive it

	for _, item := range items {
		go func() {
			results <- result{item, match(ctx, item)}
		}()
	}

	for range items {
		r := <-results
		if r.ok {
			return r.item, true // the senders that have not been received yet wait forever
		}
	}
	// TODO: what if ctx is done while the matches are still running? And
	// what context should the matches get, so that they can stop early?
	return "", false
}
