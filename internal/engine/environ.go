package engine

import (
	"os"
	"reflect"
	"sort"
	"sync"
)

// environ is the program's environment: its own, with only HOME, TMPDIR
// and PATH, never the host's.
type environ struct {
	mu   sync.Mutex
	vars map[string]string
}

func newEnviron(work string) *environ {
	return &environ{vars: map[string]string{"HOME": work, "TMPDIR": work, "PATH": "/usr/bin:/bin"}}
}

func (e *environ) Getenv(key string) string {
	v, _ := e.LookupEnv(key)
	return v
}

func (e *environ) LookupEnv(key string) (string, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	v, ok := e.vars[key]
	return v, ok
}

func (e *environ) Setenv(key, value string) error {
	if key == "" {
		return os.NewSyscallError("setenv", errInvalid)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	e.vars[key] = value
	return nil
}

func (e *environ) Unsetenv(key string) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	delete(e.vars, key)
	return nil
}

func (e *environ) Clearenv() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.vars = map[string]string{}
}

func (e *environ) Environ() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	var kv []string
	for k, v := range e.vars {
		kv = append(kv, k+"="+v)
	}
	sort.Strings(kv)
	return kv
}

func (e *environ) ExpandEnv(s string) string { return os.Expand(s, e.Getenv) }

func hostname() (string, error) { return "workbook", nil }

type invalidError struct{}

func (invalidError) Error() string { return "invalid argument" }

var errInvalid = invalidError{}

func (e *environ) symbols() map[string]reflect.Value {
	v := reflect.ValueOf
	return map[string]reflect.Value{
		"Getenv": v(e.Getenv), "LookupEnv": v(e.LookupEnv), "Setenv": v(e.Setenv),
		"Unsetenv": v(e.Unsetenv), "Clearenv": v(e.Clearenv), "Environ": v(e.Environ),
		"ExpandEnv": v(e.ExpandEnv), "Hostname": v(hostname),
	}
}
