// Asks for a terabyte at once.
//
// want reason=limit limit=memory code=83
package main

import "fmt"

func main() {
	b := make([]byte, 1<<40)
	fmt.Println(len(b))
}
