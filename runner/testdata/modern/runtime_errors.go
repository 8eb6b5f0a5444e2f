// Faults at run time panic with runtime.Errors worded as Go words them,
// and recover returns exactly the value given to panic.
package main

import (
	"errors"
	"fmt"
	"runtime"
)

type point struct{ x int }

type mover interface{ Move() }

func try(name string, f func()) {
	defer func() {
		r := recover()
		_, isRuntime := r.(runtime.Error)
		fmt.Printf("%s: %v (runtime.Error: %t)\n", name, r, isRuntime)
	}()
	f()
}

var errSentinel = errors.New("sentinel")

func main() {
	var p *point
	var ip *int
	s := []int{1, 2}
	var x any = 5
	try("field of a nil pointer", func() { fmt.Println(p.x) })
	try("nil dereference", func() { println(*ip) })
	try("slice to array", func() { _ = [3]int(s) })
	try("slice to array pointer", func() { _ = (*[4]int)(s) })
	try("assertion", func() { _ = x.(mover) })

	for _, v := range []any{42, "boom", errSentinel, point{3}} {
		func() {
			defer func() {
				r := recover()
				fmt.Printf("panic(%v): recovered %v, equal: %t\n", v, r, r == v)
			}()
			panic(v)
		}()
	}
}
