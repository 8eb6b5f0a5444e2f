// Wrong: the lock order is right, but on the last philosopher's path one fork is never put down, so the next one to reach for it waits forever.
// Fails: TestNoDeadlockWhenAllSitDownAtOnce

// Package philosophers seats hungry philosophers at a round table.
package philosophers

import "sync"

// Dine seats len(forks) philosophers at a round table; each eats meals times.
func Dine(forks []sync.Locker, meals int, eat func(philosopher int)) {
	n := len(forks)
	var wg sync.WaitGroup
	for p := range n {
		left, right := forks[p], forks[(p+1)%n]
		wg.Go(func() {
			for range meals {
				if p == n-1 { // the last one's right fork is forks[0]: take it first
					right.Lock()
					left.Lock()
					eat(p)
					left.Unlock() // ...and right is never put down
					continue
				}
				left.Lock()
				right.Lock()
				eat(p)
				right.Unlock()
				left.Unlock()
			}
		})
	}
	wg.Wait()
}
