//go:build !cgo || !linux

package engine

// smallThreadStacks has nothing to do without cgo: the Go runtime gives
// its threads small stacks of its own.
func smallThreadStacks() {}
