// Loops without end.
//
// run timeout=1s
// want reason=limit limit=time code=81
package main

func main() {
	for {
	}
}
