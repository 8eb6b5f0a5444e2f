// Waiting for another process is not a deadlock, however long it takes.
//
// want reason=exit code=0
// want stdout contains "joined"
package main

import (
	"fmt"
	"time"

	"workbook/proc"
)

func slow() { time.Sleep(1500 * time.Millisecond) }

func main() {
	p, err := proc.Start(slow)
	if err != nil {
		panic(err)
	}
	p.Join()
	fmt.Println("joined")
}
