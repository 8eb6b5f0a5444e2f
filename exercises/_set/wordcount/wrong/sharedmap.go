// Wrong: every worker writes into the same map with no lock, a data race (and the runtime may stop the program with "concurrent map writes").
// Fails: TestCountWithManyWorkers

// Package wordcount counts the words of many texts with several goroutines.
package wordcount

import "sync"

// Count returns how many times each word occurs in texts.
func Count(texts []string, workers int, split func(text string) []string) map[string]int {
	counts := make(map[string]int) // shared, and unguarded

	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(texts); i += workers {
				for _, word := range split(texts[i]) {
					counts[word]++
				}
			}
		})
	}
	wg.Wait()
	return counts
}
