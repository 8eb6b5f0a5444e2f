// Workers stop when their context is cancelled; one deadline expires.
package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

func worker(ctx context.Context, id int, out chan<- string) {
	for i := 0; ; i++ {
		select {
		case <-ctx.Done():
			out <- fmt.Sprintf("worker %d stopped: %v", id, ctx.Err())
			return
		case <-time.After(5 * time.Millisecond):
		}
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	out := make(chan string, 2)
	var wg sync.WaitGroup
	for id := 1; id <= 2; id++ {
		wg.Go(func() { worker(ctx, id, out) })
	}
	time.Sleep(20 * time.Millisecond)
	cancel()
	wg.Wait()
	close(out)
	n := 0
	for range out {
		n++
	}
	fmt.Println(n, "workers stopped")

	ctx2, cancel2 := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel2()
	<-ctx2.Done()
	fmt.Println(errors.Is(ctx2.Err(), context.DeadlineExceeded))
	stop := context.AfterFunc(ctx2, func() { fmt.Println("after func ran") })
	time.Sleep(10 * time.Millisecond)
	fmt.Println("stop:", stop())
}
