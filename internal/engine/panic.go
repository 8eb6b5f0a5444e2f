package engine

import (
	"fmt"
	"go/token"
	"path/filepath"
	"reflect"
	"runtime"
	"strconv"
	"strings"

	"github.com/traefik/yaegi/interp"

	"workbook/internal/wire"
)

// A panic the program does not recover ends it as it ends a Go program:
// the value printed as the runtime prints it, the trace at the learner's
// lines (the interpreter records the program's frames as the panic
// unwinds, interp.PanicTrace), where the goroutine was started, exit
// status 2. A test's panic fails the test instead (tests.go).

// panicOf tells a recovered panic in the program's terms: its value as
// the Go runtime prints it, and its stack at the learner's lines.
func (c *child) panicOf(r any) *wire.Panic {
	var frames []interp.PanicFrame
	if t, ok := r.(*interp.PanicTrace); ok {
		r, frames = t.Value, t.Frames
	}
	p := &wire.Panic{Value: panicValue(r)}
	for _, f := range frames {
		fr := wire.Frame{Func: c.funcName(f.Func)}
		if f.Pos.IsValid() {
			file := strings.TrimPrefix(f.Pos.Filename, progDir+"/")
			file = strings.TrimPrefix(file, "./"+progDir+"/")
			line := f.Pos.Line
			if c.prog != nil {
				line, _ = c.prog.Position(file, f.Pos.Line, f.Pos.Column)
			}
			if strings.HasPrefix(file, "src/") {
				// Inside a source implementation of the library: name
				// the package, as Go's traces name GOROOT files.
				file = filepath.Join("$GOROOT", strings.TrimPrefix(file, "src/"))
			}
			fr.File, fr.Line = c.place(file, line)
		}
		p.Stack = append(p.Stack, fr)
	}
	return p
}

// panicked reports an unrecovered panic of goroutine id, prints it as Go
// does, and exits 2.
func (c *child) panicked(id int, r any) {
	p := c.panicOf(r)
	p.Goroutine = id
	p.Test = c.tests.running()
	if st, ok := gstates()[id]; ok && c.monitor != nil {
		p.Created, p.CreatedIn = c.creation(st, c.monitor.mainID())
	}
	c.end(2, []byte(p.Text()), wire.Report{Kind: wire.KindPanic, Panic: p})
}

// creation says where goroutine g was started: the function and line of
// the go statement (or wg.Go, time.AfterFunc…), and the goroutine that
// ran it, main's being goroutine 1. Nothing for main.
func (c *child) creation(g gstate, main int) (*wire.Frame, int) {
	pos := token.Pos(g.created)
	if !pos.IsValid() || g.id == main {
		return nil, 0
	}
	parent := g.parent
	if parent == main || parent == 0 {
		parent = 1
	}
	f := c.frameAt(pos)
	if f == nil || f.File == "" {
		return nil, 0
	}
	return f, parent
}

// panicValue prints a panic's value as the Go runtime does.
func panicValue(v any) string {
	if rv, ok := v.(reflect.Value); ok {
		if !rv.IsValid() {
			return "panic called with nil argument"
		}
		v = rv.Interface()
	}
	switch v := v.(type) {
	case nil:
		return "panic called with nil argument"
	case error:
		return runtimeMessage(v)
	case fmt.Stringer:
		return v.String()
	case string:
		return v
	}
	rv := reflect.ValueOf(v)
	t := rv.Type()
	named := t.Name() != "" && t.PkgPath() != ""
	switch rv.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		if named {
			return fmt.Sprintf("%s(%v)", t, v)
		}
		return fmt.Sprint(v)
	case reflect.String:
		return fmt.Sprintf("%s(%s)", t, strconv.Quote(rv.String()))
	}
	return fmt.Sprintf("(%s) %p", t, &v)
}

// runtimeMessage words the errors of the interpreter's reflection the way
// the Go runtime words the same faults.
func runtimeMessage(err error) string {
	msg := err.Error()
	if _, ok := err.(runtime.Error); !ok {
		return msg
	}
	switch {
	case strings.HasPrefix(msg, "reflect: slice index out of range"),
		strings.HasPrefix(msg, "reflect: array index out of range"),
		strings.HasPrefix(msg, "reflect: string index out of range"):
		return "runtime error: index out of range"
	case strings.HasPrefix(msg, "reflect: call of reflect.Value.Elem on zero Value"),
		strings.Contains(msg, "nil pointer"):
		return "runtime error: invalid memory address or nil pointer dereference"
	}
	return msg
}
