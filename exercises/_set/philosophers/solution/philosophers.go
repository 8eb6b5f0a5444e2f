// Package philosophers seats hungry philosophers at a round table, with a
// fork between every two of them.
package philosophers

import "sync"

// Dine seats len(forks) philosophers at a round table, numbered 0, 1, …
// Philosopher p has forks[p] on the left and forks[(p+1)%n] on the right,
// and needs both to eat. Each philosopher, in a goroutine of its own, eats
// meals times: it picks up both forks, calls eat(p), and puts them down.
// Dine returns once everyone has eaten every meal.
func Dine(forks []sync.Locker, meals int, eat func(philosopher int)) {
	n := len(forks)
	var wg sync.WaitGroup
	for p := range n {
		left, right := p, (p+1)%n
		// One order for everyone: the lower-numbered fork first. Every
		// philosopher takes forks[left] first, except the last one, whose
		// right fork is forks[0]. So no circle of philosophers can each hold
		// one fork and wait for the next: whoever holds the highest fork
		// someone waits for already has the lower one, and can eat.
		first, second := forks[min(left, right)], forks[max(left, right)]
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
