package runner

import (
	"context"
	"log/slog"
	"runtime"
	"sync"
	"time"
)

// A Pool keeps sandbox children started and warm, so that a run does not
// wait for one: the site and the checker run many programs, and starting
// a child is most of the time of a small one. Children are never reused:
// each runs one program and ends.
//
// A Pool is fit for a server: it runs at most MaxRuns programs at once
// (more wait their turn, or give up when their context ends), so a burst
// of requests never starts children without bound; a child that fails to
// start is started again after a pause that doubles with each failure
// (from 100 ms to 10 s), and each failure is logged; Close waits for the
// children being started.
type Pool struct {
	size int
	runs chan struct{} // a token for each run going on
	log  *slog.Logger

	mu      sync.Mutex
	changed *sync.Cond       // a child became ready, or failed to
	idle    map[bool][]*proc // by race detection
	filling map[bool]int     // children being started
	closed  bool
	done    chan struct{} // closed by Close
	starts  sync.WaitGroup
	// removals are the directories of ended runs being removed.
	removals sync.WaitGroup
}

// A PoolOption configures a Pool.
type PoolOption func(*Pool)

// MaxRuns sets how many programs a pool runs at once; the default is four
// for each processor.
func MaxRuns(n int) PoolOption {
	return func(p *Pool) {
		if n > 0 {
			p.runs = make(chan struct{}, n)
		}
	}
}

// PoolLog sets where a pool says what went wrong starting children; the
// default is slog's default logger.
func PoolLog(l *slog.Logger) PoolOption {
	return func(p *Pool) {
		if l != nil {
			p.log = l
		}
	}
}

// The pauses between failed starts of a child.
const (
	firstBackoff = 100 * time.Millisecond
	maxBackoff   = 10 * time.Second
)

// NewPool returns a pool keeping size children ready for each kind of run
// it is asked for (with and without the race detector); it starts the
// first ones without the race detector at once.
func NewPool(size int, opts ...PoolOption) *Pool {
	p := &Pool{
		size:    max(size, 1),
		runs:    make(chan struct{}, 4*runtime.NumCPU()),
		log:     slog.Default(),
		idle:    map[bool][]*proc{},
		filling: map[bool]int{},
		done:    make(chan struct{}),
	}
	for _, o := range opts {
		o(p)
	}
	p.changed = sync.NewCond(&p.mu)
	p.mu.Lock()
	p.refill(false)
	p.mu.Unlock()
	return p
}

// Run is runner.Run with a child from the pool. It waits for its turn
// when the pool runs MaxRuns programs already; the wait ends with ctx.
//
// The pool starts the next child when the run is over, not while it runs:
// warming a child takes a processor for a few milliseconds, which the run
// would otherwise wait for on a small machine.
func (p *Pool) Run(ctx context.Context, prog Program, opts Options) (*Result, error) {
	select {
	case p.runs <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-p.runs }()
	defer func() {
		p.mu.Lock()
		p.refill(opts.Race)
		p.mu.Unlock()
	}()
	r, err := newRun(ctx, prog, opts, p)
	if err != nil {
		return nil, err
	}
	return r.wait(), nil
}

// get takes a ready child, or waits for the one being started, which is
// sooner ready than a child started now (and on a small machine, starting
// a second would only slow the first down); with none ready or coming, it
// starts one.
func (p *Pool) get(race bool) (*proc, error) {
	p.mu.Lock()
	for len(p.idle[race]) == 0 && p.filling[race] > 0 && !p.closed {
		p.changed.Wait()
	}
	var c *proc
	if n := len(p.idle[race]); n > 0 {
		c = p.idle[race][n-1]
		p.idle[race] = p.idle[race][:n-1]
	}
	p.mu.Unlock()
	if c != nil {
		return c, nil
	}
	return startChild(race, false)
}

// startChild starts a child; tests replace it to make starting fail.
var startChild = spawn

// refill starts children until the pool has size of them; p.mu is held.
func (p *Pool) refill(race bool) {
	for !p.closed && len(p.idle[race])+p.filling[race] < p.size {
		p.filling[race]++
		p.starts.Add(1)
		go p.start(race)
	}
}

// start starts one child for the pool, again and again with a growing
// pause while starting fails, until it is ready or the pool is closed.
// While it pauses, the child does not count as being started: a run then
// starts its own.
func (p *Pool) start(race bool) {
	defer p.starts.Done()
	backoff := firstBackoff
	for {
		c, err := startChild(race, true)
		if err == nil {
			if err = c.waitReady(); err != nil {
				c.discard()
			}
		}
		p.mu.Lock()
		p.filling[race]--
		p.changed.Broadcast()
		if err == nil && !p.closed {
			p.idle[race] = append(p.idle[race], c)
			p.mu.Unlock()
			return
		}
		closed := p.closed
		p.mu.Unlock()
		if err == nil {
			c.discard() // the pool closed while it started
		}
		if closed {
			return
		}
		p.log.Error("runner: a sandbox child failed to start; trying again", "race", race, "err", err, "in", backoff)
		select {
		case <-time.After(backoff):
		case <-p.done:
			return
		}
		backoff = min(2*backoff, maxBackoff)
		p.mu.Lock()
		if p.closed {
			p.mu.Unlock()
			return
		}
		p.filling[race]++
		p.mu.Unlock()
	}
}

// Close stops the children waiting in the pool, and waits for those being
// started, which it stops too. Runs going on are not stopped.
func (p *Pool) Close() {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return
	}
	p.closed = true
	close(p.done)
	p.changed.Broadcast()
	idle := p.idle
	p.idle = map[bool][]*proc{}
	p.mu.Unlock()
	for _, procs := range idle {
		for _, c := range procs {
			c.discard()
		}
	}
	p.starts.Wait()
	p.removals.Wait()
}
