// Goroutines capture the loop variables of three-clause and range loops:
// since Go 1.22 each iteration has its own, so there is no race.
//
// run race
// want code=0 races=0
// want stdout contains "[0 1 4 9 16] [0 2 4]"
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	squares := make([]int, 5)
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			squares[i] = i * i
		}()
	}
	doubles := make([]int, 3)
	for i := range 3 {
		wg.Go(func() { doubles[i] = 2 * i })
	}
	wg.Wait()
	fmt.Println(squares, doubles)
}
