package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
	"strings"
)

func pairs(n int) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for i := range n {
			if !yield(i, strings.Repeat("x", i)) {
				return
			}
		}
	}
}

func firstLong(n int) (int, string) {
	for i, s := range pairs(n) {
		if len(s) > 2 {
			return i, s
		}
	}
	return -1, ""
}

func main() {
	for i, s := range pairs(3) {
		fmt.Println(i, s)
	}
	fmt.Println(firstLong(10))
outer:
	for _, w := range []string{"a", "b"} {
		for i := range pairs(5) {
			if i == 1 {
				continue outer
			}
			fmt.Println(w, i)
		}
	}
	for i, v := range slices.Backward([]int{7, 8, 9}) {
		fmt.Print(i, "=", v, " ")
	}
	fmt.Println()
	for k, v := range maps.All(map[string]int{"only": 1}) {
		fmt.Println(k, v)
	}
	for part := range strings.SplitSeq("x,y,z", ",") {
		fmt.Print(part, ";")
	}
	fmt.Println()
}
