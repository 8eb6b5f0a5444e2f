// Main waits for a value no one will send.
//
// want reason=deadlock code=80
// want stderr contains "fatal error: all goroutines are asleep - deadlock!"
// want stderr contains "goroutine 1 [chan receive]"
// want deadlock line=13
package main

import "fmt"

func main() {
	ch := make(chan int)
	fmt.Println(<-ch)
}
