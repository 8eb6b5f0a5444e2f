// One goroutine sets a flag another polls: a race even when it works.
//
// run race
// want code=66
// want race variable=done line=19
// want race variable=done line=21
package main

import (
	"fmt"
	"time"
)

var done bool

func main() {
	go func() {
		time.Sleep(10 * time.Millisecond)
		done = true
	}()
	for !done {
		time.Sleep(time.Millisecond)
	}
	fmt.Println("finished")
}
