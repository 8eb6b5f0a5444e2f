// Pins goroutines to OS threads and blocks them, one thread each.
//
// want reason=limit limit=threads code=86
package main

import "runtime"

func main() {
	for {
		go func() {
			runtime.LockOSThread()
			select {}
		}()
	}
}
