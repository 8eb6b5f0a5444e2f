// Wrong: the lock is held around split as well as the map, so only one worker works at a time.
// Fails: TestWorkersSplitAtTheSameTime

// Package wordcount counts the words of many texts with several goroutines.
package wordcount

import "sync"

// Count returns how many times each word occurs in texts.
func Count(texts []string, workers int, split func(text string) []string) map[string]int {
	var mu sync.Mutex
	counts := make(map[string]int) // guarded by mu

	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(texts); i += workers {
				mu.Lock() // the whole text, split included: the others wait
				for _, word := range split(texts[i]) {
					counts[word]++
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	return counts
}
