// Holds ever more shared memory (proc.Array is a memfd mapping, which
// RLIMIT_DATA does not count), touching every page of it, in one process:
// the runner counts it against the memory limit all the same.
//
// run memory=128MiB
// want reason=limit limit=memory code=83
package main

import "workbook/proc"

func main() {
	var keep []*proc.Array
	for {
		a := proc.NewArray(proc.MaxArray / 16) // 8 MiB: a file of at most FileSize
		for i := 0; i < a.Len(); i += 512 {
			a.Store(i, 1) // one element a page: the page is now held
		}
		keep = append(keep, a)
	}
}
