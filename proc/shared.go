package proc

import (
	"fmt"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"unsafe"

	"golang.org/x/sys/unix"
)

// A Value is an int64 in memory shared by every process it is passed to:
// multiprocessing's Value. Its methods are atomic; Lock and Unlock guard
// longer work on it, like get_lock() in Python.
type Value struct {
	mem *shared
}

// NewValue returns a new shared value holding v. Like make, it panics
// when the system has no room for one.
func NewValue(v int64) *Value {
	m := newShared("proc.Value", 1)
	m.slot(0).Store(v)
	return &Value{m}
}

// Load returns the value.
func (v *Value) Load() int64 { return v.mem.slot(0).Load() }

// Store sets the value.
func (v *Value) Store(x int64) { v.mem.slot(0).Store(x) }

// Add adds delta to the value and returns the new value.
func (v *Value) Add(delta int64) int64 { return v.mem.slot(0).Add(delta) }

// CompareAndSwap sets the value to new if it is old, and reports whether
// it did.
func (v *Value) CompareAndSwap(old, new int64) bool {
	return v.mem.slot(0).CompareAndSwap(old, new)
}

// Lock locks the value's lock, waiting while any goroutine of any process
// holds it.
func (v *Value) Lock() { v.mem.lock() }

// Unlock unlocks the value's lock.
func (v *Value) Unlock() { v.mem.unlock() }

func (v *Value) kind() string      { return "Value" }
func (v *Value) files() []*os.File { return []*os.File{v.mem.file} }

// MarshalJSON refuses: a value goes to a process as an argument.
func (v *Value) MarshalJSON() ([]byte, error) { return nil, errNested("Value") }

// UnmarshalJSON maps the value a process received as an argument.
func (v *Value) UnmarshalJSON(data []byte) error {
	fs, err := receive(data, "Value", 1)
	if err != nil {
		return err
	}
	v.mem, err = mapShared(fs[0])
	return err
}

// An Array is a fixed number of int64s in memory shared by every process
// it is passed to: multiprocessing's Array. Its methods are atomic; Lock
// and Unlock guard longer work on it.
type Array struct {
	mem *shared
}

// MaxArray is the largest length of an Array.
const MaxArray = 1 << 24

// NewArray returns a new shared array of n zeros. Like make, it panics
// when n is out of range (0 to MaxArray) or the system has no room.
func NewArray(n int) *Array {
	if n < 0 || n > MaxArray {
		panic(fmt.Sprintf("proc: NewArray(%d): the length of an array is from 0 to %d", n, MaxArray))
	}
	return &Array{newShared("proc.Array", n)}
}

// Len is the number of elements.
func (a *Array) Len() int { return a.mem.n }

// Load returns element i.
func (a *Array) Load(i int) int64 { return a.mem.at(i).Load() }

// Store sets element i.
func (a *Array) Store(i int, x int64) { a.mem.at(i).Store(x) }

// Add adds delta to element i and returns its new value.
func (a *Array) Add(i int, delta int64) int64 { return a.mem.at(i).Add(delta) }

// CompareAndSwap sets element i to new if it is old, and reports whether
// it did.
func (a *Array) CompareAndSwap(i int, old, new int64) bool {
	return a.mem.at(i).CompareAndSwap(old, new)
}

// Values returns a copy of the elements, each read atomically.
func (a *Array) Values() []int64 {
	out := make([]int64, a.mem.n)
	for i := range out {
		out[i] = a.mem.slot(i).Load()
	}
	return out
}

// Lock locks the array's lock, waiting while any goroutine of any process
// holds it.
func (a *Array) Lock() { a.mem.lock() }

// Unlock unlocks the array's lock.
func (a *Array) Unlock() { a.mem.unlock() }

func (a *Array) kind() string      { return "Array" }
func (a *Array) files() []*os.File { return []*os.File{a.mem.file} }

// MarshalJSON refuses: an array goes to a process as an argument.
func (a *Array) MarshalJSON() ([]byte, error) { return nil, errNested("Array") }

// UnmarshalJSON maps the array a process received as an argument.
func (a *Array) UnmarshalJSON(data []byte) error {
	fs, err := receive(data, "Array", 1)
	if err != nil {
		return err
	}
	a.mem, err = mapShared(fs[0])
	return err
}

// A Lock is a mutual-exclusion lock shared by every process it is passed
// to: multiprocessing's Lock. Within one process it is also a sync.Mutex
// (and the race detector sees it as one).
type Lock struct {
	mem *shared
}

// NewLock returns a new, unlocked lock. Like make, it panics when the
// system has no room for one.
func NewLock() *Lock { return &Lock{newShared("proc.Lock", 0)} }

// Lock locks l, waiting while any goroutine of any process holds it.
func (l *Lock) Lock() { l.mem.lock() }

// Unlock unlocks l.
func (l *Lock) Unlock() { l.mem.unlock() }

func (l *Lock) kind() string      { return "Lock" }
func (l *Lock) files() []*os.File { return []*os.File{l.mem.file} }

// MarshalJSON refuses: a lock goes to a process as an argument.
func (l *Lock) MarshalJSON() ([]byte, error) { return nil, errNested("Lock") }

// UnmarshalJSON maps the lock a process received as an argument.
func (l *Lock) UnmarshalJSON(data []byte) error {
	fs, err := receive(data, "Lock", 1)
	if err != nil {
		return err
	}
	l.mem, err = mapShared(fs[0])
	return err
}

// shared is a mapping of shared memory: a memory file (memfd) that new
// processes inherit and map in turn. Its layout: a lock word, padded to 16
// bytes, then the elements; its size gives their number.
type shared struct {
	file  *os.File
	mem   []byte
	n     int
	local sync.Mutex // the lock within this process
}

const header = 16

// newShared makes the memory of a Value, Array or Lock of n elements, or
// panics.
//
// Shared memory is outside what RLIMIT_DATA counts, so it is checked
// against that limit here: one mapping bigger than the process may hold
// is refused at once. (In the workbook's sandbox, the runner also counts
// the shared memory every process of a run has touched.)
func newShared(name string, n int) *shared {
	size := uint64(header + 8*n)
	var lim unix.Rlimit
	if unix.Getrlimit(unix.RLIMIT_DATA, &lim) == nil && lim.Cur != unix.RLIM_INFINITY && size > lim.Cur {
		panic(fmt.Errorf("proc: New%s: %d MiB of shared memory is more than the program may use (%d MiB)", name[len("proc."):], size>>20, lim.Cur>>20))
	}
	fd, err := unix.MemfdCreate(name, unix.MFD_CLOEXEC)
	if err != nil {
		panic(fmt.Errorf("proc: New%s: %w", name[len("proc."):], os.NewSyscallError("memfd_create", err)))
	}
	f := os.NewFile(uintptr(fd), name)
	if err := f.Truncate(int64(header + 8*n)); err != nil {
		f.Close()
		panic(fmt.Errorf("proc: New%s: %w", name[len("proc."):], err))
	}
	m, err := mapShared(f)
	if err != nil {
		f.Close()
		panic(fmt.Errorf("proc: New%s: %w", name[len("proc."):], err))
	}
	return m
}

// mapShared maps a memory file.
func mapShared(f *os.File) (*shared, error) {
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.Size() < header || (st.Size()-header)%8 != 0 {
		return nil, fmt.Errorf("proc: not the memory of a Value, Array or Lock")
	}
	mem, err := unix.Mmap(int(f.Fd()), 0, int(st.Size()), unix.PROT_READ|unix.PROT_WRITE, unix.MAP_SHARED)
	if err != nil {
		return nil, os.NewSyscallError("mmap", err)
	}
	s := &shared{file: f, mem: mem, n: int((st.Size() - header) / 8)}
	runtime.AddCleanup(s, func(mem []byte) { unix.Munmap(mem) }, mem)
	return s, nil
}

func (s *shared) slot(i int) *atomic.Int64 {
	return (*atomic.Int64)(unsafe.Pointer(&s.mem[header+8*i]))
}

func (s *shared) at(i int) *atomic.Int64 {
	if i < 0 || i >= s.n {
		panic(fmt.Sprintf("proc: index %d out of range [0:%d]", i, s.n))
	}
	return s.slot(i)
}

// The lock word is a futex: 0 unlocked, 1 locked, 2 locked with processes
// waiting (the mutex of Drepper's "Futexes Are Tricky"). Goroutines of one
// process first take the process's own mutex, so that only one of them at
// a time waits on the futex, and the race detector sees the lock.
func (s *shared) word() *int32 { return (*int32)(unsafe.Pointer(&s.mem[0])) }

func (s *shared) lock() {
	s.local.Lock()
	w := s.word()
	if atomic.CompareAndSwapInt32(w, 0, 1) {
		return
	}
	for atomic.SwapInt32(w, 2) != 0 {
		futex(w, futexWait, 2)
	}
}

func (s *shared) unlock() {
	w := s.word()
	if atomic.AddInt32(w, -1) != 0 {
		atomic.StoreInt32(w, 0)
		futex(w, futexWake, 1)
	}
	s.local.Unlock()
}

// The operations of futex(2), shared between processes (without
// FUTEX_PRIVATE_FLAG).
const (
	futexWait = 0
	futexWake = 1
)

// futex waits on or wakes the word, shared between processes (not
// FUTEX_PRIVATE_FLAG).
func futex(w *int32, op int, val int32) {
	unix.Syscall6(unix.SYS_FUTEX, uintptr(unsafe.Pointer(w)), uintptr(op), uintptr(val), 0, 0, 0)
}
