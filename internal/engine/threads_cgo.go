//go:build cgo && linux

package engine

/*
#define _GNU_SOURCE
#include <pthread.h>

static int set_default_stack(size_t size) {
	pthread_attr_t attr;
	if (pthread_getattr_default_np(&attr) != 0) return -1;
	int r = pthread_attr_setstacksize(&attr, size);
	if (r == 0) r = pthread_setattr_default_np(&attr);
	pthread_attr_destroy(&attr);
	return r;
}
*/
import "C"

// threadStack is the stack of the threads the runtime starts from here on,
// in a binary linked with cgo: the C library's default, 8 MiB, counts
// against the memory limit (RLIMIT_DATA) as soon as it is mapped, which
// would stop a program at some fifty threads, far below the thread limit.
// Go code runs on goroutine stacks; these hold the runtime's own work and
// C code (the race detector's), for which a quarter of a MiB is ample.
const threadStack = 256 << 10

func smallThreadStacks() { C.set_default_stack(threadStack) }
