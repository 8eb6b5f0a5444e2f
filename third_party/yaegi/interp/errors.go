package interp

import (
	"errors"
	"reflect"
)

// The program's errors reach the compiled errors package inside the
// interpreter's wrappers (_error, _errorUnwrap), which errors.Is and
// errors.As cannot see into: the wrappers hold functions, so Is finds them
// not comparable and never compares them, and As asks reflect whether
// *target implements error, which a type the interpreter built never does
// for reflect (it panics "errors: *target must be interface or implement
// error"). fixStdlib puts errorsIs and errorsAs in their place, which look
// at the values inside the wrappers where Go's own functions do not.

// errorsIs is errors.Is for targets of the program's own types too.
func errorsIs(err, target error) bool {
	if errors.Is(err, target) {
		return true
	}
	tv, ok := wrapped(reflect.ValueOf(target))
	if !ok || !tv.Type().Comparable() {
		return false
	}
	return walkErrors(err, func(e error) bool {
		v, ok := wrapped(reflect.ValueOf(e))
		return ok && v.Type() == tv.Type() && v.Equal(tv)
	})
}

// errorsAs is errors.As for targets of the program's own types too: such
// a target matches an error of the tree whose value, inside the
// interpreter's wrapper, has its type.
func errorsAs(err error, target any) bool {
	t := reflect.ValueOf(target)
	if target == nil || t.Kind() != reflect.Pointer || t.IsNil() {
		return errors.As(err, target) // Go's own panic
	}
	if e := t.Type().Elem(); e.Kind() == reflect.Interface || e.Implements(reflect.TypeFor[error]()) {
		return errors.As(err, target)
	}
	return walkErrors(err, func(e error) bool {
		v, ok := wrapped(reflect.ValueOf(e))
		if ok && v.Type().AssignableTo(t.Elem().Type()) {
			t.Elem().Set(v)
			return true
		}
		return false
	})
}

// walkErrors calls f on err and the errors it wraps, depth first as
// errors.Is and As do, until f returns true.
func walkErrors(err error, f func(error) bool) bool {
	for err != nil {
		if f(err) {
			return true
		}
		switch x := err.(type) {
		case interface{ Unwrap() error }:
			err = x.Unwrap()
		case interface{ Unwrap() []error }:
			for _, e := range x.Unwrap() {
				if walkErrors(e, f) {
					return true
				}
			}
			return false
		default:
			return false
		}
	}
	return false
}
