// Goroutines write the same map: the race is reported on the map, named
// by the variable that holds it.
//
// run race
// want code=66
// want race variable=stats.hits line=25
package main

import (
	"fmt"
	"sync"
)

type Stats struct {
	hits map[string]int
}

func main() {
	stats := Stats{hits: map[string]int{}}
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			stats.hits[fmt.Sprint(i%2)]++
		}()
	}
	wg.Wait()
	fmt.Println(len(stats.hits) > 0)
}
