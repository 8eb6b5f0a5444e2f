// Burns processor time on many goroutines, past the CPU limit before the
// wall clock's.
//
// run timeout=30s cpu=1s
// want reason=limit limit=cpu code=82
package main

func main() {
	for i := 0; i < 4; i++ {
		go func() {
			for {
			}
		}()
	}
	select {}
}
