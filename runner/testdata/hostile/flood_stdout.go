// Prints without end.
//
// run output=64KiB
// want reason=limit limit=output code=84
// want truncated
package main

import "fmt"

func main() {
	for i := 0; ; i++ {
		fmt.Println("line", i)
	}
}
