// Wrong: each account has its own lock and Total adds the accounts up one lock at a time, so a transfer that runs in between is counted half done.
// Fails: TestTotalDuringTransfers

// Package bank keeps accounts and moves money between them.
package bank

import (
	"errors"
	"fmt"
	"slices"
	"sync"
)

var (
	ErrUnknownAccount    = errors.New("unknown account")
	ErrInsufficientFunds = errors.New("insufficient funds")
	ErrInvalidAmount     = errors.New("invalid amount: must be positive")
	ErrSameAccount       = errors.New("cannot transfer from an account to itself")
)

// An account has a lock of its own, so that transfers between different
// accounts do not wait for each other.
type account struct {
	mu      sync.Mutex
	balance int // guarded by mu
}

// A Bank's map is never changed after New, so reading it needs no lock.
type Bank struct {
	accounts map[string]*account
	names    []string // sorted
}

func New(balances map[string]int) *Bank {
	b := &Bank{accounts: make(map[string]*account, len(balances))}
	for name, amount := range balances {
		b.accounts[name] = &account{balance: amount}
		b.names = append(b.names, name)
	}
	slices.Sort(b.names)
	return b
}

func (b *Bank) Balance(name string) (int, error) {
	a, ok := b.accounts[name]
	if !ok {
		return 0, fmt.Errorf("%w: %q", ErrUnknownAccount, name)
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.balance, nil
}

func (b *Bank) Transfer(from, to string, amount int) error {
	if amount <= 0 {
		return fmt.Errorf("%w: %d", ErrInvalidAmount, amount)
	}
	if from == to {
		return fmt.Errorf("%w: %q", ErrSameAccount, from)
	}
	src, ok := b.accounts[from]
	if !ok {
		return fmt.Errorf("%w: %q", ErrUnknownAccount, from)
	}
	dst, ok := b.accounts[to]
	if !ok {
		return fmt.Errorf("%w: %q", ErrUnknownAccount, to)
	}
	// One lock order for everyone: by name.
	first, second := src, dst
	if to < from {
		first, second = dst, src
	}
	first.mu.Lock()
	defer first.mu.Unlock()
	second.mu.Lock()
	defer second.mu.Unlock()
	if src.balance < amount {
		return fmt.Errorf("%w: %q has %d, cannot send %d", ErrInsufficientFunds, from, src.balance, amount)
	}
	src.balance -= amount
	dst.balance += amount
	return nil
}

// Total adds up the accounts one at a time, each under its own lock: a
// transfer can run between two of them.
func (b *Bank) Total() int {
	sum := 0
	for _, name := range b.names {
		a := b.accounts[name]
		a.mu.Lock()
		sum += a.balance
		a.mu.Unlock()
	}
	return sum
}
