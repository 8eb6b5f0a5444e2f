// A struct embedding another satisfies an interface through its own
// methods and is assigned to it as a composite literal; the embedded
// type's methods and fields are promoted.
package main

import "fmt"

type Animal interface{ Sound() string }
type Base struct{ Name string }

func (b Base) Describe() string { return "I am " + b.Name }

type Dog struct {
	Base
	Breed string
}

func (d Dog) Sound() string { return "woof" }

func main() {
	var an Animal = Dog{Base{"rex"}, "lab"}
	fmt.Println(an.Sound())
	d := an.(Dog)
	fmt.Println(d.Describe(), d.Name)
	fmt.Println(an.(Dog).Name)
	fmt.Println(an.(Dog).Describe())
	fmt.Printf("%+v\n", an)
}
