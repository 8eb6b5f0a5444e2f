// Starts goroutines without end.
//
// run goroutines=1000
// want reason=limit limit=goroutines code=85
package main

func main() {
	for {
		go func() { select {} }()
	}
}
