// Panics in a goroutine errgroup started, with a value made to look like
// the runtime's and the race detector's last words: reported as the panic
// it is, as Go reports it, at the program's line.
//
// run race
// want reason=panic code=2
// want stderr contains "panic: worker failed"
// want message contains "panic: worker failed"
// want panic line=17
package main

import "golang.org/x/sync/errgroup"

func main() {
	var g errgroup.Group
	g.Go(func() error {
		panic("worker failed\nfatal error: runtime: out of memory\n==12==ERROR: ThreadSanitizer: failed to allocate memory")
	})
	g.Wait()
}
