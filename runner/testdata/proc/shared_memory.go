// Shared memory: atomic adds lose nothing; a read-modify-write under the
// lock loses nothing either.
//
// want reason=exit code=0 races=0
// want stdout contains "value 4010, array [4000 4000]"
package main

import (
	"fmt"

	"workbook/proc"
)

func add(v *proc.Value, a *proc.Array, n int) {
	for range n {
		v.Add(1)
		a.Add(0, 1)
		a.Lock()
		a.Store(1, a.Load(1)+1)
		a.Unlock()
	}
}

func main() {
	v, a := proc.NewValue(10), proc.NewArray(2)
	var ps []*proc.Process
	for range 3 {
		p, err := proc.Start(add, v, a, 1000)
		if err != nil {
			panic(err)
		}
		ps = append(ps, p)
	}
	add(v, a, 1000)
	for _, p := range ps {
		p.Join()
	}
	fmt.Printf("value %d, array %v\n", v.Load(), a.Values())
}
