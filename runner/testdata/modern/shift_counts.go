// A shift count may itself be a shift: an untyped constant shifted by a
// variable (1<<n), or a variable of another integer type shifted.
package main

import "fmt"

func main() {
	x, n := 1, 1
	fmt.Println("x << (1 << n) =", x<<(1<<n))
	b, k := uint16(1), uint8(1)
	fmt.Println("b << (2 << k) =", b<<(2<<k))
	fmt.Println("x << (k << 1) =", x<<(k<<1))
	for i := range 4 {
		fmt.Print(1<<(1<<i), " ")
	}
	fmt.Println()
}
