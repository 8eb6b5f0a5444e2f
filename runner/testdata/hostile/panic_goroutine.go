// Panics in a goroutine.
//
// want reason=panic code=2
// want stderr contains "panic: worker failed"
// want panic line=13
package main

import "time"

func main() {
	go func() {
		time.Sleep(10 * time.Millisecond)
		panic("worker failed")
	}()
	time.Sleep(time.Second)
}
