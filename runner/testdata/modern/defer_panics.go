// A panic in a deferred call replaces the panic in progress, and the
// deferred calls after it still run. "defer recover()" recovers as its
// function returns, and only when that function was called for a panic.
package main

import "fmt"

func replaced() (r any) {
	defer func() { r = recover() }()
	defer fmt.Println("a later deferred call still runs")
	defer func() { panic("second") }()
	panic("first")
}

func deferredRecover() (r any) {
	defer func() { r = recover() }()
	defer recover() // run by the panic itself: recovers nothing
	panic("not recovered by defer recover()")
}

func cleanup() { defer recover() }

func calledFromDeferred() (r any) {
	defer func() { r = recover() }()
	defer func() { cleanup() }() // cleanup is not called for the panic
	panic("not recovered by cleanup")
}

func recoverAtReturn() (r any) {
	defer func() {
		defer recover() // runs as this function returns,
		r = recover()   // so this call still finds the panic
	}()
	panic("recovered before defer recover() runs")
}

func main() {
	fmt.Println("recovered:", replaced())
	fmt.Println("recovered:", deferredRecover())
	fmt.Println("recovered:", calledFromDeferred())
	fmt.Println("recovered:", recoverAtReturn())
}
