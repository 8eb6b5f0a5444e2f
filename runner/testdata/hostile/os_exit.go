// Exits with a code of its own; deferred calls do not run.
//
// want reason=exit code=7
// want stdout not contains "deferred"
package main

import (
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("deferred")
	os.Exit(7)
}
