// Takes a write lock while holding a read lock of the same RWMutex.
//
// want reason=deadlock
// want deadlock line=13
package main

import "sync"

func main() {
	var mu sync.RWMutex
	mu.RLock()
	defer mu.RUnlock()
	mu.Lock()
	mu.Unlock()
}
