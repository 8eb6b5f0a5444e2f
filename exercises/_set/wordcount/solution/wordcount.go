// Package wordcount counts the words of many texts with several goroutines.
package wordcount

import "sync"

// Count returns how many times each word occurs in texts, all of them
// together. split breaks one text into its words; Count calls it once for
// each text. workers (at least 1) goroutines do the work at the same time,
// and never more than workers.
func Count(texts []string, workers int, split func(text string) []string) map[string]int {
	var (
		mu     sync.Mutex
		counts = make(map[string]int) // guarded by mu
	)

	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			// Worker w takes texts w, w+workers, w+2*workers, ...: no two
			// workers ever take the same text, so no text needs a lock.
			for i := w; i < len(texts); i += workers {
				// split is the slow part, and it touches nothing shared:
				// it runs without the lock, so the workers really work
				// at the same time.
				words := split(texts[i])

				// The map is shared: one worker at a time adds its words.
				// The critical section is short, and holds everything
				// that must stay true together: one whole text's words.
				mu.Lock()
				for _, word := range words {
					counts[word]++
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait() // every worker's Unlock happens before Wait returns
	return counts
}

// Another way, with no lock at all: give each worker a map of its own,
// and add them up once the workers are done.
//
//	partial := make([]map[string]int, workers)
//	for w := range workers {
//		wg.Go(func() {
//			mine := make(map[string]int) // only worker w touches it
//			for i := w; i < len(texts); i += workers {
//				for _, word := range split(texts[i]) {
//					mine[word]++
//				}
//			}
//			partial[w] = mine // each worker writes its own element
//		})
//	}
//	wg.Wait()
//	// now add up partial[0], partial[1], ... into one map
