package runner

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"sync"

	"workbook/internal/wire"
)

const raceSeparator = "=================="

// What a child's Go runtime writes on its descriptor 2 (a pipe to the
// runner) is the runtime's word, not the program's: fatal errors, and in a
// race-enabled child the race detector's reports. The runner reads it
// itself. It counts the race reports there, which is what a verdict rests
// on: the engine tells each report again in the program's terms, but the
// engine is in the child, and a program that corrupted its memory with a
// data race could silence it; the race detector writes its report before
// the racing access completes, so the corruption comes after the report
// is out of the child's reach. And it passes everything back to the
// engine (FDRaceEcho), which needs the reports to explain them.
//
// The program can make the runtime print text of its own only in the
// value of a panic the engine did not catch; what follows a "panic: " line
// decides nothing (see runtimeVerdict).

// A runtimeLog is what the runner read on one child's descriptor 2.
type runtimeLog struct {
	mu    sync.Mutex
	races int // race reports read
	// heads holds the access lines of each race report read ("Write at
	// 0x… by goroutine 7:"), for a report the engine could not tell.
	heads [][]string
	text  strings.Builder // the other lines, up to 64 KiB
	// lockedThread is set when a crash dump shows a goroutine the
	// program pinned with runtime.LockOSThread: each holds a thread and
	// its stack, so a program that spent its data limit that way ran out
	// of threads, not heap. The engine pins none.
	lockedThread bool
}

// read reads f to its end, passing what it reads to echo (if not nil),
// and calls race with each race report.
func (l *runtimeLog) read(f *os.File, echo *echoer, race func(report string)) {
	defer f.Close()
	defer echo.close()
	var pending []byte
	var block []string
	inRace := false
	buf := make([]byte, 32<<10)
	for {
		n, err := f.Read(buf)
		if n > 0 {
			echo.send(buf[:n])
			pending = append(pending, buf[:n]...)
			pending, _ = wire.StripMarkers(pending)
			for {
				i := bytes.IndexByte(pending, '\n')
				if i < 0 {
					break
				}
				line := string(pending[:i])
				pending = pending[i+1:]
				switch {
				case !inRace && line == raceSeparator:
					inRace, block = true, block[:0]
				case inRace && line == raceSeparator:
					inRace = false
					if len(block) > 0 && block[0] == "WARNING: DATA RACE" {
						l.mu.Lock()
						l.races++
						l.heads = append(l.heads, raceHeads(block))
						l.mu.Unlock()
						if race != nil {
							race(raceSeparator + "\n" + strings.Join(block, "\n") + "\n" + raceSeparator + "\n")
						}
					}
				case inRace && !strings.HasPrefix(line, "fatal error: "):
					block = append(block, line)
				default:
					// A fatal error (concurrent map writes) can end the
					// child while the race detector is still writing a
					// report: the report stays unfinished, and the fatal
					// error is read as one. No line of a report begins so.
					inRace = false
					l.mu.Lock()
					if strings.HasPrefix(line, "goroutine ") && strings.HasSuffix(line, "locked to thread]:") {
						l.lockedThread = true
					}
					if l.text.Len() < 64<<10 {
						l.text.WriteString(line)
						l.text.WriteByte('\n')
					}
					l.mu.Unlock()
				}
			}
		}
		if err != nil {
			return
		}
	}
}

// raceHeads returns the lines of a race report that head its accesses.
func raceHeads(block []string) []string {
	var heads []string
	for _, line := range block {
		if raceAccessHead.MatchString(line) {
			heads = append(heads, line)
		}
	}
	return heads
}

var raceAccessHead = regexp.MustCompile(`^(Read|Write|Previous read|Previous write|Atomic read|Atomic write|Previous atomic read|Previous atomic write) at 0x[0-9a-f]+ by (goroutine \d+|main goroutine):$`)

// count returns the number of race reports read.
func (l *runtimeLog) count() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.races
}

// A runtimeVerdict is what the runtime's own messages say of how a child
// ended.
type runtimeVerdict struct {
	// fatal is the first line of a fatal error of the runtime ("fatal
	// error: concurrent map writes"), or of its running out of memory or
	// threads.
	fatal string
	// panic is the value of a panic no goroutine of the engine caught:
	// one in a goroutine started by library code.
	panic string
	// raceDied is what the race detector said as it ended the child
	// itself ("ThreadSanitizer: … out of memory"), if it did.
	raceDied string
	// runtimeFault says the fatal error is a fault ("SIGSEGV:
	// segmentation violation") in the runtime's own code: the garbage
	// collector of Go 1.26 can fault that way when the kernel refuses it
	// memory at the data limit, where it would otherwise say "out of
	// memory". The program, which may not use unsafe, cannot fault there.
	runtimeFault bool
}

// verdict reads the runtime's messages in order, up to the first that
// ends the child. A panic's value is the program's text, and may say
// anything: nothing after a "panic: " line is read.
func (l *runtimeLog) verdict() runtimeVerdict {
	l.mu.Lock()
	text := l.text.String()
	l.mu.Unlock()
	var v runtimeVerdict
	lines := strings.Split(text, "\n")
	for i, line := range lines {
		switch {
		case strings.HasPrefix(line, "SIGSEGV: "), strings.HasPrefix(line, "SIGBUS: "), strings.HasPrefix(line, "unexpected fault address"):
			v.fatal = line
			// The faulting goroutine's traceback comes first: its top
			// frame says whose code faulted.
			for j := i + 1; j < len(lines); j++ {
				if strings.HasPrefix(lines[j], "goroutine ") {
					v.runtimeFault = j+1 < len(lines) && strings.HasPrefix(lines[j+1], "runtime.")
					break
				}
			}
			return v
		case strings.HasPrefix(line, "panic: "):
			v.panic = strings.TrimSuffix(strings.TrimPrefix(line, "panic: "), " [recovered]")
			return v
		case strings.HasPrefix(line, "fatal error: "),
			strings.HasPrefix(line, "runtime: out of memory"),
			strings.HasPrefix(line, "runtime: program exceeds"),
			strings.HasPrefix(line, "runtime/cgo: pthread_create failed"):
			v.fatal = line
			return v
		case strings.HasPrefix(line, "runtime: goroutine stack exceeds"):
			v.fatal = "fatal error: stack overflow (" + strings.TrimPrefix(line, "runtime: ") + ")"
			return v
		case strings.Contains(line, "ThreadSanitizer") && !strings.Contains(line, "WARNING: ThreadSanitizer: data race"):
			v.raceDied = strings.TrimSpace(line)
			return v
		}
	}
	return v
}

// An echoer passes what the runner read on a child's descriptor 2 back to
// the engine. It queues without bound (up to a limit): the reader of
// descriptor 2 must never wait, or the race detector, writing there from
// inside the runtime, would wait for it, and the engine, stopped by the
// garbage collector that waits for the race detector, would never read.
type echoer struct {
	w      *os.File
	mu     sync.Mutex
	cond   sync.Cond
	queue  [][]byte
	size   int
	closed bool
}

const maxEcho = 16 << 20

// newEchoer returns an echoer writing to w, or nil for no w.
func newEchoer(w *os.File) *echoer {
	if w == nil {
		return nil
	}
	e := &echoer{w: w}
	e.cond.L = &e.mu
	go e.run()
	return e
}

func (e *echoer) send(b []byte) {
	if e == nil {
		return
	}
	e.mu.Lock()
	if e.size+len(b) <= maxEcho {
		e.queue = append(e.queue, append([]byte(nil), b...))
		e.size += len(b)
		e.cond.Signal()
	}
	e.mu.Unlock()
}

func (e *echoer) close() {
	if e == nil {
		return
	}
	e.mu.Lock()
	e.closed = true
	e.cond.Signal()
	e.mu.Unlock()
}

func (e *echoer) run() {
	defer e.w.Close()
	for {
		e.mu.Lock()
		for len(e.queue) == 0 && !e.closed {
			e.cond.Wait()
		}
		if len(e.queue) == 0 {
			e.mu.Unlock()
			return
		}
		b := e.queue[0]
		e.queue = e.queue[1:]
		e.size -= len(b)
		e.mu.Unlock()
		if _, err := e.w.Write(b); err != nil {
			// The engine is gone: drop the rest.
			e.mu.Lock()
			e.queue, e.size = nil, 0
			e.mu.Unlock()
		}
	}
}

func (r *run) addRace(race Race) {
	r.mu.Lock()
	r.races = append(r.races, race)
	r.mu.Unlock()
	r.emit(Event{Kind: KindRace, Race: &race})
	r.emit(Event{Kind: KindStderr, Data: race.Report})
}
