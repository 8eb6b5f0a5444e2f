package runner

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"

	"workbook/internal/engine"
	"workbook/internal/wire"
)

// A kid is a child started for the program's workbook/proc: it runs the
// same program, calls one function of it, and writes to the standard
// output and error of the child that started it.
type kid struct {
	proc      *proc
	parent    *proc
	pid       int
	announced chan struct{} // closed once the parent was told it started
	ended     bool
	cpu       time.Duration // once ended
	runtime   runtimeLog    // what its runtime said on its fd 2
	slot      int           // in the run's goroutine count, or -1
	target    string        // the function it runs
	trace     *wire.Trace   // its timeline, when asked for and it ended by itself
}

// kids are the run's children started for workbook/proc.
type kids struct {
	mu      sync.Mutex
	all     map[int]*kid
	pending int // being started
	ending  bool
	wg      sync.WaitGroup
	sampler sync.Once
	// slots are the slots of the run's goroutine count in use; the run's
	// first child has slot 0.
	slots [wire.GoroutineSlots]bool
}

// serveControl serves the control socket of p, the run's child or a kid:
// requests to start a process or to signal one.
func (r *run) serveControl(p *proc, wg *sync.WaitGroup) {
	defer wg.Done()
	defer p.control.Close()
	buf := make([]byte, wire.MaxControl)
	oob := make([]byte, unix.CmsgSpace(4*(r.limits.OpenFiles+2)))
	for {
		n, oobn, _, _, err := p.control.ReadMsgUnix(buf, oob)
		if err != nil || (n == 0 && oobn == 0) {
			return
		}
		files := receivedFiles(oob[:oobn])
		var m wire.Control
		if json.Unmarshal(buf[:n], &m) != nil {
			closeAll(files)
			continue
		}
		switch m.Op {
		case wire.OpStart:
			k, reply := r.startKid(p, m, files)
			r.tell(p, reply)
			if k != nil {
				close(k.announced)
			}
		case wire.OpSignal:
			closeAll(files)
			r.kids.mu.Lock()
			k := r.kids.all[m.Pid]
			if k != nil && !k.ended && (m.Signal == int(syscall.SIGKILL) || m.Signal == int(syscall.SIGTERM) || m.Signal == int(syscall.SIGINT)) {
				syscall.Kill(k.pid, syscall.Signal(m.Signal))
			}
			r.kids.mu.Unlock()
		default:
			closeAll(files)
		}
	}
}

// tell sends a control message to p; a child that is gone hears nothing.
func (r *run) tell(p *proc, m wire.Control) {
	b, _ := json.Marshal(m)
	p.control.WriteMsgUnix(b, nil, nil)
}

func receivedFiles(oob []byte) []*os.File {
	msgs, err := unix.ParseSocketControlMessage(oob)
	if err != nil {
		return nil
	}
	var files []*os.File
	for _, m := range msgs {
		fds, err := unix.ParseUnixRights(&m)
		if err != nil {
			continue
		}
		for _, fd := range fds {
			unix.CloseOnExec(fd)
			files = append(files, os.NewFile(uintptr(fd), "received"))
		}
	}
	return files
}

func closeAll(files []*os.File) {
	for _, f := range files {
		f.Close()
	}
}

// startKid starts a kid for parent, as m asks, and returns it with the
// answer to give the parent.
func (r *run) startKid(parent *proc, m wire.Control, files []*os.File) (*kid, wire.Control) {
	defer closeAll(files) // the kid has its own copies
	reply := wire.Control{Op: wire.OpStarted, ID: m.ID}
	fail := func(format string, args ...any) (*kid, wire.Control) {
		reply.Error = fmt.Sprintf(format, args...)
		return nil, reply
	}
	if m.Entry == nil || len(files) != 2+m.Entry.Files {
		return fail("the runner received a start request it cannot read")
	}
	r.kids.mu.Lock()
	switch {
	case r.kids.ending:
		r.kids.mu.Unlock()
		return fail("the program is ending")
	case r.kids.live() >= r.limits.Processes:
		r.kids.mu.Unlock()
		return fail("the limit of %d processes running at once is reached", r.limits.Processes)
	}
	r.kids.pending++
	slot := -1 // beyond the slots, a process counts its own goroutines only
	for i := 1; i < len(r.kids.slots); i++ {
		if !r.kids.slots[i] {
			slot = i
			r.kids.slots[i] = true
			break
		}
	}
	r.kids.mu.Unlock()

	kp, err := spawnChild(childSpec{race: r.opts.Race, work: r.work, stdout: files[0], stderr: files[1], handles: files[2:], counts: r.proc.counts})
	if err != nil {
		r.kids.mu.Lock()
		r.kids.pending--
		r.freeSlot(slot)
		r.kids.mu.Unlock()
		return fail("%v", err)
	}
	req := r.request()
	req.Entry, req.ParentPid, req.Slot = m.Entry, parent.cmd.Process.Pid, slot+1
	go func() {
		json.NewEncoder(kp.request).Encode(req)
		kp.request.Close()
	}()
	k := &kid{proc: kp, parent: parent, pid: kp.cmd.Process.Pid, announced: make(chan struct{}), slot: slot, target: m.Entry.Target}
	r.kids.mu.Lock()
	if r.kids.all == nil {
		r.kids.all = map[int]*kid{}
	}
	r.kids.all[k.pid] = k
	r.kids.pending--
	if r.kids.ending {
		syscall.Kill(-k.pid, syscall.SIGKILL)
	}
	r.kids.wg.Add(4)
	r.kids.mu.Unlock()
	go r.readKidReports(k)
	go r.readKidRuntime(k)
	go r.waitKid(k)
	go r.serveControl(kp, &r.kids.wg)
	r.kids.sampler.Do(func() { go r.sample() })
	reply.Pid = k.pid
	return k, reply
}

// freeSlot gives back a slot of the goroutine count, set to 0; ks.mu is
// held.
func (r *run) freeSlot(slot int) {
	if slot <= 0 {
		return
	}
	if r.counts != nil {
		(*atomic.Int64)(unsafe.Pointer(&r.counts[8*slot])).Store(0)
	}
	r.kids.slots[slot] = false
}

// live is the number of kids started or being started that have not
// ended; ks.mu is held.
func (ks *kids) live() int {
	n := ks.pending
	for _, k := range ks.all {
		if !k.ended {
			n++
		}
	}
	return n
}

// waitKid waits for a kid to end and tells its parent, after the parent
// heard that it started.
func (r *run) waitKid(k *kid) {
	defer r.kids.wg.Done()
	k.proc.cmd.Wait()
	code := -1
	var cpu time.Duration
	if st := k.proc.cmd.ProcessState; st != nil {
		ws := st.Sys().(syscall.WaitStatus)
		code = ws.ExitStatus()
		if ws.Signaled() {
			code = -int(ws.Signal())
		}
		if ru, ok := st.SysUsage().(*syscall.Rusage); ok {
			cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		}
	}
	// What the kid left behind goes with it.
	syscall.Kill(-k.pid, syscall.SIGKILL)
	r.kids.mu.Lock()
	k.ended, k.cpu = true, cpu
	r.freeSlot(k.slot) // its goroutines are gone with it
	r.kids.mu.Unlock()
	<-k.announced
	r.tell(k.parent, wire.Control{Op: wire.OpExited, Pid: k.pid, Code: code})
}

// readKidReports reads a kid's reports: its races are the run's races;
// what it said of its own end it also wrote to the standard error it
// shares, but for limits and failures of the sandbox, said here.
func (r *run) readKidReports(k *kid) {
	defer r.kids.wg.Done()
	defer k.proc.reports.Close()
	sc := bufio.NewScanner(k.proc.reports)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	for sc.Scan() {
		var rep wire.Report
		if json.Unmarshal(sc.Bytes(), &rep) != nil {
			continue
		}
		switch rep.Kind {
		case wire.KindRace:
			r.addRace(raceOf(rep.Race))
		case wire.KindLimit:
			r.emit(Event{Kind: KindStderr, Data: fmt.Sprintf("process %d: %s\n", k.pid, limitMessage(rep.Limit.Name, r.limits))})
			if rep.Limit.Name == "goroutines" {
				// The count is the run's: the run is over the limit,
				// not this process alone.
				r.kill(&LimitHit{Name: "goroutines", Message: limitMessage("goroutines", r.limits) + " by the program's processes together"})
			}
		case wire.KindInternal:
			r.emit(Event{Kind: KindStderr, Data: fmt.Sprintf("process %d: the sandbox failed: %s\n", k.pid, rep.Message)})
		case wire.KindTrace:
			r.kids.mu.Lock()
			k.trace = rep.Trace
			r.kids.mu.Unlock()
		}
	}
}

// readKidRuntime reads what a kid's Go runtime says: its race reports
// count for the run, and a fatal error is passed on, in one line.
func (r *run) readKidRuntime(k *kid) {
	defer r.kids.wg.Done()
	k.runtime.read(k.proc.runtimeErr, newEchoer(k.proc.echo), nil)
	if v := k.runtime.verdict(); v.fatal != "" {
		r.emit(Event{Kind: KindStderr, Data: fmt.Sprintf("process %d: %s\n", k.pid, v.fatal)})
	}
}

// killKids kills every kid, and any started later.
func (r *run) killKids() {
	r.kids.mu.Lock()
	defer r.kids.mu.Unlock()
	r.kids.ending = true
	for _, k := range r.kids.all {
		if !k.ended {
			syscall.Kill(-k.pid, syscall.SIGKILL)
		}
	}
}

// sample counts the processor time and memory of all the run's processes
// together against its limits, ten times a second, from the start of the
// run to its end: each process has the limits too, but the kernel's
// RLIMIT_DATA leaves out shared memory, and a program must not get more by
// starting more processes.
func (r *run) sample() {
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-r.exited:
			return
		case <-tick.C:
		}
		cpu, rss := usage(r.cmd.Process.Pid)
		r.kids.mu.Lock()
		for _, k := range r.kids.all {
			if k.ended {
				cpu += k.cpu
				continue
			}
			c, m := usage(k.pid)
			cpu, rss = cpu+c, rss+m
		}
		r.kids.mu.Unlock()
		bytes, files := dirUsage(r.work)
		switch {
		case bytes > r.limits.Disk:
			r.kill(&LimitHit{Name: "disk", Message: limitMessage("disk", r.limits)})
			return
		case files > r.limits.Files:
			r.kill(&LimitHit{Name: "files", Message: limitMessage("files", r.limits)})
			return
		case cpu > r.limits.CPU:
			r.kill(&LimitHit{Name: "cpu", Message: limitMessage("cpu", r.limits) + " by the program's processes together"})
			return
		case rss > r.limits.Memory*memoryFactor(r.opts.Race):
			r.kill(&LimitHit{Name: "memory", Message: limitMessage("memory", r.limits) + " by the program's processes together"})
			return
		}
	}
}

// dirUsage counts what the files in dir take on disk, in bytes, and how
// many files and directories there are, without following symbolic links.
// A directory the program took its permissions away from is given them
// back, so that what is in it counts too.
func dirUsage(dir string) (bytes int64, files int) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrPermission) {
		os.Chmod(dir, 0o700)
		entries, err = os.ReadDir(dir)
	}
	if err != nil {
		return 0, 0
	}
	for _, e := range entries {
		path := filepath.Join(dir, e.Name())
		var st unix.Stat_t
		if unix.Lstat(path, &st) != nil {
			continue
		}
		files++
		bytes += st.Blocks * 512
		if e.IsDir() {
			b, f := dirUsage(path)
			bytes, files = bytes+b, files+f
		}
	}
	return bytes, files
}

// memoryFactor is how much memory a child may use for each byte of the
// memory limit: more with the race detector.
func memoryFactor(race bool) int64 {
	if race {
		return engine.RaceMemoryFactor
	}
	return 1
}

// usage reads a process's processor time and memory from /proc: the
// memory is what it alone holds, its anonymous pages (heap, stacks) and
// its shared memory (workbook/proc's Values and Arrays), not the pages of
// the binary, which every process of the run shares.
func usage(pid int) (time.Duration, int64) {
	dir := "/proc/" + strconv.Itoa(pid)
	b, err := os.ReadFile(dir + "/stat")
	if err != nil {
		return 0, 0
	}
	// The fields after the command, which is in parentheses and may hold
	// anything: state is field 3, utime 14, stime 15.
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return 0, 0
	}
	f := strings.Fields(s[i+1:])
	if len(f) < 22 {
		return 0, 0
	}
	field := func(n int) int64 { v, _ := strconv.ParseInt(f[n-3], 10, 64); return v }
	const ticks = 100 // USER_HZ: /proc counts in hundredths of a second
	cpu := time.Duration(field(14)+field(15)) * time.Second / ticks
	status, err := os.ReadFile(dir + "/status")
	if err != nil {
		return cpu, 0
	}
	var mem int64
	for _, line := range strings.Split(string(status), "\n") {
		key, value, ok := strings.Cut(line, ":")
		if ok && (key == "RssAnon" || key == "RssShmem") {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(value), " kB"), 10, 64)
			mem += kb << 10
		}
	}
	return cpu, mem
}
