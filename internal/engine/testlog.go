package engine

import (
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"workbook/internal/wire"
)

// A grader needs more of each test than its verdict: what it logged, what
// the program printed while it ran, and which test was running when a race,
// a panic or a deadlock happened. The engine records that itself, as the
// tests run, rather than reading it back from the output, which is the
// program's to write.
//
// Tests run one at a time (t.Parallel is not supported), so "the running
// test" is the innermost of the open ones: a subtest runs inside its
// parent.

// A testRecord is what the engine records of one run of one test.
type testRecord struct {
	name   string
	start  time.Time
	log    capped
	output capped
}

// capped is a buffer that keeps the first maxRecord bytes written to it.
type capped struct {
	strings.Builder
	dropped bool
}

const maxRecord = 32 << 10

func (b *capped) add(s string) {
	if room := maxRecord - b.Len(); len(s) > room {
		s, b.dropped = s[:max(room, 0)], true
	}
	b.WriteString(s)
}

func (b *capped) String() string {
	if b.dropped {
		return b.Builder.String() + "\n[… cut at 32 KiB]\n"
	}
	return b.Builder.String()
}

// testLog records the tests of a run. Its lock is taken by the test
// goroutines and by the engine's readers of the program's output; the
// test goroutines run one after another, so the edges it adds between
// them are those the testing package adds too.
type testLog struct {
	c    *child
	mu   sync.Mutex
	open []*testRecord
	tees []*tee
}

// newTestLog starts recording: the program's standard output and error
// (and the testing package's) go through tees from now on.
func (c *child) newTestLog() *testLog {
	tl := &testLog{c: c}
	if out, err := tl.tee(c.stdout); err == nil {
		c.stdout = out
		os.Stdout = out
	}
	if errOut, err := tl.tee(c.stderr); err == nil {
		c.stderr = errOut
		os.Stderr = errOut
	}
	return tl
}

// running is the name of the innermost running test, or "".
func (tl *testLog) running() string {
	if tl == nil {
		return ""
	}
	tl.mu.Lock()
	defer tl.mu.Unlock()
	if n := len(tl.open); n > 0 {
		return tl.open[n-1].name
	}
	return ""
}

// begin records that test t starts.
func (tl *testLog) begin(t *testing.T) *testRecord {
	rec := &testRecord{name: t.Name(), start: time.Now()}
	tl.mu.Lock()
	tl.drainLocked() // what was written before is not the test's
	tl.open = append(tl.open, rec)
	tl.mu.Unlock()
	tl.c.report.Send(wire.Report{Kind: wire.KindTestRun, Test: &wire.Test{Name: rec.name}})
	return rec
}

// end reports the verdict of the test of rec, once its races are told and
// its output read.
func (tl *testLog) end(rec *testRecord, t *testing.T) {
	tl.c.races.flush()
	failed := t.Failed() // counts the races the race detector saw meanwhile
	tl.mu.Lock()
	tl.drainLocked()
	for i := len(tl.open) - 1; i >= 0; i-- {
		if tl.open[i] == rec {
			tl.open = append(tl.open[:i], tl.open[i+1:]...)
			break
		}
	}
	v := wire.Test{
		Name:    rec.name,
		Passed:  !failed && !t.Skipped(),
		Skipped: t.Skipped(),
		Elapsed: time.Since(rec.start),
		Log:     rec.log.String(),
		Output:  rec.output.String(),
	}
	tl.mu.Unlock()
	tl.c.report.Send(wire.Report{Kind: wire.KindTest, Test: &v})
}

// logged records a line the test logged.
func (tl *testLog) logged(rec *testRecord, line string) {
	tl.mu.Lock()
	tl.drainLocked()
	rec.log.add(line)
	tl.mu.Unlock()
}

// flush reads what the program wrote so far, before the child ends.
func (tl *testLog) flush() {
	if tl == nil {
		return
	}
	tl.mu.Lock()
	tl.drainLocked()
	tl.mu.Unlock()
}

// A tee stands between the program and one of its output descriptors: a
// pipe whose reader passes everything on at once and gives a copy to the
// running test. It is read only under the testLog's lock, by a goroutine
// that waits in the network poller until there is something to read, and
// by the test goroutines when a test begins or ends; so a test's output
// is everything written before it ended, exactly.
type tee struct {
	r   int      // the pipe's read end, non-blocking
	rf  *os.File // the same, for the poller
	dst *os.File // where the output goes
}

// tee makes a tee in front of dst, and returns the file the program is to
// write to instead.
func (tl *testLog) tee(dst *os.File) (*os.File, error) {
	var p [2]int
	if err := unix.Pipe2(p[:], unix.O_CLOEXEC); err != nil {
		return nil, err
	}
	// A large pipe lets the program write on while the reader waits for
	// the lock.
	unix.FcntlInt(uintptr(p[0]), unix.F_SETPIPE_SZ, 1<<20)
	if err := unix.SetNonblock(p[0], true); err != nil {
		unix.Close(p[0])
		unix.Close(p[1])
		return nil, err
	}
	t := &tee{r: p[0], rf: os.NewFile(uintptr(p[0]), "tee"), dst: dst}
	tl.tees = append(tl.tees, t)
	go tl.poll(t)
	return os.NewFile(uintptr(p[1]), dst.Name()), nil
}

// poll drains t whenever the poller says it has something.
func (tl *testLog) poll(t *tee) {
	rc, err := t.rf.SyscallConn()
	if err != nil {
		return
	}
	rc.Read(func(uintptr) bool {
		tl.mu.Lock()
		eof := tl.drainTee(t)
		tl.mu.Unlock()
		return eof
	})
}

// drainLocked reads every tee; tl.mu is held.
func (tl *testLog) drainLocked() {
	for _, t := range tl.tees {
		tl.drainTee(t)
	}
}

// drainTee reads what t holds, passes it on, and copies it to the running
// test's output; tl.mu is held. It reports whether the writers are gone.
func (tl *testLog) drainTee(t *tee) bool {
	var buf [32 << 10]byte
	for {
		n, err := unix.Read(t.r, buf[:])
		if n > 0 {
			t.dst.Write(buf[:n])
			if k := len(tl.open); k > 0 {
				tl.open[k-1].output.add(string(buf[:n]))
			}
		}
		switch {
		case n == 0 && err == nil:
			return true
		case err == unix.EINTR:
			continue
		case err != nil:
			return false
		}
	}
}
