package engine

import (
	"encoding/binary"
	"os"
	"slices"
	"testing"
	"time"
	"unsafe"

	seccomp "github.com/elastic/go-seccomp-bpf"
	"github.com/elastic/go-seccomp-bpf/arch"
	"golang.org/x/net/bpf"
	"golang.org/x/sys/unix"

	"workbook/internal/wire"
)

// TestSeccompFilter runs the child's two seccomp filters (the sandbox's,
// then lockLimits') in a BPF simulator, on the system calls a program
// could try: what they refuse, and what the Go runtime needs them to let
// through. As in the kernel, a call is refused when either refuses it.
func TestSeccompFilter(t *testing.T) {
	if *(*byte)(unsafe.Pointer(&[]uint16{1}[0])) != 1 {
		t.Skip("seccomp_data is laid out for a little-endian machine here")
	}
	var vms []*bpf.VM
	for _, f := range []seccomp.Filter{filter(), limitsFilter()} {
		prog, err := f.Policy.Assemble()
		if err != nil {
			t.Fatal(err)
		}
		vm, err := bpf.NewVM(prog)
		if err != nil {
			t.Fatal(err)
		}
		vms = append(vms, vm)
	}
	info, err := arch.GetInfo("")
	if err != nil {
		t.Skip(err)
	}
	pid := uint64(os.Getpid())
	const (
		allow  = seccomp.ActionAllow
		eperm  = seccomp.ActionErrno | seccomp.Action(unix.EPERM)
		enosys = seccomp.ActionErrno | seccomp.Action(unix.ENOSYS)
	)
	tests := []struct {
		name string
		args []uint64
		want seccomp.Action
	}{
		{"execve", nil, eperm},
		{"fork", nil, eperm},
		{"socket", []uint64{unix.AF_INET, unix.SOCK_STREAM}, eperm},
		{"connect", nil, eperm},
		{"ptrace", nil, eperm},
		{"setrlimit", nil, eperm},
		{"prlimit64", nil, eperm},
		{"setsid", nil, eperm},
		{"unshare", nil, eperm},
		{"mount", nil, eperm},
		{"bpf", nil, eperm},
		{"io_uring_setup", nil, eperm},
		// The C library falls back to clone on ENOSYS.
		{"clone3", nil, enosys},
		{"openat2", nil, enosys},
		// Threads, not processes.
		{"clone", []uint64{unix.CLONE_VM | unix.CLONE_FS | unix.CLONE_FILES | unix.CLONE_SIGHAND | unix.CLONE_THREAD | unix.CLONE_SYSVSEM}, allow},
		{"clone", []uint64{uint64(unix.SIGCHLD)}, eperm},                                    // fork
		{"clone", []uint64{unix.CLONE_VM | unix.CLONE_VFORK | uint64(unix.SIGCHLD)}, eperm}, // posix_spawn
		// Local socket pairs only: proc's queues and pipes.
		{"socketpair", []uint64{unix.AF_UNIX, unix.SOCK_SEQPACKET}, allow},
		{"socketpair", []uint64{unix.AF_INET, unix.SOCK_STREAM}, eperm},
		// Signals to itself only: the runtime preempts with tgkill.
		{"kill", []uint64{pid, uint64(unix.SIGURG)}, allow},
		{"kill", []uint64{1, uint64(unix.SIGKILL)}, eperm},
		{"tgkill", []uint64{pid, pid + 1, uint64(unix.SIGURG)}, allow},
		{"tgkill", []uint64{pid + 1, pid + 1, uint64(unix.SIGURG)}, eperm},
		{"rt_sigqueueinfo", []uint64{1}, eperm},
		// No setuid or setgid files.
		{"openat", []uint64{0, 0, unix.O_CREAT | unix.O_WRONLY, 0o644}, allow},
		{"openat", []uint64{0, 0, unix.O_CREAT | unix.O_WRONLY, 0o4755}, eperm},
		{"openat", []uint64{0, 0, unix.O_CREAT | unix.O_WRONLY, 0o2755}, eperm},
		{"fchmodat", []uint64{0, 0, 0o755}, allow},
		{"fchmodat", []uint64{0, 0, 0o4755}, eperm},
		{"chmod", []uint64{0, 0o6755}, eperm},
		{"mkdirat", []uint64{0, 0, 0o2775}, eperm},
		// What every Go program does.
		{"read", nil, allow},
		{"write", nil, allow},
		{"mmap", nil, allow},
		{"futex", nil, allow},
		{"epoll_pwait", nil, allow},
		{"sched_yield", nil, allow},
		{"rt_sigreturn", nil, allow},
		{"getpid", nil, allow},
		{"exit_group", nil, allow},
	}
	for _, tt := range tests {
		nr, ok := info.SyscallNames[tt.name]
		if !ok {
			continue // not a call of this architecture (fork, chmod on arm64)
		}
		// seccomp_data: nr, arch, instruction pointer, six arguments. The
		// simulator loads words big-endian; the filter loads each half of
		// an argument where a little-endian kernel puts it.
		data := make([]byte, 64)
		binary.BigEndian.PutUint32(data[0:], uint32(nr))
		binary.BigEndian.PutUint32(data[4:], uint32(info.ID))
		for i, a := range tt.args {
			binary.BigEndian.PutUint32(data[16+8*i:], uint32(a))
			binary.BigEndian.PutUint32(data[16+8*i+4:], uint32(a>>32))
		}
		got := int(seccomp.ActionAllow)
		for _, vm := range vms {
			action, err := vm.Run(data)
			if err != nil {
				t.Fatal(err)
			}
			if seccomp.Action(got) == seccomp.ActionAllow {
				got = action
			}
		}
		if seccomp.Action(got) != tt.want {
			t.Errorf("%s(%#o) = %v; want %v", tt.name, tt.args, seccomp.Action(got), tt.want)
		}
	}
}

// TestDenied: the calls refused outright are all known to the filter's
// library, once each, and none is one the Go runtime needs.
func TestDenied(t *testing.T) {
	info, err := arch.GetInfo("")
	if err != nil {
		t.Skip(err)
	}
	seen := map[string]bool{}
	for _, name := range denied {
		if seen[name] {
			t.Errorf("%s is denied twice", name)
		}
		seen[name] = true
	}
	for _, name := range []string{"clone", "clone3", "mmap", "munmap", "futex", "tgkill", "kill", "rt_sigaction", "rt_sigprocmask", "sigaltstack", "openat", "read", "write", "close", "exit_group", "socketpair", "getpid", "gettid", "madvise", "sched_yield", "nanosleep", "epoll_pwait", "epoll_ctl", "pipe2"} {
		if seen[name] {
			t.Errorf("%s is denied outright; the Go runtime or the engine needs it", name)
		}
	}
	if _, ok := info.SyscallNames["execve"]; !ok {
		t.Fatal("the filter's library does not know execve")
	}
	names := make([]string, 0, len(setidModes()))
	for _, s := range setidModes() {
		names = append(names, s.Name)
	}
	if !slices.IsSorted(names) {
		t.Errorf("setidModes() = %q; want them sorted, for a filter the same every time", names)
	}
}

func TestWithDefaults(t *testing.T) {
	d := withDefaults(wire.Limits{})
	if d.CPU <= 0 || d.Memory <= 0 || d.FileSize <= 0 || d.OpenFiles <= 0 || d.Goroutines <= 0 || d.Threads <= 0 {
		t.Errorf("withDefaults(zero) = %+v; want every limit set", d)
	}
	given := wire.Limits{CPU: time.Second, Memory: 64 << 20, FileSize: 1 << 20, OpenFiles: 10, Goroutines: 100, Threads: 20}
	if got := withDefaults(given); got != given {
		t.Errorf("withDefaults(%+v) = %+v; want the limits given kept", given, got)
	}
	if got := withDefaults(wire.Limits{Memory: -1}); got.Memory != d.Memory {
		t.Errorf("withDefaults(Memory -1).Memory = %d; want the default, %d", got.Memory, d.Memory)
	}
}

func TestDataLimit(t *testing.T) {
	want := int64(128 << 20)
	if raceEnabled {
		want *= RaceMemoryFactor
	}
	if got := dataLimit(128 << 20); got != want {
		t.Errorf("dataLimit(128 MiB) with race detector %v = %d; want %d", raceEnabled, got, want)
	}
}

func TestEnvironment(t *testing.T) {
	t.Setenv("WORKBOOK_HOST_SECRET", "s3cr3t")
	e := newEnviron("/work")
	if e.Getenv("WORKBOOK_HOST_SECRET") != "" {
		t.Error("the host's environment leaks")
	}
	if got, want := e.Environ(), []string{"HOME=/work", "PATH=/usr/bin:/bin", "TMPDIR=/work"}; !slices.Equal(got, want) {
		t.Errorf("Environ() = %q; want %q", got, want)
	}
	if err := e.Setenv("", "x"); err == nil {
		t.Error("Setenv with an empty key succeeded")
	}
	e.Setenv("A", "1")
	if v, ok := e.LookupEnv("A"); !ok || v != "1" {
		t.Errorf("LookupEnv(A) = %q, %v", v, ok)
	}
	if got := e.ExpandEnv("$HOME/$A"); got != "/work/1" {
		t.Errorf("ExpandEnv = %q", got)
	}
	e.Unsetenv("A")
	if _, ok := e.LookupEnv("A"); ok {
		t.Error("LookupEnv(A) after Unsetenv found it")
	}
	e.Clearenv()
	if len(e.Environ()) != 0 {
		t.Errorf("Environ after Clearenv = %v", e.Environ())
	}
	if os.Getenv("WORKBOOK_HOST_SECRET") != "s3cr3t" {
		t.Error("the program's environment changed the process's")
	}
}
