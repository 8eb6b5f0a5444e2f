// Blocks until a function run by time.AfterFunc closes a channel.
//
// want code=0
// want stdout contains "woken"
package main

import (
	"fmt"
	"time"
)

func main() {
	done := make(chan struct{})
	time.AfterFunc(400*time.Millisecond, func() { close(done) })
	<-done
	fmt.Println("woken")
}
