// Named results start at their zero value on every call, also when one
// call site runs again in a loop.
package main

import "fmt"

func upTo(n int) (vals []int) {
	for i := range n {
		vals = append(vals, i)
	}
	return vals
}

func sum(xs []int) (total int) {
	for _, x := range xs {
		total += x
	}
	return
}

func main() {
	for _, n := range []int{1, 2, 3} {
		fmt.Println(upTo(n), sum(upTo(n)))
	}
}
