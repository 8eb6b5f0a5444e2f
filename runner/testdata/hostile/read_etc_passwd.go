// Reads a file of the host by absolute path.
//
// want code=0
// want stdout contains "permission denied"
// want stdout not contains "root:"
package main

import (
	"fmt"
	"os"
)

func main() {
	b, err := os.ReadFile("/etc/passwd")
	fmt.Println(string(b), err)
}
