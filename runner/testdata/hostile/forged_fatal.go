// Prints the runtime's out-of-memory message and exits 2: it ran out of
// nothing.
//
// want reason=exit code=2
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "fatal error: runtime: out of memory")
	os.Exit(2)
}
