// errors.Is asks an error of the program's own type with an Is method
// whether it matches the target, as it asks a compiled error, and it
// compares errors of the program's comparable types by value.
package main

import (
	"errors"
	"fmt"
	"io/fs"
)

// notFound matches any other notFound, whatever the name.
type notFound struct{ name string }

func (e notFound) Error() string { return e.name + " not found" }

func (e notFound) Is(target error) bool {
	_, ok := target.(notFound)
	return ok
}

// opError wraps another error and also matches fs.ErrNotExist when its
// code says so: an Is method and an Unwrap method together.
type opError struct {
	code int
	err  error
}

func (e *opError) Error() string { return fmt.Sprintf("op %d: %v", e.code, e.err) }
func (e *opError) Unwrap() error { return e.err }
func (e *opError) Is(target error) bool {
	return e.code == 2 && target == fs.ErrNotExist
}

type code int

func (c code) Error() string { return fmt.Sprint("code ", int(c)) }

func main() {
	err := fmt.Errorf("open: %w", notFound{"a.txt"})
	fmt.Println(errors.Is(err, notFound{"b.txt"}), errors.Is(err, fs.ErrNotExist))

	op := &opError{2, notFound{"c.txt"}}
	fmt.Println(errors.Is(op, fs.ErrNotExist), errors.Is(op, notFound{"d.txt"}), errors.Is(op, fs.ErrPermission))
	fmt.Println(errors.Is(&opError{1, code(7)}, fs.ErrNotExist), errors.Is(&opError{1, code(7)}, code(7)), errors.Is(code(7), code(8)))

	var nf notFound
	fmt.Println(errors.As(op, &nf), nf.name)
}
