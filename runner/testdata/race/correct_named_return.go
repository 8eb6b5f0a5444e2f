// Returns its named results while a goroutine it started reads one of
// them: "return release, done" writes nothing in Go, so nothing races.
//
// run race
// want code=0 races=0
// want stdout contains "paid"
package main

import "fmt"

func start() (release chan struct{}, done chan string) {
	release, done = make(chan struct{}), make(chan string, 1)
	go func() {
		<-release
		done <- "paid"
	}()
	return release, done
}

func main() {
	release, done := start()
	close(release)
	fmt.Println(<-done)
}
