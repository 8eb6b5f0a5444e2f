// Waits in a select with no cases, with nothing else running.
//
// want reason=deadlock
// want stderr contains "[select (no cases)]"
package main

func main() {
	select {}
}
