// Package philosophers seats hungry philosophers at a round table, with a
// fork between every two of them.
//
// Read README.md first. Then run `workbook check philosophers`.
package philosophers

import "sync"

// Dine seats len(forks) philosophers at a round table, numbered 0, 1, …
// Philosopher p has forks[p] on the left and forks[(p+1)%n] on the right,
// and needs both to eat. Each philosopher, in a goroutine of its own, eats
// meals times: it picks up both forks, calls eat(p), and puts them down.
// Dine returns once everyone has eaten every meal.
//
// This version looks fair: everyone does the same thing, left fork first.
// But when all of them pick up their left fork at the same moment, each
// waits for the right one, which the neighbour holds, and nobody ever eats.
func Dine(forks []sync.Locker, meals int, eat func(philosopher int)) {
	n := len(forks)
	var wg sync.WaitGroup
	for p := range n {
		left, right := forks[p], forks[(p+1)%n]
		wg.Go(func() {
			for range meals {
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
