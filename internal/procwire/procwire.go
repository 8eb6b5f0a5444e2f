// Package procwire is what package proc shares with the workbook's sandbox
// child: how a new process is described, the hook through which the sandbox
// starts processes for proc, and the call of a process's target.
//
// Outside the sandbox, proc starts processes itself, re-executing the
// program; inside, a program may not start processes, so proc asks the
// engine (Sandbox), which asks the runner, which starts another sandbox
// child running the same program. Either way the new process runs one
// function of the program, the Entry's Target, with the Entry's Args.
package procwire

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"reflect"
	"syscall"
)

// Env marks a process proc started outside the sandbox; its value is
// Version. It carries the Entry on descriptor 3 and the handles' files on
// the descriptors after it.
const (
	Env     = "WORKBOOK_PROC"
	Version = "1"
)

// An Entry is what a new process runs.
type Entry struct {
	// Target names the function: "worker" in the sandbox, where the
	// program is one package; "main.worker", as the runtime names it,
	// outside.
	Target string `json:"target"`
	// Args are the arguments, a JSON array, handles (queues, pipes, shared
	// memory) encoded as the index of their file in Files.
	Args json.RawMessage `json:"args"`
	// Files is how many files come with the entry.
	Files int `json:"files"`

	// Outside the sandbox, the new process is the same executable: it finds
	// the function at the same distance from a function of proc, and its
	// type at the same distance from a type of proc, and checks both by
	// name before it calls anything.
	FuncOffset int64  `json:"funcOffset,omitempty"`
	TypeOffset int64  `json:"typeOffset,omitempty"`
	Type       string `json:"type,omitempty"`
}

// A Starter starts processes for proc.
type Starter interface {
	// Target names fn for a new process, or says why it cannot be one.
	Target(fn reflect.Value) (string, error)
	// Start starts a process running e, with files as its handles' files.
	Start(e Entry, files []*os.File) (Process, error)
}

// A Process is a process a Starter started.
type Process interface {
	Pid() int
	// Wait waits for the process to end and returns its exit code, or the
	// negated number of the signal that ended it.
	Wait() int
	Signal(sig syscall.Signal) error
}

// Sandbox is the engine's Starter, set in the sandbox child before the
// program runs; nil outside the sandbox.
var Sandbox Starter

// Files are the handles' files the running process received with its
// Entry, in order; nil in a process that was not started by proc.
var Files []*os.File

// Call calls fn with the arguments of e, decoded into the types of its
// parameters, and returns the exit code the process ends with: 0, or 1
// after printing the error fn returned last, if it returned one that is
// not nil.
func Call(fn reflect.Value, e Entry) (int, error) {
	var raw []json.RawMessage
	if err := json.Unmarshal(e.Args, &raw); err != nil {
		return 0, fmt.Errorf("reading the arguments of %s: %w", e.Target, err)
	}
	t := fn.Type()
	if len(raw) != t.NumIn() && !(t.IsVariadic() && len(raw) >= t.NumIn()-1) {
		return 0, fmt.Errorf("%s takes %d arguments, not %d", e.Target, t.NumIn(), len(raw))
	}
	args := make([]reflect.Value, len(raw))
	for i, r := range raw {
		pt := ParamType(t, i)
		v := reflect.New(pt)
		if err := json.Unmarshal(r, v.Interface()); err != nil {
			return 0, fmt.Errorf("argument %d of %s: %w", i+1, e.Target, err)
		}
		args[i] = v.Elem()
	}
	out := fn.Call(args)
	if n := len(out); n > 0 && t.Out(n-1) == errorType && !out[n-1].IsNil() {
		fmt.Fprintf(os.Stderr, "%s: %v\n", e.Target, out[n-1].Interface())
		return 1, nil
	}
	return 0, nil
}

// ParamType is the type argument i of a call of a function of type t
// takes, a variadic parameter's element type for the arguments it
// gathers.
func ParamType(t reflect.Type, i int) reflect.Type {
	if t.IsVariadic() && i >= t.NumIn()-1 {
		return t.In(t.NumIn() - 1).Elem()
	}
	return t.In(i)
}

var errorType = reflect.TypeFor[error]()

// ErrNotTopLevel says why a function value cannot be a process's target.
var ErrNotTopLevel = errors.New("the target of a process is a function declared at the top level of the program, called by name in the new process; a function literal or method value cannot be: the new process starts the program afresh and cannot see the variables it captures")
