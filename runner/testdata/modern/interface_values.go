// An interface holds a copy of the value stored in it, a pointer too: a
// later change to the variable it came from changes nothing, whether the
// interface is one of the library's (sync.Locker), any, or an assertion
// from one to the other, and also when a loop stores each element.
package main

import (
	"fmt"
	"sync"
)

type fork struct{ i int }

func (f *fork) Lock()   { fmt.Println("lock", f.i) }
func (f *fork) Unlock() {}

func main() {
	fs := []*fork{{0}, {1}, {2}}
	ls := make([]sync.Locker, len(fs))
	for i, f := range fs {
		ls[i] = f
	}
	for _, l := range ls {
		l.Lock()
	}

	g := &fork{4}
	var l sync.Locker = g
	var a any = g
	b := any(g)
	s := []any{g}
	g = &fork{5}
	l.Lock()
	a.(sync.Locker).Lock()
	b.(sync.Locker).Lock()
	s[0].(sync.Locker).Lock()
	fmt.Println(a.(*fork).i, g.i)

	// Two interfaces holding one pointer are one map key.
	type locker interface{ Lock() }
	var k locker = fs[1]
	k2 := k
	m := map[locker]int{k: 1}
	m[fs[2]] = 2
	fmt.Println(m[k], m[k2], m[fs[2]], len(m))
}
