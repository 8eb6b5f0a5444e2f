// Allocates until the memory runs out.
//
// run memory=128MiB
// want reason=limit limit=memory code=83
package main

func main() {
	var keep [][]byte
	for {
		keep = append(keep, make([]byte, 1<<20))
	}
}
