// Package sync holds the generic names of the standard sync package.
package sync

import "sync"

// OnceValue returns a function that invokes f only once and returns the value returned by f.
func OnceValue[T any](f func() T) func() T {
	var (
		once  sync.Once
		valid bool
		p     any
		v     T
	)
	g := func() {
		defer func() {
			p = recover()
			if !valid {
				panic(p)
			}
		}()
		v = f()
		f = nil
		valid = true
	}
	return func() T {
		once.Do(g)
		if !valid {
			panic(p)
		}
		return v
	}
}

// OnceValues returns a function that invokes f only once and returns the values returned by f.
func OnceValues[T1, T2 any](f func() (T1, T2)) func() (T1, T2) {
	var (
		once  sync.Once
		valid bool
		p     any
		r1    T1
		r2    T2
	)
	g := func() {
		defer func() {
			p = recover()
			if !valid {
				panic(p)
			}
		}()
		r1, r2 = f()
		f = nil
		valid = true
	}
	return func() (T1, T2) {
		once.Do(g)
		if !valid {
			panic(p)
		}
		return r1, r2
	}
}
