// Wrong: one lock for the whole table makes the philosophers eat one at a time, even those who share no fork.
// Fails: TestTwoEatAtOnce

// Package philosophers seats hungry philosophers at a round table.
package philosophers

import "sync"

// Dine seats len(forks) philosophers at a round table; each eats meals times.
func Dine(forks []sync.Locker, meals int, eat func(philosopher int)) {
	n := len(forks)
	var table sync.Mutex // only one philosopher at the table at a time
	var wg sync.WaitGroup
	for p := range n {
		left, right := forks[p], forks[(p+1)%n]
		wg.Go(func() {
			for range meals {
				table.Lock()
				left.Lock()
				right.Lock()
				eat(p)
				right.Unlock()
				left.Unlock()
				table.Unlock()
			}
		})
	}
	wg.Wait()
}
