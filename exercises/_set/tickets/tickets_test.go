package tickets_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"tickets"
)

// patience is how long a test waits for a Book that should return at once,
// while another customer's payment is under way.
const patience = 2 * time.Second

var errDeclined = errors.New("card declined")

// payer returns a pay function that counts its calls, and returns err.
func payer(calls *atomic.Int32, err error) func() error {
	return func() error {
		calls.Add(1)
		return err
	}
}

// checkOwner fails the test unless Owner(seat) returns who, ok.
func checkOwner(t *testing.T, th *tickets.Theater, seat int, who string, ok bool, after string) {
	t.Helper()
	if w, o := th.Owner(seat); w != who || o != ok {
		t.Fatalf("after %s, Owner(%d) = %q, %v; want %q, %v", after, seat, w, o, who, ok)
	}
}

// checkFree fails the test unless Free() returns want.
func checkFree(t *testing.T, th *tickets.Theater, want int, after string) {
	t.Helper()
	if got := th.Free(); got != want {
		t.Fatalf("after %s, Free() = %d; want %d", after, got, want)
	}
}

func TestBookAndOwner(t *testing.T) {
	n := 3 + rand.IntN(10)
	th := tickets.New(n)
	checkFree(t, th, n, fmt.Sprintf("New(%d)", n))
	for seat := range n {
		checkOwner(t, th, seat, "", false, fmt.Sprintf("New(%d)", n))
	}

	a := rand.IntN(n)
	b := (a + 1 + rand.IntN(n-1)) % n // another seat
	var annPaid, bobPaid atomic.Int32
	if err := th.Book(a, "ann", payer(&annPaid, nil)); err != nil {
		t.Fatalf("Book(%d, ann, pay) on a free seat of New(%d) returned the error %v; want nil", a, n, err)
	}
	if c := annPaid.Load(); c != 1 {
		t.Fatalf("Book(%d, ann, pay) on a free seat called pay %d times; want once", a, c)
	}
	checkOwner(t, th, a, "ann", true, fmt.Sprintf("Book(%d, ann, pay) succeeded", a))
	checkFree(t, th, n-1, fmt.Sprintf("New(%d) and one booking", n))

	for _, who := range []string{"bob", "ann"} {
		bobPaid.Store(0)
		err := th.Book(a, who, payer(&bobPaid, nil))
		if !errors.Is(err, tickets.ErrTaken) {
			t.Fatalf("Book(%d, %s, pay) on the seat ann booked returned the error %v; want ErrTaken (checked with errors.Is)", a, who, err)
		}
		if c := bobPaid.Load(); c != 0 {
			t.Fatalf("Book(%d, %s, pay) on the seat ann booked called pay %d times; want no call: nobody pays for a seat they cannot have", a, who, c)
		}
		checkOwner(t, th, a, "ann", true, fmt.Sprintf("a Book(%d, %s, pay) that failed with ErrTaken", a, who))
	}

	bobPaid.Store(0)
	if err := th.Book(b, "bob", payer(&bobPaid, nil)); err != nil {
		t.Fatalf("Book(%d, bob, pay) on a free seat returned the error %v; want nil", b, err)
	}
	checkOwner(t, th, b, "bob", true, fmt.Sprintf("Book(%d, bob, pay) succeeded", b))
	checkFree(t, th, n-2, fmt.Sprintf("New(%d) and two bookings", n))

	for _, seat := range []int{-1, n, n + 1 + rand.IntN(50), -1 - rand.IntN(50)} {
		var paid atomic.Int32
		err := th.Book(seat, "cy", payer(&paid, nil))
		if !errors.Is(err, tickets.ErrNoSuchSeat) {
			t.Fatalf("Book(%d, cy, pay) in a theater of %d seats (0 to %d) returned the error %v; want ErrNoSuchSeat", seat, n, n-1, err)
		}
		if c := paid.Load(); c != 0 {
			t.Fatalf("Book(%d, cy, pay) for a seat that does not exist called pay %d times; want no call", seat, c)
		}
		checkOwner(t, th, seat, "", false, fmt.Sprintf("Book(%d, cy, pay) in a theater of %d seats", seat, n))
	}
	checkFree(t, th, n-2, fmt.Sprintf("New(%d), two bookings and a few for seats that do not exist", n))
}

func TestFailedPaymentGivesSeatBack(t *testing.T) {
	n := 3 + rand.IntN(10)
	th := tickets.New(n)
	seat := rand.IntN(n)
	var paid atomic.Int32
	err := th.Book(seat, "ann", payer(&paid, errDeclined))
	if !errors.Is(err, errDeclined) {
		t.Fatalf("Book(%d, ann, pay) where pay returns the error %q returned the error %v; want pay's error", seat, errDeclined, err)
	}
	if c := paid.Load(); c != 1 {
		t.Fatalf("Book(%d, ann, pay) on a free seat called pay %d times; want once", seat, c)
	}
	after := fmt.Sprintf("Book(%d, ann, pay) whose payment failed", seat)
	checkOwner(t, th, seat, "", false, after)
	checkFree(t, th, n, after)

	if err := th.Book(seat, "bob", payer(&paid, nil)); err != nil {
		t.Fatalf("after ann's payment for seat %d failed, Book(%d, bob, pay) returned the error %v; want nil: the seat is free again", seat, seat, err)
	}
	after = fmt.Sprintf("ann's payment for seat %d failed and bob then booked it", seat)
	checkOwner(t, th, seat, "bob", true, after)
	checkFree(t, th, n-1, after)
}

// payingAnn starts Book(seat, "ann", pay) in a goroutine of its own, and
// returns once pay has been called. Ann's payment goes on until release is
// closed; then it returns result. Book's error arrives on done.
func payingAnn(th *tickets.Theater, seat int, result error) (release chan struct{}, done chan error) {
	paying := make(chan struct{})
	release, done = make(chan struct{}), make(chan error, 1)
	go func() {
		done <- th.Book(seat, "ann", func() error {
			close(paying)
			<-release
			return result
		})
	}()
	<-paying
	return release, done
}

func TestSecondCustomerWhilePaying(t *testing.T) {
	for _, annPays := range []bool{true, false} {
		n := 3 + rand.IntN(20)
		th := tickets.New(n)
		seat := rand.IntN(n)
		result := error(nil)
		if !annPays {
			result = errDeclined
		}
		release, annDone := payingAnn(th, seat, result)

		// Ann is paying for the seat. Bob tries to book it.
		bobPaying := make(chan struct{})
		bobDone := make(chan error, 1)
		go func() {
			bobDone <- th.Book(seat, "bob", func() error {
				close(bobPaying)
				return nil
			})
		}()
		bobReturned := false
		select {
		case <-bobPaying:
			t.Errorf("while ann was paying for seat %d, Book(%d, bob, pay) called bob's pay too: both customers found the seat free, and both will get it. "+
				"Checking that the seat is free and taking it must happen in one critical section, before anyone pays", seat, seat)
		case err := <-bobDone:
			bobReturned = true
			if !errors.Is(err, tickets.ErrTaken) {
				t.Errorf("while ann was paying for seat %d, Book(%d, bob, pay) returned the error %v; want ErrTaken: the seat is ann's from the moment her Book took it", seat, seat, err)
			}
		case <-time.After(patience):
			t.Errorf("while ann was paying for seat %d, Book(%d, bob, pay) had not returned after %v; want ErrTaken at once. "+
				"Does Book hold a lock while pay runs? Then every other customer waits for ann's payment", seat, seat, patience)
		}
		close(release)
		if err := <-annDone; !errors.Is(err, result) {
			t.Errorf("Book(%d, ann, pay), with bob trying for the same seat during ann's payment, returned the error %v; want %v", seat, err, result)
		}
		if !bobReturned {
			<-bobDone
		}
		if t.Failed() {
			return
		}
		if annPays {
			after := fmt.Sprintf("ann paid for seat %d and bob's Book(%d) in the meantime failed", seat, seat)
			checkOwner(t, th, seat, "ann", true, after)
			checkFree(t, th, n-1, after)
		} else {
			after := fmt.Sprintf("bob's Book(%d) failed while ann was paying for it, then her payment failed", seat)
			checkOwner(t, th, seat, "", false, after)
			checkFree(t, th, n, after)
		}
	}
}

func TestSeatsBookInParallel(t *testing.T) {
	n := 3 + rand.IntN(20)
	th := tickets.New(n)
	a := rand.IntN(n)
	b := (a + 1 + rand.IntN(n-1)) % n // another seat
	release, annDone := payingAnn(th, a, nil)
	defer func() {
		close(release)
		<-annDone
	}()

	// Ann is paying for seat a. Bob books seat b, and pays at once.
	bobDone := make(chan error, 1)
	go func() {
		bobDone <- th.Book(b, "bob", func() error { return nil })
	}()
	select {
	case err := <-bobDone:
		if err != nil {
			t.Fatalf("while ann was paying for seat %d, Book(%d, bob, pay) for another, free seat returned the error %v; want nil", a, b, err)
		}
	case <-time.After(patience):
		t.Fatalf("while ann was paying for seat %d, Book(%d, bob, pay) for another seat had not returned after %v; want it to go ahead at once. "+
			"Hold no lock while pay runs: take the seat under the lock, unlock, then pay", a, b, patience)
	}

	// Owner and Free do not wait for ann's payment either, and count her
	// seat as taken.
	answer := make(chan string, 1)
	go func() {
		who, ok := th.Owner(a)
		answer <- fmt.Sprintf("Owner(%d) = %q, %v; Free() = %d", a, who, ok, th.Free())
	}()
	select {
	case got := <-answer:
		if want := fmt.Sprintf("Owner(%d) = %q, %v; Free() = %d", a, "ann", true, n-2); got != want {
			t.Fatalf("while ann was paying for seat %d of %d and bob had booked seat %d: %s; want %s (a seat being paid for is taken)", a, n, b, got, want)
		}
	case <-time.After(patience):
		t.Fatalf("while ann was paying for seat %d, Owner(%d) and Free() had not returned after %v; want an answer at once: hold no lock while pay runs", a, a, patience)
	}
}

func TestRushForSeats(t *testing.T) {
	// Customers rush in together and each tries every seat, in the same
	// order. A payment yields to the other goroutines and, now and then,
	// fails.
	n := 20 + rand.IntN(20)
	th := tickets.New(n)
	const customers = 8
	type attempt struct {
		err  error
		paid int32
	}
	tries := make([][]attempt, customers) // tries[c][seat], written by customer c only
	release := make(chan struct{})
	var wg sync.WaitGroup
	for c := range customers {
		tries[c] = make([]attempt, n)
		wg.Go(func() {
			<-release
			who := fmt.Sprint("c", c)
			for seat := range n {
				var paid atomic.Int32
				decline := rand.IntN(5) == 0
				err := th.Book(seat, who, func() error {
					paid.Add(1)
					runtime.Gosched() // paying takes a while
					if decline {
						return errDeclined
					}
					return nil
				})
				tries[c][seat] = attempt{err, paid.Load()}
			}
		})
	}
	close(release)
	wg.Wait()

	booked := 0
	for seat := range n {
		var winners []string
		for c := range customers {
			a := tries[c][seat]
			switch {
			case a.err == nil && a.paid == 1:
				winners = append(winners, fmt.Sprint("c", c))
			case errors.Is(a.err, errDeclined) && a.paid == 1:
			case errors.Is(a.err, tickets.ErrTaken) && a.paid == 0:
			default:
				t.Fatalf("%d customers rushed to book the seats of New(%d): Book(%d, c%d, pay) returned the error %v after calling pay %d times; want nil or pay's error after one call, or ErrTaken without a call",
					customers, n, seat, c, a.err, a.paid)
			}
		}
		switch len(winners) {
		case 0:
			checkOwner(t, th, seat, "", false, fmt.Sprintf("%d customers rushed for the seats and no Book(%d) succeeded", customers, seat))
		case 1:
			booked++
			checkOwner(t, th, seat, winners[0], true, fmt.Sprintf("%d customers rushed for the seats and only %s's Book(%d) succeeded", customers, winners[0], seat))
		default:
			t.Fatalf("%d customers rushed to book the seats of New(%d): seat %d was sold %d times, to %v; want at most once. "+
				"Between the check that the seat is free and the moment it is taken, another customer got in", customers, n, seat, len(winners), winners)
		}
	}
	checkFree(t, th, n-booked, fmt.Sprintf("%d customers rushed for the %d seats and %d were booked", customers, n, booked))
}

func TestRushWithInstantPayments(t *testing.T) {
	// Round after round, customers rush for the seats of a new theater, and
	// every payment goes through at once. Nothing in a payment gives another
	// goroutine its turn, so only the goroutines' own timing can catch a
	// Book between its check and its act: the rounds go on for a while.
	const customers, spell = 8, 60 * time.Millisecond
	t0 := time.Now()
	for round := 1; round <= 5 || time.Since(t0) < spell; round++ {
		n := 30 + rand.IntN(30)
		th := tickets.New(n)
		wins := make([][]bool, customers) // wins[c][seat], written by customer c only
		release := make(chan struct{})
		var wg sync.WaitGroup
		for c := range customers {
			wins[c] = make([]bool, n)
			wg.Go(func() {
				<-release
				who := fmt.Sprint("c", c)
				for seat := range n {
					wins[c][seat] = th.Book(seat, who, func() error { return nil }) == nil
				}
			})
		}
		close(release)
		wg.Wait()
		for seat := range n {
			var winners []string
			for c := range customers {
				if wins[c][seat] {
					winners = append(winners, fmt.Sprint("c", c))
				}
			}
			if len(winners) != 1 {
				t.Fatalf("round %d: %d customers rushed for the %d seats of a new theater, every payment went through at once, and seat %d was sold %d times, to %v; want exactly once. "+
					"Between the check that the seat is free and the moment it is taken, another customer got in", round, customers, n, seat, len(winners), winners)
			}
		}
		checkFree(t, th, 0, fmt.Sprintf("round %d, in which %d customers rushed for all %d seats", round, customers, n))
	}
}
