// Wrong: Transfer takes the lock, but Balance and Total read the balances without it, so every read races with the transfers.
// Fails: TestConcurrentTransfersKeepMoney

// Package bank keeps accounts and moves money between them.
package bank

import (
	"errors"
	"fmt"
	"sync"
)

var (
	ErrUnknownAccount    = errors.New("unknown account")
	ErrInsufficientFunds = errors.New("insufficient funds")
	ErrInvalidAmount     = errors.New("invalid amount: must be positive")
	ErrSameAccount       = errors.New("cannot transfer from an account to itself")
)

type Bank struct {
	mu       sync.Mutex
	balances map[string]int // guarded by mu, in Transfer
}

func New(balances map[string]int) *Bank {
	own := make(map[string]int, len(balances))
	for name, amount := range balances {
		own[name] = amount
	}
	return &Bank{balances: own}
}

// Balance only reads, so it takes no lock.
func (b *Bank) Balance(name string) (int, error) {
	amount, ok := b.balances[name]
	if !ok {
		return 0, fmt.Errorf("%w: %q", ErrUnknownAccount, name)
	}
	return amount, nil
}

func (b *Bank) Transfer(from, to string, amount int) error {
	if amount <= 0 {
		return fmt.Errorf("%w: %d", ErrInvalidAmount, amount)
	}
	if from == to {
		return fmt.Errorf("%w: %q", ErrSameAccount, from)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
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

// Total only reads, so it takes no lock.
func (b *Bank) Total() int {
	sum := 0
	for _, amount := range b.balances {
		sum += amount
	}
	return sum
}
