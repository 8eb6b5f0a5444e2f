// Writes a file larger than the file size limit.
//
// want code=0
// want stdout contains "file too large"
package main

import (
	"fmt"
	"os"
)

func main() {
	f, err := os.Create("big")
	if err != nil {
		panic(err)
	}
	chunk := make([]byte, 1<<20)
	for i := 0; i < 64; i++ {
		if _, err := f.Write(chunk); err != nil {
			fmt.Println(err)
			return
		}
	}
	fmt.Println("wrote 64 MiB")
}
