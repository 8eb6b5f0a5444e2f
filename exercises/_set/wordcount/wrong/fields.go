// Wrong: Count splits texts with strings.Fields instead of calling split, so words are not what the caller means by words.
// Fails: TestWorkersSplitAtTheSameTime, TestNoMoreThanWorkersAtOnce, TestCountUsesSplit

// Package wordcount counts the words of many texts with several goroutines.
package wordcount

import (
	"strings"
	"sync"
)

// Count returns how many times each word occurs in texts.
func Count(texts []string, workers int, split func(text string) []string) map[string]int {
	var mu sync.Mutex
	counts := make(map[string]int) // guarded by mu

	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(texts); i += workers {
				words := strings.Fields(texts[i]) // split is never called
				mu.Lock()
				for _, word := range words {
					counts[word]++
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	return counts
}
