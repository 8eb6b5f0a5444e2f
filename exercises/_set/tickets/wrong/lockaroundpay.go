// Wrong: Book holds the lock from the check to the end of the payment, so every other customer, and Owner and Free, wait for one slow payment.
// Fails: TestSecondCustomerWhilePaying, TestSeatsBookInParallel

// Package tickets sells the seats of a theater to customers who all book
// at the same time.
package tickets

import (
	"errors"
	"fmt"
	"sync"
)

// The errors Book returns, besides the error of a failed payment. They may
// come wrapped with more detail: check them with errors.Is.
var (
	ErrTaken      = errors.New("seat already taken")
	ErrNoSuchSeat = errors.New("no such seat")
)

// A Theater has seats numbered 0 to seats-1.
type Theater struct {
	seats int // fixed by New: read without the lock

	mu    sync.Mutex
	owner map[int]string // guarded by mu: who has each taken seat
}

// New returns a theater with the given number of seats, all free.
func New(seats int) *Theater {
	return &Theater{seats: seats, owner: make(map[int]string)}
}

// Book takes seat for who, has who pay, and keeps the seat for who if the
// payment goes through. If the payment fails, the seat is free again, and
// Book returns pay's error.
func (t *Theater) Book(seat int, who string, pay func() error) error {
	if seat < 0 || seat >= t.seats {
		return fmt.Errorf("%w: %d (the seats are 0 to %d)", ErrNoSuchSeat, seat, t.seats-1)
	}
	t.mu.Lock()
	defer t.mu.Unlock() // held while pay runs
	if _, taken := t.owner[seat]; taken {
		return fmt.Errorf("%w: %d", ErrTaken, seat)
	}
	if err := pay(); err != nil {
		return err
	}
	t.owner[seat] = who
	return nil
}

// take checks that seat is free and takes it for who, in one critical
// section: nobody can take the seat between the check and the act.
func (t *Theater) take(seat int, who string) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if owner, taken := t.owner[seat]; taken {
		return fmt.Errorf("%w: seat %d is %s's", ErrTaken, seat, owner)
	}
	t.owner[seat] = who
	return nil
}

// giveBack frees seat again.
func (t *Theater) giveBack(seat int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.owner, seat)
}

// Owner returns who has seat, and whether anyone has it.
func (t *Theater) Owner(seat int) (string, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	who, ok := t.owner[seat]
	return who, ok
}

// Free returns how many seats nobody has.
func (t *Theater) Free() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.seats - len(t.owner)
}
