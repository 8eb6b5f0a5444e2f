// One shared mapping bigger than the memory limit is refused at once,
// with what the program may use.
//
// run memory=128MiB
// want reason=panic code=2
// want stderr contains "128 MiB of shared memory is more than the program may use (128 MiB)"
package main

import "workbook/proc"

func main() {
	proc.NewArray(proc.MaxArray)
}
