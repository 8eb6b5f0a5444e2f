// Type switches with interface cases: error, fmt.Stringer, io.Reader and
// interfaces of the program, on values of the program's types and of the
// library, with and without a case variable.
package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

type temp float64

func (t temp) String() string { return "t" }

type myErr struct{ msg string }

func (e *myErr) Error() string { return e.msg }

type shape interface{ area() int }
type sq int

func (s sq) area() int { return int(s * s) }

func kind(x any) string {
	switch x.(type) {
	case nil:
		return "nil"
	case error:
		return "error"
	case fmt.Stringer:
		return "stringer"
	case shape:
		return "shape"
	case io.Reader:
		return "reader"
	case int:
		return "int"
	}
	return "other"
}

func main() {
	for _, x := range []any{nil, temp(1), &myErr{"m"}, sq(3), 7, "s", errors.New("std"), strings.NewReader("r"), myErr{"v"}} {
		fmt.Print(kind(x), " ")
	}
	fmt.Println()
	var sh shape = sq(2)
	switch v := sh.(type) {
	case fmt.Stringer:
		fmt.Println("stringer", v)
	case sq:
		fmt.Println("sq", v.area())
	}
	var err error = &myErr{"e"}
	switch v := err.(type) {
	case interface{ Timeout() bool }:
		fmt.Println("timeout", v)
	case *myErr:
		fmt.Println("mine", v.msg)
	}
}
