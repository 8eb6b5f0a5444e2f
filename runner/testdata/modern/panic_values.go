// A recovered panic value of the program's type keeps its methods and type:
// it prints with Error or String, asserts to its type and to error.
package main

import (
	"errors"
	"fmt"
)

type ParseError struct{ Line int }

func (e *ParseError) Error() string { return fmt.Sprint("line ", e.Line) }

type state int

func (s state) String() string { return "state-" + fmt.Sprint(int(s)) }

func try(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Printf("recovered %v (%T)\n", r, r == nil)
			if pe, ok := r.(*ParseError); ok {
				fmt.Println("line", pe.Line)
			}
			if e, ok := r.(error); ok {
				err = e
			}
		}
	}()
	f()
	return nil
}

func main() {
	err := try(func() { panic(&ParseError{7}) })
	var pe *ParseError
	fmt.Println(err, errors.As(err, &pe))
	try(func() { panic(state(2)) })
	var a any = &ParseError{8}
	try(func() { panic(a) })
	try(func() { panic(fmt.Sprintf("plain %d", 1)) })
}
