// Goroutines write a local variable of main they captured.
//
// run race
// want code=66
// want race variable=total line=18
package main

import (
	"fmt"
	"sync"
)

func main() {
	total := 0
	var wg sync.WaitGroup
	for i := range 3 {
		wg.Go(func() {
			total += i
		})
	}
	wg.Wait()
	fmt.Println(total >= 0)
}
