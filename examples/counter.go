//go:build ignore

// Counter counts from four goroutines with no lock: the total comes out
// short now and then, and the race detector says why.
//
//	workbook run --race examples/counter.go
package main

import (
	"fmt"
	"sync"
)

func main() {
	count := 0
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 1000 {
				count++ // read, add, write: two goroutines can interleave here
			}
		})
	}
	wg.Wait()
	fmt.Println("count:", count, "of 4000")
}
