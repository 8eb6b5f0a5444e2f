// Two struct types have a field of the same name, one guarded by a lock,
// the other not: the race is reported at the line of the unguarded one.
//
// run race
// want code=66
// want race variable=b.bal line=19
package main

import (
	"fmt"
	"sync"
)

type Account struct {
	mu  sync.Mutex
	bal int
}

func (b *Broken) Deposit(n int) { b.bal += n }

func (a *Account) Deposit(n int) { a.mu.Lock(); a.bal += n; a.mu.Unlock() }

type Broken struct{ bal int }

func main() {
	var a Account
	var b Broken
	var wg sync.WaitGroup
	for range 50 {
		wg.Go(func() { b.Deposit(1); a.Deposit(1) })
	}
	wg.Wait()
	fmt.Println(a.bal, b.bal > 0)
}
