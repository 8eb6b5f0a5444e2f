// Wrong: Book checks that the seat is free in one critical section and takes it in another, after the payment, so two customers can both find the seat free and both get it; the race detector sees nothing.
// Fails: TestSecondCustomerWhilePaying, TestSeatsBookInParallel, TestRushForSeats

// Package tickets sells the seats of a theater to customers who all book
// at the same time.
package tickets

import (
	"errors"
	"fmt"
	"sync"
)

// The errors Book returns, besides the error of a failed payment.
var (
	ErrTaken      = errors.New("seat already taken")
	ErrNoSuchSeat = errors.New("no such seat")
)

// A Theater has seats numbered 0 to seats-1.
//
// Every access to the map below holds the mutex, and the race detector has
// nothing to say about this file. Yet when two customers book the same seat
// at the same time, both can get it. Find out why, and fix it.
type Theater struct {
	seats int // fixed by New: read without the lock

	mu    sync.Mutex
	owner map[int]string // guarded by mu: who has each taken seat
}

// New returns a theater with the given number of seats, all free.
func New(seats int) *Theater {
	return &Theater{seats: seats, owner: make(map[int]string)}
}

// Book books seat for who, once who has paid.
func (t *Theater) Book(seat int, who string, pay func() error) error {
	if seat < 0 || seat >= t.seats {
		return fmt.Errorf("%w: %d (the seats are 0 to %d)", ErrNoSuchSeat, seat, t.seats-1)
	}
	if !t.isFree(seat) {
		return fmt.Errorf("%w: %d", ErrTaken, seat)
	}
	if err := pay(); err != nil { // paying takes a while
		return err
	}
	t.take(seat, who)
	return nil
}

// isFree reports whether nobody has seat.
func (t *Theater) isFree(seat int) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	_, taken := t.owner[seat]
	return !taken
}

// take gives seat to who.
func (t *Theater) take(seat int, who string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.owner[seat] = who
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
