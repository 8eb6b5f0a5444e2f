// A producer sleeps between values: the consumer is blocked, but not for
// good.
//
// want code=0
// want stdout contains "sum 3"
package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int)
	go func() {
		for i := range 3 {
			time.Sleep(150 * time.Millisecond)
			ch <- i
		}
		close(ch)
	}()
	sum := 0
	for v := range ch {
		sum += v
	}
	fmt.Println("sum", sum)
}
