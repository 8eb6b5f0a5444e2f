// Starts processes that each start goroutines, each process under the
// goroutine limit, all of them together over it: the limit holds for all
// the processes of a run together.
//
// run goroutines=1000 processes=4
// want reason=limit limit=goroutines code=85
package main

import (
	"time"

	"workbook/proc"
)

func spawn(n int) {
	for range n {
		go time.Sleep(time.Hour)
	}
	time.Sleep(time.Hour)
}

func main() {
	for range 4 {
		if _, err := proc.Start(spawn, 400); err != nil {
			panic(err)
		}
	}
	spawn(400)
}
