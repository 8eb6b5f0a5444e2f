package engine

import (
	"fmt"
	"log"
	"path"
	"reflect"
	"runtime"
	"sort"

	"github.com/traefik/yaegi/interp"

	"workbook/internal/allow"
	"workbook/internal/lower"
	"workbook/internal/stdlib"
)

// sourceImports are the binary packages the source implementations of
// package stdlib import.
var sourceImports = []string{"errors", "math/rand/v2", "sort", "sync", "sync/atomic"}

// always are the packages whose yaegi symbols are loaded whatever the
// program imports: yaegi's own stdio plumbing (fixStdlib) works on fmt, os
// and log.
var always = []string{"fmt", "log", "os"}

// alsoLoads are the packages whose symbols a package needs loaded with
// its own: the interfaces whose wrappers its functions take (proc encodes
// messages with encoding/json, which looks for json.Marshaler).
var alsoLoads = map[string][]string{
	"workbook/proc": {"encoding", "encoding/json"},
}

// common are the packages most programs of the workbook import: a warm
// child (one waiting in a pool) prepares them before its request comes.
var common = []string{
	"context", "errors", "fmt", "log", "math", "math/rand", "os", "runtime",
	"sort", "strconv", "strings", "sync", "sync/atomic", "time",
}

// prebuilt holds the symbol tables a warm child built ahead of time.
var prebuilt = map[string]map[string]reflect.Value{}

// warm prepares the common packages: their type information for the front
// end, their symbol tables for the interpreter.
func warm() {
	lower.Preload(append(append([]string{}, common...), "iter", "slices", "maps", "cmp")...)
	for _, p := range append(append([]string{}, common...), sourceImports...) {
		key := symbolKey(p)
		if build, ok := stdlib.Lazy[key]; ok {
			prebuilt[key] = build()
		}
	}
}

func symbolKey(p string) string {
	if p == "math/rand/v2" {
		return p + "/rand"
	}
	return p + "/" + path.Base(p)
}

// symbols returns the binary packages the program may use, with the
// engine's replacements in place (see allow.Package.Engine).
func (c *child) symbols() interp.Exports {
	want := map[string]bool{}
	for _, p := range append(append(append([]string{}, c.prog.Imports...), sourceImports...), always...) {
		if ap, ok := allow.Lookup(p); ok && !ap.Source {
			want[p] = true
			for _, q := range alsoLoads[p] {
				want[q] = true
			}
		}
	}
	exports := interp.Exports{
		lower.RuntimePath + "/rt": {"Clear": reflect.ValueOf(clearValue), "RunDeferred": reflect.ValueOf(runDeferred)},
	}
	for p := range want {
		key := symbolKey(p)
		if syms, ok := prebuilt[key]; ok {
			exports[key] = syms
			continue
		}
		build, ok := stdlib.Lazy[key]
		if !ok {
			continue
		}
		exports[key] = build()
	}
	WithMethodLookups(exports)
	return exports
}

// overrides returns, per import path, the values the engine puts in place
// of the compiled ones. They are applied after yaegi's own stdio fixes.
func (c *child) overrides() map[string]map[string]reflect.Value {
	v := reflect.ValueOf
	o := c.files.symbols()
	for k, val := range c.env.symbols() {
		o["os"][k] = val
	}
	o["os"]["Exit"] = v(c.osExit)
	o["os"]["Getppid"] = v(c.getppid)
	o["log"] = map[string]reflect.Value{
		"Default": v(log.Default), "Flags": v(log.Flags), "Output": v(log.Output),
		"Panic": v(log.Panic), "Panicf": v(log.Panicf), "Panicln": v(log.Panicln),
		"Prefix": v(log.Prefix), "Print": v(log.Print), "Printf": v(log.Printf),
		"Println": v(log.Println), "SetFlags": v(log.SetFlags), "SetOutput": v(log.SetOutput),
		"SetPrefix": v(log.SetPrefix), "Writer": v(log.Writer),
		"Fatal":   v(func(a ...any) { log.Output(2, fmt.Sprint(a...)); c.exit(1) }),
		"Fatalf":  v(func(f string, a ...any) { log.Output(2, fmt.Sprintf(f, a...)); c.exit(1) }),
		"Fatalln": v(func(a ...any) { log.Output(2, fmt.Sprintln(a...)); c.exit(1) }),
	}
	o["testing"] = testingSymbols()
	o["runtime"] = map[string]reflect.Value{
		"NumGoroutine": v(c.monitor.numGoroutine),
		"Goexit":       v(runtime.Goexit),
	}
	for p, syms := range librarySymbols() {
		if o[p] == nil {
			o[p] = map[string]reflect.Value{}
		}
		for k, val := range syms {
			o[p][k] = val
		}
	}
	for p, syms := range c.monitor.symbols() {
		if o[p] == nil {
			o[p] = map[string]reflect.Value{}
		}
		for k, val := range syms {
			o[p][k] = val
		}
	}
	return o
}

// useOverrides applies the overrides of the packages the interpreter has.
func (c *child) useOverrides(i *interp.Interpreter, have interp.Exports) error {
	over := interp.Exports{}
	for p, syms := range c.overrides() {
		key := symbolKey(p)
		if _, ok := have[key]; !ok {
			continue
		}
		over[key] = syms
	}
	WithMethodLookups(over)
	return i.Use(over)
}

// engineNames lists, sorted, the "path.Name" of every replacement the
// engine makes; a test holds it equal to the allowlist's Engine lists.
func (c *child) engineNames() []string {
	var names []string
	for p, syms := range c.overrides() {
		for k := range syms {
			names = append(names, p+"."+k)
		}
	}
	sort.Strings(names)
	return names
}

// clearValue is the builtin clear for the lowered code: it empties a map,
// NaN keys included, or zeroes the elements of a slice.
func clearValue(x any) {
	v := reflect.ValueOf(x)
	if v.Kind() == reflect.Map || v.Kind() == reflect.Slice {
		v.Clear()
	}
}

// runDeferred runs, last first, the calls a function deferred in the body
// of a range-over-function loop (see package lower). A panic in one leaves
// the others to run, then goes on.
func runDeferred(calls *[]func()) {
	var panicked any
	for i := len(*calls) - 1; i >= 0; i-- {
		func() {
			defer func() {
				if r := recover(); r != nil {
					panicked = r
				}
			}()
			(*calls)[i]()
		}()
	}
	if panicked != nil {
		panic(panicked)
	}
}
