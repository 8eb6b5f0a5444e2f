// Wrong: one goroutine per text, ignoring workers, so far more than workers texts are split at once.
// Fails: TestNoMoreThanWorkersAtOnce

// Package wordcount counts the words of many texts with several goroutines.
package wordcount

import "sync"

// Count returns how many times each word occurs in texts.
func Count(texts []string, workers int, split func(text string) []string) map[string]int {
	var mu sync.Mutex
	counts := make(map[string]int) // guarded by mu

	var wg sync.WaitGroup
	for _, text := range texts { // a goroutine for every text: workers is ignored
		wg.Go(func() {
			words := split(text)
			mu.Lock()
			for _, word := range words {
				counts[word]++
			}
			mu.Unlock()
		})
	}
	wg.Wait()
	return counts
}
