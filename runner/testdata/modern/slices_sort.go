package main

import (
	"cmp"
	"fmt"
	"slices"
)

type Point struct{ X, Y int }

func main() {
	s := []int{5, 2, 8, 1}
	slices.Sort(s)
	fmt.Println(s, slices.Index(s, 8), slices.Contains(s, 3), slices.Max(s), slices.Min(s))
	pts := []Point{{3, 1}, {1, 2}, {2, 0}}
	slices.SortFunc(pts, func(a, b Point) int { return cmp.Compare(a.X, b.X) })
	fmt.Println(pts)
	i, found := slices.BinarySearch(s, 5)
	fmt.Println(i, found, slices.Equal(s, []int{1, 2, 5, 8}))
}
