// A value of a type with methods, stored in an interface, equals itself:
// in an any, in a fmt.Stringer, in an error, compared with the value or
// with another interface holding it.
package main

import "fmt"

type temp struct{ c int }

func (t temp) String() string { return fmt.Sprint(t.c, "°") }

type notFound struct{ name string }

func (e notFound) Error() string { return e.name + " not found" }

func main() {
	t := temp{3}
	var a any = t
	var b any = t
	var s fmt.Stringer = t
	fmt.Println(a == t, a == b, s == t, a == s, a != b, a == temp{4})

	var err error = notFound{"key"}
	other := error(notFound{"key"})
	fmt.Println(err == other, err == notFound{"key"}, err != error(notFound{"door"}))
}
