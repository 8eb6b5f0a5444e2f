// Wrong: Transfer does not reject a transfer from an account to itself: it succeeds (or fails for lack of funds) instead of returning ErrSameAccount.
// Fails: TestTransferRejectsBadRequests

// Package bank keeps accounts and moves money between them, safely from
// many goroutines at once.
package bank

import (
	"errors"
	"fmt"
	"sync"
)

// The errors Balance and Transfer return. They may come wrapped with more
// detail: check them with errors.Is.
var (
	ErrUnknownAccount    = errors.New("unknown account")
	ErrInsufficientFunds = errors.New("insufficient funds")
	ErrInvalidAmount     = errors.New("invalid amount: must be positive")
	ErrSameAccount       = errors.New("cannot transfer from an account to itself")
)

// A Bank holds the balances of its accounts; one mutex guards them.
type Bank struct {
	mu       sync.Mutex
	balances map[string]int // guarded by mu
}

// New returns a bank with the given accounts and balances.
func New(balances map[string]int) *Bank {
	own := make(map[string]int, len(balances))
	for name, amount := range balances {
		own[name] = amount
	}
	return &Bank{balances: own}
}

// Balance returns the balance of the named account.
func (b *Bank) Balance(name string) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	amount, ok := b.balances[name]
	if !ok {
		return 0, fmt.Errorf("%w: %q", ErrUnknownAccount, name)
	}
	return amount, nil
}

// Transfer moves amount from one account to another, or, if it cannot,
// changes nothing and says why.
func (b *Bank) Transfer(from, to string, amount int) error {
	// These checks look only at the arguments: no lock needed.
	if amount <= 0 {
		return fmt.Errorf("%w: %d", ErrInvalidAmount, amount)
	}

	b.mu.Lock()
	defer b.mu.Unlock()
	// From here to the end, no other goroutine touches any balance: the
	// check below still holds when we act on it.
	have, ok := b.balances[from]
	if !ok {
		return fmt.Errorf("%w: %q", ErrUnknownAccount, from)
	}
	if _, ok := b.balances[to]; !ok {
		return fmt.Errorf("%w: %q", ErrUnknownAccount, to)
	}
	if have < amount {
		return fmt.Errorf("%w: %q has %d, cannot send %d", ErrInsufficientFunds, from, have, amount)
	}
	b.balances[from] = have - amount
	b.balances[to] += amount
	return nil
}

// Total returns the sum of all balances: one consistent picture, taken
// while no transfer is under way.
func (b *Bank) Total() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	sum := 0
	for _, amount := range b.balances {
		sum += amount
	}
	return sum
}
