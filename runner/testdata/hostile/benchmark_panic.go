// Panics in the goroutines testing.Benchmark and RunParallel start.
//
// want reason=panic code=2
// want stderr contains "panic: in parallel"
// want panic line=15
package main

import (
	"fmt"
	"testing"
)

func main() {
	r := testing.Benchmark(func(b *testing.B) {
		b.RunParallel(func(pb *testing.PB) { panic("in parallel") })
	})
	fmt.Println(r.N)
}
