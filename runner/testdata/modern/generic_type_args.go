// A generic function instantiated with an instance of a generic type.
package main

import (
	"fmt"
	"slices"
	"strings"
)

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }

func Keys[K comparable, V any](ps []Pair[K, V]) []K {
	var ks []K
	for _, p := range ps {
		ks = append(ks, p.Key)
	}
	return ks
}

func main() {
	ps := []Pair[string, int]{{"b", 2}, {"a", 1}, {"c", 3}}
	slices.SortFunc(ps, func(x, y Pair[string, int]) int { return strings.Compare(x.Key, y.Key) })
	fmt.Println(ps, Keys(ps))
	i := slices.IndexFunc(ps, func(p Pair[string, int]) bool { return p.Val == 3 })
	fmt.Println(i, ps[i])
}
