package runner

import (
	"cmp"
	"fmt"
	"os"
	"slices"
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
func (r *run) result(waitErr error, state *os.ProcessState) *Result {
	r.mu.Lock()
	defer r.mu.Unlock()
	res := &Result{
		Races:     r.races,
		Tests:     r.tests,
		Running:   r.running,
		Sandbox:   r.sandbox,
		Truncated: r.truncated,
		Trace:     r.trace,
	}
	r.addProcessTraces(res.Trace)
	res.Timing.Start = r.ready
	res.Timing.Compile = r.compiled
	res.Timing.Total = time.Since(r.start)

	// How the child ended: the kernel's word, or, for a run that ended on
	// the child's exit report (run.wait), the report's.
	var ws syscall.WaitStatus
	ended, status := false, 0
	switch {
	case state != nil:
		ended, status = true, state.ExitCode()
		ws, _ = state.Sys().(syscall.WaitStatus)
		if ru, ok := state.SysUsage().(*syscall.Rusage); ok {
			res.MaxRSS = ru.Maxrss * 1024
			res.Timing.CPU = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		}
	case r.early != nil:
		ended, status = true, r.early.Code
		res.MaxRSS, res.Timing.CPU = r.early.Usage.MaxRSS, r.early.Usage.CPU
	}

	rep := map[string]wire.Report{}
	for _, x := range r.reports {
		if _, seen := rep[x.Kind]; !seen {
			rep[x.Kind] = x
		}
	}
	rt := r.runtime.verdict()
	r.unexplained = r.addUnexplainedRaces(res, rt.fatal)

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
	case ended && !ws.Signaled() && r.contradiction(status) != "":
		set(Internal, ExitInternal, "the sandbox child's reports contradict each other ("+r.contradiction(status)+
			"): a program that corrupts the interpreter's memory with a data race can do that; run it with the race detector")
	case has(rep, wire.KindCompile):
		res.Diagnostics = diagnostics(rep[wire.KindCompile].Diagnostics)
		set(CompileError, ExitCompile, "the program does not compile")
	case has(rep, wire.KindLimit):
		limit(rep[wire.KindLimit].Limit.Name)
	case has(rep, wire.KindDeadlock):
		res.Deadlock = deadlockOf(rep[wire.KindDeadlock].Deadlock)
		msg := "all goroutines are asleep - deadlock!"
		if res.Deadlock.MainExited {
			msg = "no goroutines (main called runtime.Goexit) - deadlock!"
		}
		set(Deadlocked, ExitDeadlock, msg)
	case has(rep, wire.KindPanic):
		res.Panic = panicOf(rep[wire.KindPanic].Panic)
		set(Panicked, ExitPanic, "panic: "+res.Panic.Value)
	case has(rep, wire.KindInternal):
		set(Internal, ExitInternal, "the sandbox failed: "+rep[wire.KindInternal].Message)
	case ws.Signaled():
		sig := ws.Signal()
		switch {
		case sig == syscall.SIGXCPU || (sig == syscall.SIGKILL && res.Timing.CPU >= r.limits.CPU-100*time.Millisecond):
			limit("cpu")
		case strings.Contains(rt.fatal, "out of memory"):
			limit("memory")
		default:
			set(Internal, ExitInternal, fmt.Sprintf("the sandbox child was killed by signal %v", sig))
		}
	case !ended:
		set(Internal, ExitInternal, fmt.Sprintf("the sandbox child did not run: %v", waitErr))
	default:
		code := status
		fatal := rt.fatal
		switch {
		case rt.panic != "":
			// A goroutine the library started panicked, out of the
			// engine's reach: the runtime printed it.
			res.Panic = &Panic{Value: rt.panic, Test: lastOf(r.running)}
			set(Panicked, ExitPanic, "panic: "+rt.panic)
		case strings.Contains(fatal, "out of memory") || strings.Contains(fatal, "cannot allocate memory") || rt.runtimeFault:
			limit("memory")
		case strings.Contains(fatal, "pthread_create failed") && !r.runtime.lockedThread:
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
		case rt.raceDied != "" && !has(rep, wire.KindExit):
			// The race detector ended the child: its memory, mapped on
			// top of the program's, ran out, or it gave up.
			if raceOutOfMemory(rt.raceDied) {
				limit("memory")
			} else {
				set(Internal, ExitInternal, "the race detector failed: "+rt.raceDied)
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

// contradiction says what is wrong with the child's reports, given the
// status it exited with, or "". The engine reports in a fixed order (ready,
// sandbox once before the program is compiled, the program's events, then
// at most one report of how it ended, which the exit status agrees with);
// a run whose reports break it had its memory corrupted.
func (r *run) contradiction(code int) string {
	seen := map[string]int{}
	end := ""
	for i, rep := range r.reports {
		if end != "" {
			return fmt.Sprintf("a %s report after the %s report", rep.Kind, end)
		}
		switch rep.Kind {
		case wire.KindReady:
			if i > 0 {
				return "a second ready report"
			}
		case wire.KindSandbox:
			if seen[wire.KindSandbox] > 0 || seen[wire.KindCompiled] > 0 {
				return "a sandbox report after the program started"
			}
		case wire.KindCompiled:
			if seen[wire.KindCompiled] > 0 || seen[wire.KindSandbox] == 0 {
				return "a compiled report out of place"
			}
		case wire.KindTrace:
			if seen[wire.KindCompiled] == 0 || seen[wire.KindTrace] > 0 {
				return "a trace report out of place"
			}
		case wire.KindTestRun, wire.KindTest, wire.KindRace:
			if seen[wire.KindCompiled] == 0 {
				return "a " + rep.Kind + " report before the program was compiled"
			}
		case wire.KindCompile, wire.KindPanic, wire.KindDeadlock, wire.KindExit, wire.KindLimit, wire.KindInternal:
			end = rep.Kind
			want := map[string]int{wire.KindCompile: ExitCompile, wire.KindPanic: 2, wire.KindDeadlock: 2, wire.KindLimit: 3, wire.KindInternal: ExitInternal, wire.KindExit: rep.Code}[rep.Kind]
			// A race-enabled child that saw races exits 66 where it
			// would exit 0.
			if code != want && !(want == 0 && code == ExitRace && r.runtime.count() > 0) {
				return fmt.Sprintf("a %s report, and exit status %d", rep.Kind, code)
			}
		}
		seen[rep.Kind]++
	}
	if end == "" && code == 0 {
		return "exit status 0 without an exit report"
	}
	return ""
}

// addUnexplainedRaces adds to res a race for each report of the race
// detector the runner read that the engine did not tell in the program's
// terms (the count is the runner's own, runtime.go), and returns them. The
// engine tells them in order, so the ones it missed are the last: most
// often because the program died first, of the fatal error that a race on
// a map leads to ("concurrent map writes"), which the engine cannot catch.
// Such a race is told with what the runner read: which accesses, by which
// goroutines, and, for a map, that it was one.
func (r *run) addUnexplainedRaces(res *Result, fatal string) []Race {
	var heads [][]string
	collect := func(l *runtimeLog) {
		l.mu.Lock()
		heads = append(heads, l.heads...)
		l.mu.Unlock()
	}
	collect(&r.runtime)
	r.kids.mu.Lock()
	for _, k := range r.kids.all {
		collect(&k.runtime)
	}
	r.kids.mu.Unlock()
	// The race detector is told to report every race (child.go), and
	// the engine tells them apart by variable; the runner, which cannot,
	// tells each address once, as Go would the same lines.
	var added []Race
	seen := map[string]bool{}
	for i := len(res.Races); i < len(heads); i++ {
		addr := raceAddress(heads[i])
		if seen[addr] {
			continue
		}
		seen[addr] = true
		race := unexplainedRace(heads[i], fatal)
		race.Test = lastOf(r.running)
		added = append(added, race)
	}
	// The fatal error of a map is itself the proof of a race on it: two
	// goroutines were in the map at once. The race detector may not have
	// printed its report by then (the other goroutines run on while it
	// writes, and one of them can end the program first); the race is told
	// all the same.
	if r.opts.Race && len(res.Races) == 0 && len(added) == 0 && strings.HasPrefix(fatal, "fatal error: concurrent map") {
		race := unexplainedRace(nil, fatal)
		race.Test = lastOf(r.running)
		added = append(added, race)
	}
	res.Races = append(res.Races, added...)
	return added
}

// raceAddress is the address a race's first access line names.
func raceAddress(heads []string) string {
	for _, h := range heads {
		if i := strings.Index(h, " at 0x"); i >= 0 {
			return strings.Fields(h[i+4:])[0]
		}
	}
	return ""
}

// unexplainedRace tells a race from the access lines of its report.
func unexplainedRace(heads []string, fatal string) Race {
	what, why := "(the workbook could not tell where)", ""
	race := Race{}
	switch {
	case strings.HasPrefix(fatal, "fatal error: concurrent map"):
		race.Kind = "contents of a map"
		what = "the contents of a map"
		why = "The program died of the fatal error this race led to (" + strings.TrimPrefix(fatal, "fatal error: ") +
			") before the workbook could tell which map, and which lines."
		if len(heads) == 0 {
			what = "the contents of a map, by two goroutines at once"
			why = "The program died of the fatal error this race led to (" + strings.TrimPrefix(fatal, "fatal error: ") +
				") before the race detector had finished its report: the map, the lines and the goroutines are not known."
		}
	case fatal != "":
		what = "(the program died of a fatal error before the workbook could tell where)"
	}
	var b strings.Builder
	b.WriteString(raceSeparator + "\nWARNING: DATA RACE\n")
	for i, h := range heads {
		m := raceAccessHead.FindStringSubmatch(h)
		acc := RaceAccess{Write: strings.Contains(strings.ToLower(m[1]), "write")}
		fmt.Sscanf(m[2], "goroutine %d", &acc.Goroutine)
		race.Accesses = append(race.Accesses, acc)
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%s\n  %s\n", h, what)
	}
	if len(heads) == 0 {
		fmt.Fprintf(&b, "  %s\n", what)
	}
	if why != "" {
		fmt.Fprintf(&b, "\n%s\n", why)
	}
	b.WriteString(raceSeparator + "\n")
	race.Report = b.String()
	return race
}

func lastOf(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[len(s)-1]
}

// addProcessTraces puts the timelines of the processes the program started
// beside its own, in its clock, oldest first.
func (r *run) addProcessTraces(t *Trace) {
	if t == nil {
		return
	}
	r.kids.mu.Lock()
	defer r.kids.mu.Unlock()
	for _, k := range r.kids.all {
		if k.trace == nil {
			continue
		}
		kt := traceOf(k.trace)
		kt.shift(float64(k.trace.Start-r.traceStart) / 1e6)
		t.Processes = append(t.Processes, TraceProcess{Pid: k.pid, Target: k.target, Trace: kt})
	}
	slices.SortFunc(t.Processes, func(a, b TraceProcess) int { return cmp.Compare(a.Trace.Start(), b.Trace.Start()) })
}
