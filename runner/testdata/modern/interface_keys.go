// Maps with interface keys: values of several types, structs as keys,
// lookups, deletes.
package main

import "fmt"

type key struct{ a, b int }

func main() {
	m := map[any]int{}
	m[1] = 2
	m["x"] = 3
	m[key{1, 2}] = 4
	fmt.Println(m[1], m["x"], m[key{1, 2}], len(m))
	v, ok := m[2]
	fmt.Println(v, ok)
	delete(m, 1)
	fmt.Println(len(m))
	seen := map[interface{}]bool{}
	for _, x := range []any{1, "a", 1, 2.5} {
		seen[x] = true
	}
	fmt.Println(len(seen))
}
