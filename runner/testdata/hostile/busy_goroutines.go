// Keeps several goroutines busy forever.
//
// run timeout=1s
// want reason=limit code=81
package main

func main() {
	for i := 0; i < 8; i++ {
		go func() {
			for {
			}
		}()
	}
	select {}
}
