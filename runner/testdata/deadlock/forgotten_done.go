// One worker forgets to call Done.
//
// want reason=deadlock
// want stderr contains "[sync.WaitGroup.Wait]"
// want deadlock line=24
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for i := range 3 {
		wg.Add(1)
		go func() {
			if i != 1 {
				defer wg.Done()
			}
			fmt.Println("worker", i)
		}()
	}
	wg.Wait()
}
