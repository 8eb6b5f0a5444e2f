// fmt prints values of the program's types as Go does: String and Error
// methods inside slices, maps, struct fields and interfaces, values held
// in an any, results of calls, and a copy taken when a value is stored in
// an interface.
package main

import (
	"errors"
	"fmt"
)

type Temp struct {
	City string
	C    float64
}

func (t Temp) String() string { return fmt.Sprintf("%s %.0f°", t.City, t.C) }

type level int

func (l level) String() string { return [...]string{"low", "high"}[l] }

type Reading struct {
	Where Temp
	Level level
	note  level
}

type shape interface{ area() int }

type rect struct{ w, h int }

func (r rect) area() int      { return r.w * r.h }
func (r rect) String() string { return fmt.Sprintf("rect %dx%d", r.w, r.h) }
func hottest(ts []Temp) Temp  { return ts[len(ts)-1] }
func levels() (level, level)  { return 0, 1 }
func failing() error          { return errors.New("failed") }
func describe(s shape) string { return fmt.Sprint(s, " of area ", s.area()) }
func (r *rect) grow()         { r.w++ }

func main() {
	temps := []Temp{{"Oslo", -3}, {"Cairo", 30}}
	fmt.Println(temps, len(temps))
	fmt.Printf("%v|%s|%d\n", temps, []level{0, 1}, []level{0, 1})
	fmt.Println(map[string]Temp{"north": temps[0]}, [2]level{1, 0})
	r := Reading{Where: temps[1], Level: 1, note: 0}
	fmt.Printf("%v %+v\n", r, r)
	fmt.Println(&r == nil, hottest(temps))
	fmt.Println(levels())
	fmt.Println(failing())

	box := rect{2, 3}
	var a any = box
	var s shape = box
	box.grow()
	fmt.Println(a, s, box, describe(s))
	fmt.Println([]any{box, temps[0], 7, "x"}, []shape{rect{1, 1}})
	fmt.Printf("%v %d\n", level(1), level(1))

	var held any = Temp{"Rome", 25}
	var converted = any(Temp{"Pisa", 24})
	var st fmt.Stringer = Temp{"Bari", 27}
	type named interface{ String() string }
	var n named = temps[0]
	fmt.Println(held, converted, st, n)
}
