// Opens files without closing them.
//
// want code=0
// want stdout contains "too many open files"
package main

import (
	"fmt"
	"os"
)

func main() {
	var keep []*os.File
	for i := 0; i < 100000; i++ {
		f, err := os.Create(fmt.Sprint("f", i))
		if err != nil {
			fmt.Println(err)
			return
		}
		keep = append(keep, f)
	}
}
