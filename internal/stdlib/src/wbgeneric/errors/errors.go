// Package errors holds the generic names of the standard errors package.
package errors

import "errors"

// AsType finds the first error in err's tree that matches the type E, and
// if one is found, returns that error value and true.
func AsType[E error](err error) (E, bool) {
	var target E
	ok := errors.As(err, &target)
	return target, ok
}
