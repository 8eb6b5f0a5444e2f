// Gets an unsafe.Pointer without importing unsafe, to reach any memory.
//
// want reason=compile
// want diagnostic "unsafe.Pointer is not available in the workbook sandbox"
package main

import (
	"fmt"
	"reflect"
)

func main() {
	x := 1
	p := reflect.ValueOf(&x).UnsafePointer()
	b := (*[1 << 20]byte)(p)
	fmt.Println(b[0])
}
