// A deferred call may call a closure made in the function that deferred
// it, as the function returns, or as a panic unwinds it.
package main

import "fmt"

func call(f func()) { f() }

func release(name string) {
	done := func() { fmt.Println(name, "released") }
	defer call(done)
	fmt.Println(name, "working")
}

func unwind() (r any) {
	logged := 0
	note := func() { logged++ }
	defer func() { r = fmt.Sprint(recover(), ", noted ", logged) }()
	defer call(note)
	panic("failed")
}

func main() {
	release("lock")
	fmt.Println(unwind())
}
