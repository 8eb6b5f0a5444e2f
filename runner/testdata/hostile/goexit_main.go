// Ends main with runtime.Goexit while another goroutine finishes.
//
// want reason=deadlock code=80
// want stdout contains "deferred"
// want stderr contains "no goroutines (main called runtime.Goexit) - deadlock!"
package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	go func() {
		time.Sleep(50 * time.Millisecond)
		fmt.Println("other goroutine done")
	}()
	defer fmt.Println("deferred")
	runtime.Goexit()
}
