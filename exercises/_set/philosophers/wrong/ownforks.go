// Wrong: Dine makes mutexes of its own instead of using the forks on the table, so the philosophers eat without holding their forks.
// Fails: TestEatWithBothForksInHand

// Package philosophers seats hungry philosophers at a round table.
package philosophers

import "sync"

// Dine seats len(forks) philosophers at a round table; each eats meals times.
func Dine(forks []sync.Locker, meals int, eat func(philosopher int)) {
	n := len(forks)
	mine := make([]sync.Mutex, n) // new forks: the ones on the table stay untouched
	var wg sync.WaitGroup
	for p := range n {
		left, right := p, (p+1)%n
		first, second := &mine[min(left, right)], &mine[max(left, right)]
		wg.Go(func() {
			for range meals {
				first.Lock()
				second.Lock()
				eat(p)
				second.Unlock()
				first.Unlock()
			}
		})
	}
	wg.Wait()
}
