// Wrong: each account has its own lock and Transfer takes the sender's, then the receiver's, so two opposite transfers can each hold one lock and wait forever for the other.
// Fails: TestOppositeTransfersDoNotDeadlock

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
	// The sender's lock, then the receiver's: a transfer the other way
	// takes the same two locks in the opposite order.
	src.mu.Lock()
	defer src.mu.Unlock()
	dst.mu.Lock()
	defer dst.mu.Unlock()
	if src.balance < amount {
		return fmt.Errorf("%w: %q has %d, cannot send %d", ErrInsufficientFunds, from, src.balance, amount)
	}
	src.balance -= amount
	dst.balance += amount
	return nil
}

// Total locks every account, in the same order as Transfer, then adds up.
func (b *Bank) Total() int {
	for _, name := range b.names {
		b.accounts[name].mu.Lock()
	}
	sum := 0
	for _, name := range b.names {
		sum += b.accounts[name].balance
		b.accounts[name].mu.Unlock()
	}
	return sum
}
