// Wrong: Nothing guards the balances, so transfers, balances and totals from different goroutines race.
// Fails: TestOppositeTransfersDoNotDeadlock

// Package bank keeps accounts and moves money between them.
package bank

import (
	"errors"
	"fmt"
)

// The errors Balance and Transfer return. They may come wrapped with more
// detail: callers check them with errors.Is.
var (
	ErrUnknownAccount    = errors.New("unknown account")
	ErrInsufficientFunds = errors.New("insufficient funds")
	ErrInvalidAmount     = errors.New("invalid amount: must be positive")
	ErrSameAccount       = errors.New("cannot transfer from an account to itself")
)

// A Bank holds the balances of its accounts.
//
// Many goroutines use one Bank at the same time: tellers moving money,
// auditors adding it all up. This version gets every answer right when one
// goroutine uses it, and nothing protects it from the others. Make it safe
// for concurrent use.
type Bank struct {
	balances map[string]int
}

// New returns a bank with the given accounts and balances. It keeps a copy
// of the map, so the caller may go on using its own.
func New(balances map[string]int) *Bank {
	own := make(map[string]int, len(balances))
	for name, amount := range balances {
		own[name] = amount
	}
	return &Bank{balances: own}
}

// Balance returns the balance of the named account.
func (b *Bank) Balance(name string) (int, error) {
	amount, ok := b.balances[name]
	if !ok {
		return 0, fmt.Errorf("%w: %q", ErrUnknownAccount, name)
	}
	return amount, nil
}

// Transfer moves amount from one account to another, or, if it cannot,
// changes nothing and says why.
func (b *Bank) Transfer(from, to string, amount int) error {
	if amount <= 0 {
		return fmt.Errorf("%w: %d", ErrInvalidAmount, amount)
	}
	if from == to {
		return fmt.Errorf("%w: %q", ErrSameAccount, from)
	}
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

// Total returns the sum of all balances.
func (b *Bank) Total() int {
	sum := 0
	for _, amount := range b.balances {
		sum += amount
	}
	return sum
}
