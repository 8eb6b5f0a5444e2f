// Package wordcount counts the words of many texts with several goroutines.
//
// Read README.md first. Then run `workbook check wordcount`.
package wordcount

import "sync"

// Count returns how many times each word occurs in texts, all of them
// together. split breaks one text into its words; Count calls it once for
// each text. workers (at least 1) goroutines do the work at the same time,
// and never more than workers.
//
// The work is shared out well: worker w takes texts w, w+workers,
// w+2*workers, and so on. But every worker writes into the same map,
// counts, with nothing to keep them apart. Run the race detector and see.
func Count(texts []string, workers int, split func(text string) []string) map[string]int {
	counts := make(map[string]int) // shared by every worker

	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(texts); i += workers {
				for _, word := range split(texts[i]) {
					counts[word]++ // read, add 1, write back: a data race
				}
			}
		})
	}
	wg.Wait()
	return counts
}
