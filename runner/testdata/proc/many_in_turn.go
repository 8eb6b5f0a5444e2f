// The limit is on processes running at once: a program may start many in
// turn, and a child learns its parent's pid.
//
// run processes=2
// want reason=exit code=0
// want stdout contains "20 processes, each a child of this one: true"
package main

import (
	"fmt"
	"os"

	"workbook/proc"
)

func report(q *proc.Queue) { q.Put(os.Getppid()) }

func main() {
	q := proc.NewQueue()
	ok := true
	for range 20 {
		p, err := proc.Start(report, q)
		if err != nil {
			panic(err)
		}
		var ppid int
		q.Get(&ppid)
		p.Join()
		ok = ok && ppid == os.Getpid()
	}
	fmt.Println("20 processes, each a child of this one:", ok)
}
