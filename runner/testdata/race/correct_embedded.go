// Correct synchronisation the interpreter must not mistake for a race: a
// mutex embedded in a struct and locked through its promoted methods from
// goroutines started in a loop with go func, and a spin lock whose
// atomic field is read by its methods while another goroutine stores it.
//
// run race
// want code=0 races=0
// want stdout contains "a has 4950; spun 50"
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

type Account struct {
	sync.Mutex
	name    string
	balance int
}

func (a *Account) Deposit(n int) {
	a.Lock()
	defer a.Unlock()
	a.balance += n
}

type SpinLock struct{ state atomic.Int32 }

func (s *SpinLock) Lock() {
	for !s.state.CompareAndSwap(0, 1) {
		runtime.Gosched()
	}
}

func (s *SpinLock) Unlock() { s.state.Store(0) }

func main() {
	acc := &Account{name: "a"}
	var wg sync.WaitGroup
	for i := range 100 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			acc.Deposit(i)
		}()
	}
	wg.Wait()

	var sl SpinLock
	spun := 0
	for range 50 {
		wg.Go(func() {
			sl.Lock()
			spun++
			sl.Unlock()
		})
	}
	wg.Wait()
	fmt.Printf("%s has %d; spun %d\n", acc.name, acc.balance, spun)
}
