// A variable of a package of the library can be assigned, as in Go.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	old := runtime.MemProfileRate
	runtime.MemProfileRate = 4096
	fmt.Println("rate:", runtime.MemProfileRate)
	runtime.MemProfileRate = old
	fmt.Println("restored:", runtime.MemProfileRate == old)
}
