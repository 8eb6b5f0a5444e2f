//go:build ignore

// Deadlock forgets wg.Done: main waits for a goroutine that has ended, and
// the workbook reports it as Go does, with the line main waits at.
//
//	workbook run examples/deadlock.go
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		fmt.Println("working, then forgetting to say so")
	}()
	wg.Wait()
}
