// Starts goroutines through errgroup, library code that starts them
// itself: they count against the limit all the same.
//
// run goroutines=1000
// want reason=limit limit=goroutines code=85
package main

import "golang.org/x/sync/errgroup"

func main() {
	var g errgroup.Group
	for range 5000 {
		g.Go(func() error { select {} })
	}
	g.Wait()
}
