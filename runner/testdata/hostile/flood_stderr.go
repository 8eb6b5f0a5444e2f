// Prints to standard error without end.
//
// run output=64KiB
// want reason=limit limit=output code=84
package main

import (
	"fmt"
	"os"
)

func main() {
	for i := 0; ; i++ {
		fmt.Fprintln(os.Stderr, "error line", i)
	}
}
