// Climbs out of its directory with "..".
//
// want code=0
// want stdout contains "path escapes from parent"
// want stdout not contains "root:"
package main

import (
	"fmt"
	"os"
)

func main() {
	b, err := os.ReadFile("../../../../../../etc/passwd")
	fmt.Println(string(b), err)
}
