// A run may start a limited number of processes, and a process bomb stops
// at the limit.
//
// run processes=3
// want reason=exit code=0
// want stdout contains "started 3, then: proc: starting sleeper: the limit of 3 processes running at once is reached"
package main

import (
	"fmt"
	"time"

	"workbook/proc"
)

func sleeper() { time.Sleep(time.Second) }

func main() {
	started := 0
	for {
		p, err := proc.Start(sleeper)
		if err != nil {
			fmt.Printf("started %d, then: %v\n", started, err)
			return
		}
		defer p.Kill()
		started++
	}
}
