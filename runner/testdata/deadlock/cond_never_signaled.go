// Waits on a condition variable no one signals.
//
// want reason=deadlock
// want stderr contains "sync.Cond.Wait"
package main

import "sync"

func main() {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	ready := false
	mu.Lock()
	for !ready {
		cond.Wait()
	}
	mu.Unlock()
}
