// Every goroutine starts two more.
//
// run goroutines=1000
// want reason=limit limit=goroutines code=85
package main

import "time"

func spawn() {
	go spawn()
	go spawn()
	time.Sleep(time.Hour)
}

func main() {
	spawn()
}
