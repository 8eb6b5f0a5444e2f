// Package iter is the interpreter's implementation of the standard iter
// package. Pull runs the sequence on a goroutine and hands values over
// channels, where the compiled runtime uses coroutines: the observable
// behaviour is the same, and so are the happens-before edges the race
// detector sees.
package iter

// Seq is an iterator over sequences of individual values.
type Seq[V any] func(yield func(V) bool)

// Seq2 is an iterator over sequences of pairs of values.
type Seq2[K, V any] func(yield func(K, V) bool)

// Pull converts the push-style iterator seq into a pull-style iterator.
func Pull[V any](seq Seq[V]) (func() (V, bool), func()) {
	p := newPuller()
	var cur V
	run := func() {
		seq(func(v V) bool {
			cur = v
			return p.yield()
		})
	}
	next := func() (V, bool) {
		var zero V
		if !p.next(run) {
			return zero, false
		}
		v := cur
		cur = zero
		return v, true
	}
	return next, p.stop
}

// Pull2 converts the push-style iterator seq into a pull-style iterator.
func Pull2[K, V any](seq Seq2[K, V]) (func() (K, V, bool), func()) {
	p := newPuller()
	var ck K
	var cv V
	run := func() {
		seq(func(k K, v V) bool {
			ck, cv = k, v
			return p.yield()
		})
	}
	next := func() (K, V, bool) {
		var zk K
		var zv V
		if !p.next(run) {
			return zk, zv, false
		}
		k, v := ck, cv
		ck, cv = zk, zv
		return k, v, true
	}
	return next, p.stop
}

// puller is the hand-off between the caller of next and the goroutine
// running the sequence: resume carries "go on" (true) or "stop" (false) to
// the sequence, back carries "a value is ready" (true) or "finished"
// (false) to the caller.
type puller struct {
	resume   chan bool
	back     chan bool
	started  bool
	done     bool
	stopping bool
	panicked any
}

func newPuller() *puller {
	return &puller{resume: make(chan bool), back: make(chan bool)}
}

func (p *puller) next(run func()) bool {
	if p.done {
		return false
	}
	if !p.started {
		p.started = true
		go p.body(run)
	}
	p.resume <- true
	if <-p.back {
		return true
	}
	p.finish()
	return false
}

func (p *puller) body(run func()) {
	defer func() {
		if r := recover(); r != nil {
			p.panicked = r
		}
		p.back <- false
	}()
	if !<-p.resume {
		return
	}
	run()
}

func (p *puller) yield() bool {
	if p.stopping {
		panic("iter.Pull: yield called after stop")
	}
	p.back <- true
	if <-p.resume {
		return true
	}
	p.stopping = true
	return false
}

func (p *puller) stop() {
	if p.done {
		return
	}
	if !p.started {
		p.done = true
		return
	}
	p.resume <- false
	<-p.back
	p.finish()
}

func (p *puller) finish() {
	p.done = true
	if r := p.panicked; r != nil {
		p.panicked = nil
		panic(r)
	}
}
