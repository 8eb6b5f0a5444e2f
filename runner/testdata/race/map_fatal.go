// Goroutines write one map without a lock, often enough that the map
// usually notices: the program dies of "concurrent map writes", as
// compiled Go does, and the race that led there is still reported (by the
// runner, when the program died before the engine could tell it). On a
// busy machine the writes may never overlap, and the program ends with
// the race alone; or the program dies before the race detector has
// finished its report, and the fatal error proves the race: either way,
// the race is reported.
//
// run race
// want stderr contains "WARNING: DATA RACE"
package main

import (
	"fmt"
	"sync"
)

func main() {
	m := map[int]int{}
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range 100000 {
				m[j] = i
			}
		}()
	}
	wg.Wait()
	fmt.Println(len(m))
}
