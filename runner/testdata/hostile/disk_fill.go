// Fills the disk with files, each under the file size limit: the run is
// stopped at the disk limit, which names itself.
//
// run disk=32MiB
// want reason=limit limit=disk code=87
// want message contains "disk limit of 32 MiB exceeded"
package main

import (
	"fmt"
	"os"
)

func main() {
	block := make([]byte, 4<<20)
	for i := 1; ; i++ {
		if err := os.WriteFile(fmt.Sprintf("part%d", i), block, 0o644); err != nil {
			fmt.Println(err)
		}
	}
}
