// Goroutines write the same map: the race is reported on the map, named
// by the variable that holds it. The second writes 50ms after the first,
// so that the writes never overlap (the map would end the program with
// "concurrent map writes"), yet nothing orders them: a race.
//
// run race
// want code=66
// want race variable=stats.hits line=29
package main

import (
	"fmt"
	"sync"
	"time"
)

type Stats struct {
	hits map[string]int
}

func main() {
	stats := Stats{hits: map[string]int{}}
	var wg sync.WaitGroup
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(time.Duration(i) * 50 * time.Millisecond)
			stats.hits[fmt.Sprint(i)]++
		}()
	}
	wg.Wait()
	fmt.Println(len(stats.hits) > 0)
}
