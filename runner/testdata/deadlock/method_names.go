// Goroutines blocked inside methods and function literals: the report
// names each function as Go's tracebacks do.
//
// want reason=deadlock
// want stderr contains "main.(*queue).take("
// want stderr contains "main.worker.run.func1("
// want stderr contains "created by main.worker.run in goroutine 1"
// want stderr contains "created by main.main in goroutine 1"
// want deadlock line=18
package main

type queue struct{ items chan int }

type worker struct{ q *queue }

// take waits for an item that never comes.
func (q *queue) take() int {
	return <-q.items
}

// run waits, in a goroutine of its own, for a signal nobody sends.
func (w worker) run(done chan bool) {
	go func() {
		<-done
	}()
}

func main() {
	q := &queue{items: make(chan int)}
	worker{q}.run(make(chan bool))
	go func() {
		q.take()
	}()
	q.take()
}
