package bank_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"bank"
)

// A race condition that is not a data race shows only when goroutines
// happen to interleave in the wrong place, so the concurrent tests below
// keep their goroutines at work for a while (each for at least spell, and
// at least a few hundred operations) rather than for a fixed number of
// rounds: on a busy machine or in a slow interpreter, it is time, not the
// number of rounds, that gives the scheduler its chances.
const spell = 60 * time.Millisecond

// run starts n goroutines, releases them together, and has goroutine g
// call step(g) over and over, until it has done so at least min times and
// for at least d, or until step returns false. It returns once all have
// stopped.
func run(n, min int, d time.Duration, step func(g int) bool) {
	release := make(chan struct{})
	var wg sync.WaitGroup
	for g := range n {
		wg.Go(func() {
			<-release
			t0 := time.Now()
			for i := 0; i < min || time.Since(t0) < d; i++ {
				if !step(g) {
					return
				}
			}
		})
	}
	close(release)
	wg.Wait() // a deadlock, if the goroutines wait for each other, shows here
}

// balances returns the balance of every named account, failing the test
// if one cannot be read.
func balances(t *testing.T, b *bank.Bank, names []string) map[string]int {
	t.Helper()
	got := make(map[string]int, len(names))
	for _, name := range names {
		v, err := b.Balance(name)
		if err != nil {
			t.Fatalf("Balance(%q) returned the error %v; want the balance of an account the bank was created with", name, err)
		}
		got[name] = v
	}
	return got
}

// sameBalances fails the test if b's balances differ from want.
func sameBalances(t *testing.T, b *bank.Bank, want map[string]int, after string) {
	t.Helper()
	for name, w := range want {
		v, err := b.Balance(name)
		if err != nil || v != w {
			t.Fatalf("after %s, Balance(%q) = %d, %v; want %d, nil", after, name, v, err, w)
		}
	}
}

func sum(m map[string]int) int {
	s := 0
	for _, v := range m {
		s += v
	}
	return s
}

func TestNewCopiesBalances(t *testing.T) {
	a, b := 10+rand.IntN(90), 10+rand.IntN(90)
	m := map[string]int{"ann": a, "bob": b}
	bk := bank.New(m)
	// The caller goes on using its map.
	m["ann"] = 1_000_000
	delete(m, "bob")
	m["eve"] = 500
	sameBalances(t, bk, map[string]int{"ann": a, "bob": b}, fmt.Sprintf(`New(map{"ann": %d, "bob": %d}), then changing the caller's map (ann set to 1000000, bob deleted, eve added); the bank must keep a copy of its own`, a, b))
	if _, err := bk.Balance("eve"); !errors.Is(err, bank.ErrUnknownAccount) {
		t.Fatalf(`after New(map{"ann": %d, "bob": %d}) and then adding "eve" to the caller's map, Balance("eve") returned the error %v; want ErrUnknownAccount: the bank must keep a copy of the map, not the caller's map itself`, a, b, err)
	}
	if got := bk.Total(); got != a+b {
		t.Fatalf(`after New(map{"ann": %d, "bob": %d}) and changes to the caller's map, Total() = %d; want %d`, a, b, got, a+b)
	}
}

func TestBalance(t *testing.T) {
	want := map[string]int{"ann": rand.IntN(100), "bob": 100 + rand.IntN(100), "cy": 0}
	b := bank.New(want)
	for name, w := range want {
		if v, err := b.Balance(name); v != w || err != nil {
			t.Errorf("Balance(%q) = %d, %v; want %d, nil (the bank was created with %v)", name, v, err, w, want)
		}
	}
	if _, err := b.Balance("zed"); !errors.Is(err, bank.ErrUnknownAccount) {
		t.Errorf("Balance(%q) of an account the bank does not have returned the error %v; want ErrUnknownAccount (checked with errors.Is)", "zed", err)
	}
	if got, w := b.Total(), sum(want); got != w {
		t.Errorf("Total() = %d for a bank created with %v; want %d", got, want, w)
	}
}

func TestTransferMovesMoney(t *testing.T) {
	a, c := 50+rand.IntN(50), rand.IntN(20)
	b := bank.New(map[string]int{"ann": a, "bob": 0, "cy": c})
	x := 1 + rand.IntN(a-1)
	if err := b.Transfer("ann", "bob", x); err != nil {
		t.Fatalf("Transfer(ann, bob, %d) with ann at %d returned the error %v; want nil", x, a, err)
	}
	sameBalances(t, b, map[string]int{"ann": a - x, "bob": x, "cy": c}, fmt.Sprintf("Transfer(ann, bob, %d) with ann at %d and bob at 0", x, a))

	// All that is left, down to 0, may go.
	if err := b.Transfer("ann", "cy", a-x); err != nil {
		t.Fatalf("Transfer(ann, cy, %d) with ann at exactly %d returned the error %v; want nil: an account may send all it has", a-x, a-x, err)
	}
	sameBalances(t, b, map[string]int{"ann": 0, "bob": x, "cy": c + a - x}, fmt.Sprintf("Transfer(ann, cy, %d) with ann at %d", a-x, a-x))

	// More than is there may not.
	err := b.Transfer("bob", "ann", x+1)
	if !errors.Is(err, bank.ErrInsufficientFunds) {
		t.Fatalf("Transfer(bob, ann, %d) with bob at %d returned the error %v; want ErrInsufficientFunds", x+1, x, err)
	}
	sameBalances(t, b, map[string]int{"ann": 0, "bob": x, "cy": c + a - x}, fmt.Sprintf("a Transfer(bob, ann, %d) that failed with bob at %d", x+1, x))
	if got := b.Total(); got != a+c {
		t.Fatalf("Total() = %d after transfers in a bank created with %d in all; want %d", got, a+c, a+c)
	}
}

func TestTransferRejectsBadRequests(t *testing.T) {
	start := map[string]int{"ann": 10 + rand.IntN(90), "bob": 10 + rand.IntN(90)}
	b := bank.New(start)
	neg := -1 - rand.IntN(50)
	cases := []struct {
		from, to string
		amount   int
		want     error
		name     string
	}{
		{"ann", "bob", 0, bank.ErrInvalidAmount, "ErrInvalidAmount"},
		{"ann", "bob", neg, bank.ErrInvalidAmount, "ErrInvalidAmount"},
		{"bob", "ann", neg, bank.ErrInvalidAmount, "ErrInvalidAmount"},
		{"ann", "ann", 1, bank.ErrSameAccount, "ErrSameAccount"},
		{"bob", "bob", start["bob"] + 1, bank.ErrSameAccount, "ErrSameAccount"},
		{"ann", "zed", 1, bank.ErrUnknownAccount, "ErrUnknownAccount"},
		{"zed", "bob", 1, bank.ErrUnknownAccount, "ErrUnknownAccount"},
	}
	for _, c := range cases {
		err := b.Transfer(c.from, c.to, c.amount)
		if !errors.Is(err, c.want) {
			t.Errorf("Transfer(%q, %q, %d) with ann at %d and bob at %d returned the error %v; want %s (checked with errors.Is)",
				c.from, c.to, c.amount, start["ann"], start["bob"], err, c.name)
		}
		sameBalances(t, b, start, fmt.Sprintf("a Transfer(%q, %q, %d) that should have failed", c.from, c.to, c.amount))
	}
}

func TestOppositeTransfersDoNotDeadlock(t *testing.T) {
	// Balances large enough that every transfer succeeds, so the final
	// balances are known. Half the goroutines send one way, half the other.
	const rich = 10_000_000
	start := map[string]int{"ann": rich, "bob": rich, "cy": rich, "dee": rich}
	b := bank.New(start)
	type route struct{ from, to string }
	var routes []route
	for range 8 {
		routes = append(routes, route{"ann", "bob"}, route{"bob", "ann"}, route{"cy", "dee"}, route{"dee", "cy"})
	}
	sent := make([]int, len(routes)) // sent[g] is written by goroutine g only
	problems := make(chan string, len(routes))
	run(len(routes), 200, 2*spell, func(g int) bool {
		r := routes[g]
		x := 1 + rand.IntN(5)
		if err := b.Transfer(r.from, r.to, x); err != nil {
			problems <- fmt.Sprintf("Transfer(%q, %q, %d) returned the error %v; want nil (both accounts hold millions)", r.from, r.to, x, err)
			return false
		}
		sent[g] += x
		return true
	})
	close(problems)
	for p := range problems {
		t.Fatal(p)
	}
	want := map[string]int{}
	for name, v := range start {
		want[name] = v
	}
	for g, r := range routes {
		want[r.from] -= sent[g]
		want[r.to] += sent[g]
	}
	sameBalances(t, b, want, fmt.Sprintf("%d goroutines made transfers between ann and bob, and between cy and dee, in both directions at once", len(routes)))
}

func TestConcurrentTransfersKeepMoney(t *testing.T) {
	// Small balances and many transfers: accounts run dry all the time, and
	// many transfers fail with ErrInsufficientFunds. The ones that succeed
	// must add up, and no balance may ever go below 0.
	names := []string{"ann", "bob", "cy", "dee", "eve"}
	start := map[string]int{}
	for _, name := range names {
		start[name] = 3 + rand.IntN(8)
	}
	b := bank.New(start)
	const movers, watchers = 8, 2
	type flow struct{ in, out map[string]int }
	flows := make([]flow, movers) // flows[g] is written by goroutine g only
	for g := range flows {
		flows[g] = flow{map[string]int{}, map[string]int{}}
	}
	problems := make(chan string, movers+watchers)
	run(movers+watchers, 200, spell, func(g int) bool {
		if g >= movers { // a watcher
			name := names[rand.IntN(len(names))]
			if v, err := b.Balance(name); err != nil || v < 0 {
				problems <- fmt.Sprintf("during concurrent transfers, Balance(%q) = %d, %v; want a balance of 0 or more, and no error: a transfer overdrew the account", name, v, err)
				return false
			}
			return true
		}
		from, to := names[rand.IntN(len(names))], names[rand.IntN(len(names))]
		if from == to {
			return true
		}
		x := 1 + rand.IntN(4)
		err := b.Transfer(from, to, x)
		switch {
		case err == nil:
			flows[g].out[from] += x
			flows[g].in[to] += x
		case !errors.Is(err, bank.ErrInsufficientFunds):
			problems <- fmt.Sprintf("Transfer(%q, %q, %d) returned the error %v; want nil or ErrInsufficientFunds", from, to, x, err)
			return false
		}
		return true
	})
	close(problems)
	for p := range problems {
		t.Fatal(p)
	}
	got := balances(t, b, names)
	for _, name := range names {
		if got[name] < 0 {
			t.Fatalf("after %d goroutines made random transfers between accounts starting at %v, Balance(%q) = %d; want no account below 0: two transfers both saw enough money, and both took it", movers, start, name, got[name])
		}
	}
	for _, name := range names {
		want := start[name]
		for _, f := range flows {
			want += f.in[name] - f.out[name]
		}
		if got[name] != want {
			t.Fatalf("after %d goroutines made random transfers between accounts starting at %v, Balance(%q) = %d; want %d, its starting balance plus what the successful transfers brought in minus what they sent out (all accounts now %v)",
				movers, start, name, got[name], want, got)
		}
	}
	if tot := b.Total(); tot != sum(start) {
		t.Fatalf("after %d goroutines made random transfers, Total() = %d; want %d, the money the bank started with", movers, tot, sum(start))
	}
}

func TestNoOverdraftUnderContention(t *testing.T) {
	// The vault holds an amount, and a crowd of goroutines keeps trying to
	// take all of it at once. Whoever gets it gives it back, so the next
	// one can try. Only one may ever hold it at a time. Meanwhile auditors
	// keep adding up the bank.
	const movers, auditors = 12, 2
	all := 10 + rand.IntN(90)
	start := map[string]int{"vault": all}
	for g := range movers {
		start[fmt.Sprint("m", g)] = 0
	}
	b := bank.New(start)
	var holders atomic.Int32
	problems := make(chan string, movers+auditors)
	run(movers+auditors, 200, 2*spell, func(g int) bool {
		if g >= movers { // an auditor
			if got := b.Total(); got != sum(start) {
				problems <- fmt.Sprintf("during concurrent transfers, Total() = %d; want %d", got, sum(start))
				return false
			}
			return true
		}
		me := fmt.Sprint("m", g)
		err := b.Transfer("vault", me, all)
		if errors.Is(err, bank.ErrInsufficientFunds) {
			return true
		}
		if err != nil {
			problems <- fmt.Sprintf("Transfer(%q, %q, %d) returned the error %v; want nil or ErrInsufficientFunds", "vault", me, all, err)
			return false
		}
		// This goroutine took the whole vault: nobody else may have it now.
		if n := holders.Add(1); n > 1 {
			problems <- fmt.Sprintf("the vault held %d and goroutines kept calling Transfer(vault, ..., %d) at once: %d of them succeeded without the money having come back in between. Checking the balance and taking the money must happen in one critical section", all, all, n)
			return false
		}
		v, err := b.Balance("vault")
		runtime.Gosched()
		holders.Add(-1)
		if v != 0 || err != nil {
			problems <- fmt.Sprintf("right after Transfer(vault, %s, %d) took everything the vault held, Balance(vault) = %d, %v; want 0, nil", me, all, v, err)
			return false
		}
		if err := b.Transfer(me, "vault", all); err != nil {
			problems <- fmt.Sprintf("Transfer(%q, %q, %d) giving the money back returned the error %v; want nil", me, "vault", all, err)
			return false
		}
		return true
	})
	close(problems)
	for p := range problems {
		t.Fatal(p)
	}
	if v, _ := b.Balance("vault"); v != all {
		t.Fatalf("after the crowd was done, Balance(vault) = %d; want %d, what it started with (every mover gave back what it took)", v, all)
	}
}

func TestTotalDuringTransfers(t *testing.T) {
	names := []string{"ann", "bob", "cy", "dee", "eve", "fay"}
	start := map[string]int{}
	for _, name := range names {
		start[name] = 50 + rand.IntN(50)
	}
	want := sum(start)
	b := bank.New(start)
	const movers, auditors = 6, 2
	problems := make(chan string, auditors)
	run(movers+auditors, 200, 2*spell, func(g int) bool {
		if g >= movers { // an auditor
			if got := b.Total(); got != want {
				problems <- fmt.Sprintf("Total() = %d while %d goroutines made transfers; want %d, always: money only moves, so the total never changes. A Total that adds up the accounts one at a time can count a transfer half done",
					got, movers, want)
				return false
			}
			return true
		}
		from, to := names[rand.IntN(len(names))], names[rand.IntN(len(names))]
		if from != to {
			b.Transfer(from, to, 1+rand.IntN(20))
		}
		return true
	})
	close(problems)
	for p := range problems {
		t.Fatal(p)
	}
	if got := b.Total(); got != want {
		t.Fatalf("Total() = %d after concurrent transfers in a bank that started with %d; want %d", got, want, want)
	}
}
