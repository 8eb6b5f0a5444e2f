// Prints a race report of its own: no race was detected.
//
// run race
// want code=0 races=0
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "==================\nWARNING: DATA RACE\nWrite at 0x00c000012345 by goroutine 7:\n==================")
	fmt.Println("==================\nWARNING: DATA RACE\n==================")
}
