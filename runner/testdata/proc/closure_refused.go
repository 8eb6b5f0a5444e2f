// A function literal cannot run in a new process; the error says why.
//
// want reason=exit code=0
// want stdout contains "a function declared at the top level of the program"
// want stdout contains "takes 1 argument (it is a func(string)), but 0 were given"
package main

import (
	"fmt"

	"workbook/proc"
)

func greet(name string) { fmt.Println("hello,", name) }

func main() {
	n := 0
	_, err := proc.Start(func() { n++ })
	fmt.Println(err)
	_, err = proc.Start(greet)
	fmt.Println(err)
}
