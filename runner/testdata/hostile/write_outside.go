// Writes outside its directory.
//
// want code=0
// want stdout contains "open /tmp/workbook-hostile-pwned: permission denied"
// want no file /tmp/workbook-hostile-pwned
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println(os.WriteFile("/tmp/workbook-hostile-pwned", []byte("x"), 0o644))
	fmt.Println(os.MkdirAll("/tmp/workbook-hostile-dir", 0o755))
}
