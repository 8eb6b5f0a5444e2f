package site

import (
	"context"
	"errors"
	"sync"
)

// A queue admits runs: slots of them at once, and up to waiting more that
// wait their turn in order. One child per processor keeps a run's time
// limit its own: a program that waits for a processor behind twenty others
// would spend its ten seconds waiting.
type queue struct {
	slots chan struct{}

	mu      sync.Mutex
	waiting int
	max     int
}

// errFull says the queue is full: the client should try again later.
var errFull = errors.New("the workbook is busy running other programs")

func newQueue(slots, waiting int) *queue {
	return &queue{slots: make(chan struct{}, slots), max: waiting}
}

// acquire waits for a slot and returns the function that gives it back. It
// fails at once with errFull when too many wait already, and with ctx's
// error when the client goes away while waiting.
func (q *queue) acquire(ctx context.Context) (release func(), err error) {
	select {
	case q.slots <- struct{}{}:
		return q.release, nil
	default:
	}
	q.mu.Lock()
	if q.waiting >= q.max {
		q.mu.Unlock()
		return nil, errFull
	}
	q.waiting++
	q.mu.Unlock()
	defer func() {
		q.mu.Lock()
		q.waiting--
		q.mu.Unlock()
	}()
	select {
	case q.slots <- struct{}{}:
		return q.release, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func (q *queue) release() { <-q.slots }
