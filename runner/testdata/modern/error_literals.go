// An error of the program's type, stored in a variable of type error as a
// composite literal, is an error to compiled code: fmt prints it with its
// Error method, errors.As finds it, fmt.Errorf and errors.Join wrap it.
package main

import (
	"errors"
	"fmt"
)

type HTTPError struct {
	Code int
	Msg  string
}

func (e HTTPError) Error() string { return fmt.Sprint(e.Code, " ", e.Msg) }

func fetch(ok bool) error {
	var err error = HTTPError{404, "not found"}
	if ok {
		err = nil
	}
	return err
}

func main() {
	var err error = HTTPError{500, "server error"}
	fmt.Println(err)
	var he HTTPError
	fmt.Println(errors.As(err, &he), he.Code)
	wrapped := fmt.Errorf("get /: %w", err)
	fmt.Println(wrapped, errors.Is(wrapped, err))
	fmt.Println(fetch(false), fetch(true) == nil)
	fmt.Println(errors.Join(err, fetch(false)))
}
