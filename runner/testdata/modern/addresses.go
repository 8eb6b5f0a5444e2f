// The address of an element: of a slice, of an array through a pointer,
// of an array, and of a field of such an element.
package main

import "fmt"

type cell struct{ hits int }

func main() {
	s := []int{1, 2, 3}
	p := &s[1]
	*p = 20

	arr := [3]int{1, 2, 3}
	pa := &arr
	q := &pa[2]
	*q = 30
	r := &arr[0]
	*r = 10

	cells := make([]cell, 2)
	h := &cells[1].hits
	*h += 5
	c := &cells[0]
	c.hits++

	fmt.Println(s, arr, cells)
}
