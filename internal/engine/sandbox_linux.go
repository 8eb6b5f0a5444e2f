package engine

import (
	"errors"
	"os"
	"slices"
	"strings"
	"syscall"
	"time"
	"unsafe"

	seccomp "github.com/elastic/go-seccomp-bpf"
	"github.com/landlock-lsm/go-landlock/landlock"
	llsyscall "github.com/landlock-lsm/go-landlock/landlock/syscall"
	"golang.org/x/net/bpf"
	"golang.org/x/sys/unix"

	"workbook/internal/wire"
)

// The sandbox is layers, each of which holds on its own:
//
//   - the allowlist (package allow): the program imports only what it
//     names, and the engine replaces the functions that reach outside the
//     child (symbols.go): the file system is the private working
//     directory, through an os.Root (files.go); the environment is the
//     program's own (environ.go); processes are the runner's to start
//     (proc.go);
//   - the kernel's protections, closed here once the child has read all
//     it needs, before it reads the request: Landlock and seccomp. A warm
//     child of a pool waits for its program with them closed, so that a
//     run does not wait for them;
//   - resource limits, set as soon as the request says them, before the
//     program is even lowered: the kernel's (limits_linux.go), which
//     seccomp then keeps from being raised (lockLimits), and the Go
//     runtime's (applyLimits, in engine.go); the goroutine limit is the
//     monitor's (monitor.go).
//
// The runner adds its own around the child: a network namespace, the time
// and output limits, and the process group it kills at the end.

// closeSandbox turns on the protection layers the kernel offers an
// unprivileged process, once the child has read all it needs: from here
// on, the program's confinement no longer rests on the allowlist alone.
//
//   - Landlock: the file system is the private working directory, read and
//     write, and nothing else; no TCP; no signals or abstract sockets
//     outside the child (where the kernel's Landlock has those).
//   - seccomp: no new processes or programs, no sockets, no signals to
//     other processes, no leaving the process group, no namespaces,
//     mounts, tracing or kernel facilities; the calls fail with EPERM.
//     Changing limits is refused once they are set (lockLimits).
//
// Where a layer is not available, the child says so and runs without it.
func closeSandbox(work string) wire.Sandbox {
	var sb wire.Sandbox
	var notes []string
	// Time zones come from files the program may no longer read.
	time.Local = time.UTC
	unprivileged := func() {
		if err := dropPrivileges(); err != nil {
			notes = append(notes, "unprivileged user: "+err.Error())
		}
		sb.Unprivileged = os.Geteuid() != 0
	}
	if os.Getenv(wire.EnvNoKernelLayers) == "1" {
		unprivileged()
		sb.Notes = strings.Join(append(notes, "Landlock and seccomp are off: a test of the allowlist alone"), "; ")
		return sb
	}

	if abi, err := llsyscall.LandlockGetABIVersion(); err != nil || abi < 1 {
		notes = append(notes, "Landlock: not available in this kernel")
	} else if err := landlock.V7.BestEffort().Restrict(landlock.RWDirs(work)); err != nil {
		notes = append(notes, "Landlock: "+err.Error())
	} else {
		sb.Landlock = true
	}

	// After Landlock, which opens the working directory by its path (a
	// directory the unprivileged user may not be able to reach), and
	// before seccomp, which refuses changes of identity.
	unprivileged()

	if err := seccomp.LoadFilter(filter()); err != nil {
		notes = append(notes, "seccomp: "+err.Error())
	} else {
		sb.Seccomp = true
	}
	sb.Notes = strings.Join(notes, "; ")
	return sb
}

// lockLimits adds a second seccomp filter, once the request's limits are
// set, that refuses to change them: a process may raise a soft limit up
// to its hard one, and a root child that could not give up root could
// raise both. The first filter cannot refuse it, as it is in place before
// the limits are known. The filter comes assembled (assembleFilter), so
// that a run does not wait for that either. It returns the sandbox as it
// is then.
func lockLimits(sb wire.Sandbox, lock []unix.SockFilter) wire.Sandbox {
	if !sb.Seccomp {
		return sb
	}
	var err error
	if len(lock) == 0 {
		err = errors.New("the filter could not be assembled")
	} else {
		prog := unix.SockFprog{Len: uint16(len(lock)), Filter: &lock[0]}
		_, _, errno := unix.Syscall(unix.SYS_SECCOMP, unix.SECCOMP_SET_MODE_FILTER, unix.SECCOMP_FILTER_FLAG_TSYNC, uintptr(unsafe.Pointer(&prog)))
		if errno != 0 {
			err = errno
		}
	}
	if err != nil {
		sb.Seccomp = false
		sb.Notes = strings.Join(slices.DeleteFunc([]string{sb.Notes, "seccomp: limits: " + err.Error()}, func(s string) bool { return s == "" }), "; ")
	}
	return sb
}

// assembleFilter turns a filter into the program the kernel loads; nil if
// it does not assemble.
func assembleFilter(f seccomp.Filter) []unix.SockFilter {
	insts, err := f.Policy.Assemble()
	if err != nil {
		return nil
	}
	raw, err := bpf.Assemble(insts)
	if err != nil {
		return nil
	}
	prog := make([]unix.SockFilter, len(raw))
	for i, in := range raw {
		prog[i] = unix.SockFilter{Code: in.Op, Jt: in.Jt, Jf: in.Jf, K: in.K}
	}
	return prog
}

// dropPrivileges makes a child started as root run as the unprivileged
// user wire.UnprivilegedID, with no supplementary groups: whatever gets
// past the other layers then has no more rights on the host than nobody,
// and no capabilities (a file it makes setuid would be nobody's). The
// runner gives the working directory to that user. The process stays
// dumpable, so that the runner, and the race detector's own reading of
// /proc/self, still see it.
func dropPrivileges() error {
	if os.Geteuid() != 0 {
		return nil
	}
	id := wire.UnprivilegedID
	if err := syscall.Setgroups(nil); err != nil {
		return err
	}
	if err := syscall.Setresgid(id, id, id); err != nil {
		return err
	}
	if err := syscall.Setresuid(id, id, id); err != nil {
		return err
	}
	return unix.Prctl(unix.PR_SET_DUMPABLE, 1, 0, 0, 0)
}

// denied are the system calls a program never needs; none of them is
// reachable from the allowlist, so each is a second wall.
var denied = []string{
	// New processes and programs (clone3 is below: it must fail with
	// ENOSYS, for the C library to fall back to clone).
	"execve", "execveat", "fork", "vfork",
	// Networking.
	"socket", "connect", "bind", "listen", "accept", "accept4",
	// Other processes.
	"ptrace", "process_vm_readv", "process_vm_writev", "tkill",
	"pidfd_open", "pidfd_send_signal", "pidfd_getfd", "kcmp",
	// Leaving the process group the runner kills, changing identity
	// (limits: lockLimits).
	"setsid", "setpgid",
	"setuid", "setgid", "setreuid", "setregid", "setresuid", "setresgid",
	"setgroups", "capset",
	// Namespaces, mounts, the kernel.
	"unshare", "setns", "mount", "umount2", "pivot_root", "chroot",
	"reboot", "init_module", "finit_module", "delete_module",
	"kexec_load", "kexec_file_load", "bpf", "perf_event_open",
	"keyctl", "add_key", "request_key", "userfaultfd", "personality",
	"acct", "swapon", "swapoff", "sethostname", "setdomainname",
	"iopl", "ioperm", "quotactl", "mknod", "mknodat",
	"open_by_handle_at", "name_to_handle_at",
	// io_uring would run calls past this filter.
	"io_uring_setup", "io_uring_enter", "io_uring_register",
}

// setidModes are the calls that set a file's mode, each refused when the
// mode has the setuid or setgid bit: the mode is argument 1 of chmod,
// fchmod, creat and mkdir, 2 of fchmodat, fchmodat2, mkdirat and open, and
// 3 of openat.
func setidModes() []seccomp.NameWithConditions {
	var out []seccomp.NameWithConditions
	for name, arg := range map[string]uint32{
		"chmod": 1, "fchmod": 1, "creat": 1, "mkdir": 1, "mknod": 1,
		"fchmodat": 2, "fchmodat2": 2, "mkdirat": 2, "open": 2, "mknodat": 2,
		"openat": 3,
	} {
		out = append(out, seccomp.NameWithConditions{Name: name, Conditions: seccomp.ArgumentConditions{
			{Argument: arg, Operation: seccomp.BitsSet, Value: unix.S_ISUID | unix.S_ISGID},
		}})
	}
	slices.SortFunc(out, func(a, b seccomp.NameWithConditions) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// refusing is a filter for every thread of the child that allows every
// call but those groups refuse.
func refusing(groups ...seccomp.SyscallGroup) seccomp.Filter {
	return seccomp.Filter{
		NoNewPrivs: true,
		Flag:       seccomp.FilterFlagTSync,
		Policy:     seccomp.Policy{DefaultAction: seccomp.ActionAllow, Syscalls: groups},
	}
}

// limitsFilter is lockLimits' filter.
func limitsFilter() seccomp.Filter {
	return refusing(seccomp.SyscallGroup{Action: seccomp.ActionErrno, Names: []string{"setrlimit", "prlimit64"}})
}

// filter is the sandbox's filter (closeSandbox).
func filter() seccomp.Filter {
	pid := uint64(os.Getpid())
	return refusing([]seccomp.SyscallGroup{
		{Action: seccomp.ActionErrno, Names: denied},
		// glibc's pthread_create (cgo is linked in) tries clone3
		// first and uses clone, filtered below, when the kernel
		// says it has no clone3. Its flags are in memory a filter
		// cannot read, so it cannot be allowed for threads only.
		{Action: seccomp.ActionErrno | seccomp.Action(unix.ENOSYS), Names: []string{"clone3"}},
		{Action: seccomp.ActionErrno, NamesWithCondtions: []seccomp.NameWithConditions{
			// Threads yes (the Go runtime makes them), processes no.
			{Name: "clone", Conditions: seccomp.ArgumentConditions{
				{Argument: 0, Operation: seccomp.BitsNotSet, Value: unix.CLONE_THREAD},
			}},
			// Socket pairs of the local kind only: workbook/proc's
			// queues and pipes.
			{Name: "socketpair", Conditions: seccomp.ArgumentConditions{
				{Argument: 0, Operation: seccomp.NotEqual, Value: unix.AF_UNIX},
			}},
			// Signals to itself only: the runtime preempts goroutines
			// with tgkill(self, thread, SIGURG).
			{Name: "kill", Conditions: seccomp.ArgumentConditions{
				{Argument: 0, Operation: seccomp.NotEqual, Value: pid},
			}},
			{Name: "tgkill", Conditions: seccomp.ArgumentConditions{
				{Argument: 0, Operation: seccomp.NotEqual, Value: pid},
			}},
			{Name: "rt_sigqueueinfo", Conditions: seccomp.ArgumentConditions{
				{Argument: 0, Operation: seccomp.NotEqual, Value: pid},
			}},
		}},
		// No file or directory of the program's is setuid or setgid:
		// running as root, it would otherwise leave a root-owned
		// setuid program of its choosing on the host while it runs.
		{Action: seccomp.ActionErrno | seccomp.Action(unix.EPERM), NamesWithCondtions: setidModes()},
		// openat2 takes its mode in memory a filter cannot read; Go
		// never calls it.
		{Action: seccomp.ActionErrno | seccomp.Action(unix.ENOSYS), Names: []string{"openat2"}},
	}...)
}
