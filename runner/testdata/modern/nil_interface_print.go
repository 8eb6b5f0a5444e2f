// fmt prints a nil interface of the program's own type as <nil>.
package main

import "fmt"

type I interface{ M() }

type T struct{}

func (T) M() {}

func main() {
	var i I
	fmt.Println(i, i == nil)
	fmt.Printf("%v %T\n", i, i)
	s := fmt.Sprint(i)
	fmt.Println(s)
	i = T{}
	fmt.Println(i != nil)
}
