// Takes the permissions away from its own directories; the runner still
// cleans up.
//
// want code=0
package main

import (
	"fmt"
	"os"
)

func main() {
	os.MkdirAll("a/b/c", 0o755)
	os.WriteFile("a/b/c/f", []byte("x"), 0o644)
	fmt.Println(os.Chmod("a/b", 0), os.Chmod("a", 0))
}
