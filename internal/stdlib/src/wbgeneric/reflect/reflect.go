// Package reflect holds the generic names of the standard reflect package.
package reflect

import "reflect"

// TypeFor returns the Type that represents the type argument T.
func TypeFor[T any]() reflect.Type {
	return reflect.TypeOf((*T)(nil)).Elem()
}

// TypeAssert is semantically equivalent to v.Interface().(T), but without
// the panic when it fails.
func TypeAssert[T any](v reflect.Value) (T, bool) {
	t, ok := v.Interface().(T)
	return t, ok
}
