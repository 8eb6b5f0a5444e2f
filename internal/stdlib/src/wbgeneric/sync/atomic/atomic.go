// Package atomic holds the generic names of the standard sync/atomic package.
package atomic

import "sync/atomic"

// A Pointer is an atomic pointer of type *T. The zero value is a nil *T.
type Pointer[T any] struct {
	v atomic.Value
}

// Load atomically loads and returns the value stored in x.
func (x *Pointer[T]) Load() *T {
	p, _ := x.v.Load().(*T)
	return p
}

// Store atomically stores val into x.
func (x *Pointer[T]) Store(val *T) { x.v.Store(val) }

// Swap atomically stores new into x and returns the previous value.
func (x *Pointer[T]) Swap(new *T) (old *T) {
	p, _ := x.v.Swap(new).(*T)
	return p
}

// CompareAndSwap executes the compare-and-swap operation for x.
func (x *Pointer[T]) CompareAndSwap(old, new *T) (swapped bool) {
	if old == nil && x.v.CompareAndSwap(nil, new) {
		return true
	}
	return x.v.CompareAndSwap(old, new)
}
