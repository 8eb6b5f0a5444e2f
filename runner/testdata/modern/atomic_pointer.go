package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Config struct{ Name string }

func main() {
	var p atomic.Pointer[Config]
	fmt.Println(p.Load() == nil)
	p.Store(&Config{"a"})
	old := p.Swap(&Config{"b"})
	fmt.Println(old.Name, p.Load().Name)
	var n atomic.Int64
	var wg sync.WaitGroup
	for i := range 10 {
		wg.Go(func() { n.Add(int64(i)) })
	}
	wg.Wait()
	fmt.Println(n.Load())
}
