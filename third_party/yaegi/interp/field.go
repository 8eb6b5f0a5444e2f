package interp

import (
	"reflect"
	"unsafe"
)

// field returns the field i of the struct v. An unexported field of an
// interpreted type (see refType) is, for reflect, read-only: its value can
// be read but not set, called or turned into an interface. The program
// that declared the field may do all of that, so field returns the same
// variable without the restriction.
func field(v reflect.Value, i int) reflect.Value {
	f := v.Field(i)
	if f.CanInterface() {
		return f
	}
	if !f.CanAddr() {
		// A struct value held by no variable: read its field from a copy.
		c := reflect.New(v.Type()).Elem()
		c.Set(v)
		f = c.Field(i)
	}
	return reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
}

// fieldByIndex is v.FieldByIndex(index) through field.
func fieldByIndex(v reflect.Value, index []int) reflect.Value {
	for n, i := range index {
		if n > 0 && v.Kind() == reflect.Pointer {
			if v.IsNil() {
				panic("reflect: indirection through nil pointer to embedded struct")
			}
			v = v.Elem()
		}
		v = field(v, i)
	}
	return v
}
