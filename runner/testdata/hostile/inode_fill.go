// Makes empty files and directories without end: the run is stopped at
// the file limit.
//
// run files=500
// want reason=limit limit=files code=88
// want message contains "file limit of 500 files exceeded"
package main

import (
	"fmt"
	"os"
)

func main() {
	for i := 0; ; i++ {
		dir := fmt.Sprintf("d%d", i)
		os.Mkdir(dir, 0o755)
		for j := range 10 {
			os.WriteFile(fmt.Sprintf("%s/f%d", dir, j), nil, 0o644)
		}
	}
}
