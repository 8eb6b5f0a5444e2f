// Wrong: Count returns as soon as the workers are started, without waiting for them, so the counts are missing and read while being written.
// Fails: TestCountWithOneWorker, TestCountWithManyWorkers

// Package wordcount counts the words of many texts with several goroutines.
package wordcount

import "sync"

// Count returns how many times each word occurs in texts.
func Count(texts []string, workers int, split func(text string) []string) map[string]int {
	var mu sync.Mutex
	counts := make(map[string]int) // guarded by mu... until Count returns it

	for w := range workers {
		go func() {
			for i := w; i < len(texts); i += workers {
				words := split(texts[i])
				mu.Lock()
				for _, word := range words {
					counts[word]++
				}
				mu.Unlock()
			}
		}()
	}
	return counts // the workers have barely started
}
