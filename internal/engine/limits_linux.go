package engine

import (
	"golang.org/x/sys/unix"

	"workbook/internal/wire"
)

// setRlimits applies the limits to this process with setrlimit(2), which
// the kernel enforces whatever the program does:
//
//   - RLIMIT_CPU: SIGXCPU at the soft limit, SIGKILL a second later;
//   - RLIMIT_DATA, not RLIMIT_AS: the Go runtime reserves address space it
//     never touches, and RLIMIT_AS below about 1 GiB breaks it; the heap is
//     anonymous mappings, which RLIMIT_DATA counts;
//   - RLIMIT_FSIZE: a write past it fails with EFBIG (Go ignores SIGXFSZ);
//   - RLIMIT_NOFILE, and RLIMIT_CORE of zero: no core dumps.
func setRlimits(l wire.Limits) bool {
	ok := true
	set := func(res int, v uint64) {
		if err := unix.Setrlimit(res, &unix.Rlimit{Cur: v, Max: v}); err != nil {
			ok = false
		}
	}
	cpu := uint64(l.CPU.Seconds() + 0.999)
	if err := unix.Setrlimit(unix.RLIMIT_CPU, &unix.Rlimit{Cur: cpu, Max: cpu + 1}); err != nil {
		ok = false
	}
	set(unix.RLIMIT_DATA, uint64(dataLimit(l.Memory)))
	set(unix.RLIMIT_FSIZE, uint64(l.FileSize))
	set(unix.RLIMIT_NOFILE, uint64(l.OpenFiles))
	set(unix.RLIMIT_CORE, 0)
	return ok
}

// RaceMemoryFactor is how much more address space than the memory limit a
// race-enabled child may map: the race detector keeps shadow memory and
// a history for every goroutine, mostly untouched (8000 goroutines map
// over 1 GiB and use 350 MiB).
const RaceMemoryFactor = 4

// dataLimit is the RLIMIT_DATA of a child with the given memory limit.
func dataLimit(memory int64) int64 {
	if raceEnabled {
		return memory * RaceMemoryFactor
	}
	return memory
}
