package engine

import (
	"errors"
	"fmt"
	"go/scanner"
	"go/token"
	"io/fs"
	"os"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"
	"testing/fstest"

	"github.com/traefik/yaegi/interp"

	"workbook/internal/lower"
	"workbook/internal/stdlib"
	"workbook/internal/wire"
)

// progDir is where the program's files are in the interpreter's source
// file system; the source implementations of package stdlib are under src/.
const progDir = "prog"

// sourceFS is the file system the interpreter reads sources from: the
// program's lowered files, and the GOPATH of package stdlib.
type sourceFS struct{ prog fstest.MapFS }

func newSourceFS(files map[string][]byte) sourceFS {
	m := fstest.MapFS{}
	for name, src := range files {
		m[name] = &fstest.MapFile{Data: src, Mode: 0o444}
	}
	return sourceFS{m}
}

func (s sourceFS) Open(name string) (fs.File, error) {
	if name == "src" || strings.HasPrefix(name, "src/") {
		return stdlib.Source.Open(name)
	}
	return s.prog.Open(name)
}

// yaegiPos matches the position yaegi puts at the start of its messages:
// "prog/main.go:12:3: ".
var yaegiPos = regexp.MustCompile(`^(?:\./)?` + progDir + `/([^:]+\.go):(\d+):(\d+): `)

// mapError turns an error of the interpreter's compiler into diagnostics at
// the learner's positions. The program passed the type checker, so such an
// error means the interpreter cannot run something: the message says so.
func (c *child) mapError(err error) error {
	if err == nil {
		return nil
	}
	var list scanner.ErrorList
	if errors.As(err, &list) && len(list) > 0 {
		err = list[0]
	}
	msg := err.Error()
	var p interp.Panic
	if errors.As(err, &p) {
		msg = fmt.Sprint(p.Value)
	}
	return c.diagnostic(msg)
}

// interpreterFailure turns a panic of the interpreter's compiler into a
// diagnostic, never a stack trace.
func (c *child) interpreterFailure(r any) error {
	if debugging {
		fmt.Fprintf(c.stderr, "workbook: interpreter panic: %v\n%s", r, debug.Stack())
	}
	return c.diagnostic(fmt.Sprint(r))
}

// debugging is set by WORKBOOK_DEBUG=1 in the runner's environment: the
// child then prints the interpreter's stack traces, for whoever works on
// the workbook itself.
var debugging = os.Getenv("WORKBOOK_DEBUG") == "1"

func (c *child) diagnostic(msg string) error {
	// Keep the innermost position of the program's own files.
	file, line, col := "", 0, 0
	for _, part := range strings.Split(msg, ": ") {
		if m := yaegiPos.FindStringSubmatch(part + ": "); m != nil {
			file = m[1]
			line, _ = strconv.Atoi(m[2])
			col, _ = strconv.Atoi(m[3])
		}
	}
	detail := msg
	if i := strings.LastIndex(msg, ".go:"); i >= 0 {
		// Drop every "file:line:col: " and "CFG post-order panic: "
		// prefix: what is left is the interpreter's complaint.
		rest := msg[i:]
		if j := strings.Index(rest, ": "); j >= 0 {
			rest = rest[j+2:]
			if k := strings.Index(rest, ": "); k >= 0 && isDigits(rest[:k]) {
				rest = rest[k+2:]
			}
		}
		detail = rest
	}
	detail = strings.TrimPrefix(detail, "CFG post-order panic: ")
	detail = strings.TrimPrefix(detail, "runtime error: ")
	if file != "" && c.prog != nil {
		line, col = c.prog.Position(file, line, col)
	}
	if f, l := c.place(file, line); f != file {
		file, line, col = f, l, 0
	}
	e := lower.Error{Msg: "the workbook interpreter cannot run this yet: " + detail}
	e.Pos.Filename, e.Pos.Line, e.Pos.Column = file, line, col
	return lower.Errors{e}
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// Positions are shown in the learner's terms wherever the engine tells
// them (a diagnostic, a panic's trace, a deadlock, a race, a test's log):
// the file and line the learner wrote, before lowering; nothing of a
// hidden file but its being hidden; functions named as Go names them.

// place is where a position of the program is shown: a hidden file's
// name and lines are not.
func (c *child) place(file string, line int) (string, int) {
	for _, f := range c.req.Files {
		if f.Name == file && f.Hidden {
			return wire.HiddenFile, 0
		}
	}
	return file, line
}

// funcName names a function of the program as Go does: the interpreter
// knows the main package by its directory.
func (c *child) funcName(name string) string {
	pkg := "main"
	if c.prog != nil {
		pkg = c.prog.Package
	}
	for _, prefix := range []string{"./" + progDir + ".", progDir + "."} {
		if strings.HasPrefix(name, prefix) {
			return pkg + "." + strings.TrimPrefix(name, prefix)
		}
	}
	return name
}

// frameAt describes the program's position pos: the function and the
// learner's file and line.
func (c *child) frameAt(pos token.Pos) *wire.Frame {
	p := c.interp.Position(pos)
	file := strings.TrimPrefix(strings.TrimPrefix(p.Filename, "./"), progDir+"/")
	line := p.Line
	if c.prog != nil {
		line, _ = c.prog.Position(file, p.Line, p.Column)
	}
	file, line = c.place(file, line)
	return &wire.Frame{Func: c.funcName(c.interp.FuncAt(pos)), File: file, Line: line}
}
