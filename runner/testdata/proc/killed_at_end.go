// A process never outlives the run: main returns, and the sleeper goes.
//
// run timeout=5s
// want reason=exit code=0
// want stdout contains "main returns"
package main

import (
	"fmt"
	"time"

	"workbook/proc"
)

func forever() {
	for {
		time.Sleep(time.Second)
	}
}

func main() {
	if _, err := proc.Start(forever); err != nil {
		panic(err)
	}
	fmt.Println("main returns")
}
