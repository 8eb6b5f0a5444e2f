// Arguments of any size either reach the new process or fail at once with
// an error that says what to do: 100 KB arrive; 1 MB is refused.
//
// want reason=exit code=0
// want stdout contains "got 102400 bytes"
// want stdout contains "send big data through a proc.Queue or a proc.Pipe"
package main

import (
	"fmt"
	"strings"

	"workbook/proc"
)

func count(s string) { fmt.Println("got", len(s), "bytes") }

func main() {
	p, err := proc.Start(count, strings.Repeat("x", 100<<10))
	if err != nil {
		fmt.Println(err)
		return
	}
	p.Join()
	_, err = proc.Start(count, strings.Repeat("x", 1<<20))
	fmt.Println(err)
}
