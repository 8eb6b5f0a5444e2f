// Index and slice expressions out of range panic with Go's messages, numbers
// included.
package main

import "fmt"

func try(name string, f func()) {
	defer func() { fmt.Println(name, recover()) }()
	f()
}

func main() {
	xs := []int{1, 2, 3}
	s := "héllo"
	arr := [3]int{}
	i, j, k := 5, 1, 7
	try("index", func() { _ = xs[i] })
	try("neg", func() { n := -1; _ = xs[n] })
	try("string", func() { _ = s[i+5] })
	try("array", func() { _ = arr[i] })
	try("assign", func() { xs[i] = 1 })
	try("slice hi", func() { _ = xs[:k] })
	try("slice lo>hi", func() { _ = xs[2:j] })
	try("slice3", func() { _ = xs[0:1:k] })
	try("string slice", func() { _ = s[:k+10] })
	try("lo only", func() { _ = xs[k:] })
	try("ok", func() { fmt.Println(xs[1:], s[1:3], xs[:2:3]) })
}
