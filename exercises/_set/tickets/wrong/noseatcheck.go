// Wrong: Book does not check the seat number, so seats that do not exist can be booked (and paid for).
// Fails: TestBookAndOwner

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
	if err := t.take(seat, who); err != nil {
		return err
	}
	// The seat is who's now: nobody else can take it while who pays. Pay
	// with no lock held, so that everyone else can go on booking.
	if err := pay(); err != nil {
		t.giveBack(seat)
		return err
	}
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
