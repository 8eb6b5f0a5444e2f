// A data race inside a process started with proc is the run's race.
//
// run race
// want reason=race code=66
// want race variable=counter line=20
package main

import (
	"fmt"
	"sync"

	"workbook/proc"
)

var counter int

func racy() {
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() { counter++ })
	}
	wg.Wait()
}

func main() {
	p, err := proc.Start(racy)
	if err != nil {
		panic(err)
	}
	p.Join()
	fmt.Println("done")
}
