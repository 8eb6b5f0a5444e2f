// A return statement stores each result in its own place: builtin calls
// (make, len, cap) and receives, alone or beside others.
package main

import "fmt"

func pair() (chan int, chan int) { return make(chan int, 1), make(chan int, 1) }

func sizes(s []int) (int, int) { return len(s), cap(s) }

func first(c chan string) string { return <-c }

func both(c chan string) (string, int) { return <-c, len(c) }

func main() {
	a, b := pair()
	a <- 1
	fmt.Println("two channels:", a != b, len(a), len(b))

	l, c := sizes(make([]int, 2, 5))
	fmt.Println("len and cap:", l, c)

	ch := make(chan string, 3)
	ch <- "x"
	ch <- "y"
	ch <- "z"
	fmt.Println("received:", first(ch))
	v, left := both(ch)
	fmt.Println("received:", v, "left:", left)
}
