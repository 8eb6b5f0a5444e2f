// Goroutines write one map without a lock, often enough that the map
// notices: the program dies of "concurrent map writes", as compiled Go
// does, and the race that led there is still reported (by the runner,
// when the program died before the engine could tell it).
//
// run race
// want code=2 reason=fatal
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
