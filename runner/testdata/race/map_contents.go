// Goroutines write the same map: the race is reported on the map, named
// by the variable that holds it. The second writes 50ms after the first,
// so that the writes never overlap (the map would end the program with
// "concurrent map writes"), yet nothing orders them: a race. Each tells
// main it is done over a channel of its own (see the README, "Races and
// deadlocks", for what a deferred wg.Done after the write can hide).
//
// run race
// want code=66
// want race variable=stats.hits line=28
package main

import (
	"fmt"
	"time"
)

type Stats struct {
	hits map[string]int
}

func main() {
	stats := Stats{hits: map[string]int{}}
	done := []chan bool{make(chan bool), make(chan bool)}
	for i := range 2 {
		go func() {
			time.Sleep(time.Duration(i) * 50 * time.Millisecond)
			stats.hits[fmt.Sprint(i)]++
			done[i] <- true
		}()
	}
	<-done[0]
	<-done[1]
	fmt.Println(len(stats.hits) > 0)
}
