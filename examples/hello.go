// Hello prints a greeting from two goroutines, in turn.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	greetings := make(chan string)
	wg.Go(func() {
		for _, g := range []string{"Hello", "你好"} {
			greetings <- g
		}
		close(greetings)
	})
	for g := range greetings {
		fmt.Println(g, "from a goroutine")
	}
	wg.Wait()
}
