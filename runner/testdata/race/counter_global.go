// Goroutines increment a package-level counter without a lock.
//
// run race
// want code=66 reason=race
// want race variable=counter line=21
// want stderr contains "WARNING: DATA RACE"
package main

import (
	"fmt"
	"sync"
)

var counter int

func main() {
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 500 {
				counter++
			}
		})
	}
	wg.Wait()
	fmt.Println(counter > 0)
}
