// Goroutines increment a field of a struct they share through a pointer.
//
// run race
// want code=66
// want race variable=stats.hits line=24
package main

import (
	"fmt"
	"sync"
)

type Stats struct {
	name string
	hits int
}

func main() {
	stats := &Stats{name: "page"}
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() {
			for range 200 {
				stats.hits++
			}
		})
	}
	wg.Wait()
	fmt.Println(stats.hits > 0)
}
