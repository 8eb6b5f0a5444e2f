// A process starts the program afresh: it changes its own counter, not the
// parent's.
//
// want reason=exit code=0
// want stdout contains "child: counter = 105"
// want stdout contains "child said 105, parent has 100, exit code 0"
package main

import (
	"fmt"

	"workbook/proc"
)

var counter = 100

func worker(n int, q *proc.Queue) {
	counter += n
	fmt.Println("child: counter =", counter)
	q.Put(counter)
}

func main() {
	q := proc.NewQueue()
	p, err := proc.Start(worker, 5, q)
	if err != nil {
		panic(err)
	}
	var got int
	q.Get(&got)
	p.Join()
	fmt.Printf("child said %d, parent has %d, exit code %d\n", got, counter, p.ExitCode())
}
