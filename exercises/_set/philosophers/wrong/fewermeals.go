// Wrong: the meal loop starts at 1, so every philosopher eats one meal too few.
// Fails: TestNoDeadlockWhenAllSitDownAtOnce, TestEatWithBothForksInHand, TestEveryoneEatsEveryMeal, TestTwoEatAtOnce

// Package philosophers seats hungry philosophers at a round table.
package philosophers

import "sync"

// Dine seats len(forks) philosophers at a round table; each eats meals times.
func Dine(forks []sync.Locker, meals int, eat func(philosopher int)) {
	n := len(forks)
	var wg sync.WaitGroup
	for p := range n {
		left, right := p, (p+1)%n
		first, second := forks[min(left, right)], forks[max(left, right)]
		wg.Go(func() {
			for m := 1; m < meals; m++ { // one meal short
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
