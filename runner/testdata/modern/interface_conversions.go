// A conversion to an interface keeps the value's own dynamic type, and a
// function returned as an interface{} is a function value a type switch
// and an assertion recognise.
package main

import "fmt"

type Namer interface{ Name() string }

type Greeter interface {
	Name() string
	Greet() string
}

type person struct{ name string }

func (p person) Name() string  { return p.name }
func (p person) Greet() string { return "hello, " + p.name }

func double(n int) int { return 2 * n }

func asAny(f func(int) int) interface{} { return f }

func named() interface{} { return double }

func main() {
	var n Namer
	n = Namer(person{"ada"})
	g, ok := n.(Greeter)
	fmt.Println(ok, g.Greet())

	for _, v := range []interface{}{asAny(func(n int) int { return n + 1 }), named()} {
		switch f := v.(type) {
		case func(int) int:
			fmt.Println("a func(int) int:", f(20))
		default:
			fmt.Printf("not a function: %T\n", f)
		}
	}
	f, ok := named().(func(int) int)
	fmt.Println(ok, f(21))
}
