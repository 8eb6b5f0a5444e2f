package main

import (
	"fmt"
	"math"
)

func main() {
	x, y := 3, 7
	fmt.Println(min(x, y), max(x, y, 10), min(2.5, 1), max("a", "b"))
	fmt.Println(min(1.0, math.NaN()), max(-1.5, 2))
	m := map[string]int{"a": 1, "b": 2}
	clear(m)
	s := []int{1, 2, 3}
	clear(s)
	fmt.Println(len(m), s)
}
