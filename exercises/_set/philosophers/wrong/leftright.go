// Wrong: every philosopher takes the left fork, then the right, so when all hold their left fork they wait for each other forever.
// Fails: TestNoDeadlockWhenAllSitDownAtOnce

// Package philosophers seats hungry philosophers at a round table.
package philosophers

import "sync"

// Dine seats len(forks) philosophers at a round table; each eats meals times.
func Dine(forks []sync.Locker, meals int, eat func(philosopher int)) {
	n := len(forks)
	var wg sync.WaitGroup
	for p := range n {
		wg.Go(func() {
			for range meals {
				forks[p].Lock()       // left
				forks[(p+1)%n].Lock() // right: the neighbour's left
				eat(p)
				forks[(p+1)%n].Unlock()
				forks[p].Unlock()
			}
		})
	}
	wg.Wait()
}
