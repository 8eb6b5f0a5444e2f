package main

import (
	"fmt"
	"time"
)

func main() {
	count := 0
	done := make(chan bool)
	go func() {
		count++
		done <- true
	}()
	go func() {
		time.Sleep(20 * time.Millisecond)
		count++
		done <- true
	}()
	<-done
	<-done
	fmt.Println(count)
}
