// Receives from a nil channel.
//
// want reason=deadlock
// want stderr contains "chan receive (nil chan)"
package main

func main() {
	var ch chan int
	<-ch
}
