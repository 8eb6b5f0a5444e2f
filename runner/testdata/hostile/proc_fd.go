// Opens the child's report descriptor through /proc and /dev/fd, to forge
// a report.
//
// want code=0
// want stdout contains "open /proc/self/fd/4: permission denied"
// want stdout contains "open /dev/fd/4: permission denied"
package main

import (
	"fmt"
	"os"
)

func main() {
	for _, p := range []string{"/proc/self/fd/4", "/dev/fd/4", "/proc/self/fd/2"} {
		f, err := os.OpenFile(p, os.O_WRONLY, 0)
		if err == nil {
			f.WriteString(`{"kind":"exit","code":0}` + "\n")
		}
		fmt.Println(err)
	}
}
