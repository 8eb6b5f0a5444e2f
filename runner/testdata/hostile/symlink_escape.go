// Makes a symbolic link to a host file and reads through it.
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
	fmt.Println(os.Symlink("/etc/passwd", "passwd"))
	b, err := os.ReadFile("passwd")
	fmt.Println(string(b), err)
	fmt.Println(os.Symlink("../../../../etc", "etc"))
	b, err = os.ReadFile("etc/passwd")
	fmt.Println(string(b), err)
}
