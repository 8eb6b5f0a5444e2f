// The arguments of a deferred call, and of a go statement's call, are
// evaluated when the statement runs: a later change to the variable does
// not reach the call.
package main

import (
	"fmt"
	"io"
	"strings"
)

func show(name string, v int) { fmt.Println(name, v) }

func countdown() {
	for i := 0; i < 3; i++ {
		defer show("i =", i)
	}
}

func later() {
	x := 1
	defer show("interpreted x =", x)
	defer fmt.Println("compiled x =", x)
	x = 2
}

func main() {
	countdown()
	later()

	r, w := io.Pipe()
	msg := "sent"
	go io.WriteString(w, msg)
	msg = "changed"
	b := make([]byte, 16)
	n, _ := r.Read(b)
	fmt.Println(strings.ToUpper(string(b[:n])), "then", msg)
}
