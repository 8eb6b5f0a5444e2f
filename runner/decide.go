package runner

import (
	"fmt"
	"os/exec"
	"strings"
	"syscall"
	"time"

	"workbook/internal/engine"
	"workbook/internal/wire"
)

// result works out how the run ended. The order matters: what the runner
// did itself comes first (it killed the child for a reason it knows), then
// what the child reported on its own channel, then what the kernel says of
// the process, then what the Go runtime of the child said on its fd 2.
func (r *run) result(waitErr error) *Result {
	r.mu.Lock()
	defer r.mu.Unlock()
	res := &Result{
		Races:     r.races,
		Tests:     r.tests,
		Running:   r.running,
		Sandbox:   r.sandbox,
		Truncated: r.truncated,
	}
	res.Timing.Start = r.ready
	res.Timing.Compile = r.compiled
	res.Timing.Total = time.Since(r.start)

	state := r.cmd.ProcessState
	var ws syscall.WaitStatus
	if state != nil {
		ws, _ = state.Sys().(syscall.WaitStatus)
		if ru, ok := state.SysUsage().(*syscall.Rusage); ok {
			res.MaxRSS = ru.Maxrss * 1024
			res.Timing.CPU = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		}
	}

	rep := map[string]wire.Report{}
	for _, x := range r.reports {
		if _, seen := rep[x.Kind]; !seen {
			rep[x.Kind] = x
		}
	}
	fatal := r.fatalError()

	set := func(reason Reason, code int, msg string) {
		res.Reason, res.Code, res.Message = reason, code, msg
	}
	limit := func(name string) {
		res.Limit = &LimitHit{Name: name, Message: limitMessage(name, r.limits)}
		if name == "memory" && r.opts.Race {
			res.Limit.Message += fmt.Sprintf(" (with the race detector, which may map %d times as much)", engine.RaceMemoryFactor)
		}
		set(Limited, limitCodes[name], res.Limit.Message)
	}
	switch {
	case r.canceled:
		set(Canceled, ExitCanceled, "interrupted")
	case r.stopped != nil:
		res.Limit = r.stopped
		set(Limited, limitCodes[r.stopped.Name], r.stopped.Message)
	case has(rep, wire.KindCompile):
		res.Diagnostics = rep[wire.KindCompile].Diagnostics
		set(CompileError, ExitCompile, "the program does not compile")
	case has(rep, wire.KindLimit):
		limit(rep[wire.KindLimit].Limit.Name)
	case has(rep, wire.KindDeadlock):
		res.Deadlock = rep[wire.KindDeadlock].Deadlock
		msg := "all goroutines are asleep - deadlock!"
		if res.Deadlock.MainExited {
			msg = "no goroutines (main called runtime.Goexit) - deadlock!"
		}
		set(Deadlocked, ExitDeadlock, msg)
	case has(rep, wire.KindPanic):
		res.Panic = rep[wire.KindPanic].Panic
		set(Panicked, ExitPanic, "panic: "+res.Panic.Value)
	case has(rep, wire.KindInternal):
		set(Internal, ExitInternal, "the sandbox failed: "+rep[wire.KindInternal].Message)
	case ws.Signaled():
		sig := ws.Signal()
		switch {
		case sig == syscall.SIGXCPU || (sig == syscall.SIGKILL && res.Timing.CPU >= r.limits.CPU-100*time.Millisecond):
			limit("cpu")
		case strings.Contains(fatal, "out of memory"):
			limit("memory")
		default:
			set(Internal, ExitInternal, fmt.Sprintf("the sandbox child was killed by signal %v", sig))
		}
	case state == nil:
		set(Internal, ExitInternal, fmt.Sprintf("the sandbox child did not run: %v", waitErr))
	default:
		code := state.ExitCode()
		switch {
		case strings.Contains(fatal, "out of memory") || strings.Contains(fatal, "cannot allocate memory"):
			limit("memory")
		case strings.Contains(fatal, "pthread_create failed") && !r.lockedThread:
			// The C library could not map a thread's stack: the data
			// limit is spent, and no goroutine pinned a thread, so the
			// heap spent it. (Resident memory says nothing here: fresh
			// pages the program never touched are not resident.)
			limit("memory")
		case strings.Contains(fatal, "thread exhaustion") || strings.Contains(fatal, "-thread limit") ||
			strings.Contains(fatal, "pthread_create failed"):
			limit("threads")
		case fatal != "" && code == 2:
			set(Fatal, ExitPanic, fatal)
		case r.raceDied != "" && !has(rep, wire.KindExit):
			// The race detector ended the child: its memory, mapped on
			// top of the program's, ran out, or it gave up.
			if raceOutOfMemory(r.raceDied) {
				limit("memory")
			} else {
				set(Internal, ExitInternal, "the race detector failed: "+r.raceDied)
			}
		case len(res.Races) > 0 && (code == ExitRace || code == 0):
			set(Raced, ExitRace, fmt.Sprintf("found %d data race(s)", len(res.Races)))
		case has(rep, wire.KindExit) || code != ExitInternal:
			set(Exited, code, "")
		default:
			set(Internal, ExitInternal, "the sandbox child failed")
		}
	}
	if r.prog.Test && res.Reason == Exited {
		failed := 0
		for _, t := range res.Tests {
			if !t.Passed && !t.Skipped {
				failed++
			}
		}
		if failed > 0 {
			msg := fmt.Sprintf("%d of %d tests failed", failed, len(res.Tests))
			if len(res.Races) > 0 {
				msg += fmt.Sprintf("; found %d data race(s)", len(res.Races))
			}
			set(TestsFailed, 1, msg)
		}
	}
	if res.Message == "" && res.Reason == Exited && code(res) != 0 {
		res.Message = fmt.Sprintf("exit status %d", res.Code)
	}
	_ = exec.ErrNotFound
	return res
}

func code(r *Result) int { return r.Code }

func has(rep map[string]wire.Report, kind string) bool {
	_, ok := rep[kind]
	return ok
}

// raceOutOfMemory reports whether the race detector's last words say it
// could not get memory.
func raceOutOfMemory(s string) bool {
	s = strings.ToLower(s)
	return strings.Contains(s, "memory") || strings.Contains(s, "mmap") || strings.Contains(s, "allocat")
}

// fatalError returns the first line of a fatal error the child's Go
// runtime printed ("fatal error: concurrent map writes"), or "".
func (r *run) fatalError() string {
	text := r.runtime.String()
	for _, line := range strings.Split(text, "\n") {
		switch {
		case strings.HasPrefix(line, "fatal error: "):
			return line
		case strings.HasPrefix(line, "runtime: out of memory"):
			return line
		case strings.HasPrefix(line, "runtime: program exceeds"),
			strings.HasPrefix(line, "runtime/cgo: pthread_create failed"):
			return line
		case strings.HasPrefix(line, "runtime: goroutine stack exceeds"):
			return "fatal error: stack overflow (" + strings.TrimPrefix(line, "runtime: ") + ")"
		}
	}
	return ""
}
