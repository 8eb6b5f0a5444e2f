package interp

// This file holds what the workbook adds to the interpreter; see PATCHES.md.

import (
	"fmt"
	"go/token"
	"reflect"
	"runtime"
	"runtime/debug"
	"unsafe"
)

// A PanicTrace is the value a panic carries while it unwinds interpreted
// frames: the panic's own value, and one frame per interpreted function
// left, innermost first. It reaches the embedder when the panic is not
// recovered (from Execute, or from the function given to GoStart).
type PanicTrace struct {
	Value  interface{}
	Frames []PanicFrame
}

// A PanicFrame is one interpreted function a panic went through: the
// function, and the position it was executing.
type PanicFrame struct {
	Func string
	Pos  token.Position
}

// Error makes an unrecovered trace print its value, should it reach the Go
// runtime.
func (t *PanicTrace) Error() string { return fmt.Sprint(t.Value) }

// registerExec remembers which node an exec closure belongs to, so that the
// position being executed can be found from the closure alone.
func (interp *Interpreter) registerExec(n *node) {
	if n.exec == nil {
		return
	}
	if interp.execNodes == nil {
		interp.execNodes = map[uintptr]*node{}
	}
	k := closureAddr(n.exec)
	if _, ok := interp.execNodes[k]; !ok {
		interp.execNodes[k] = n
	}
}

func closureAddr(b bltn) uintptr { return *(*uintptr)(unsafe.Pointer(&b)) }

// panicFrame describes the function whose body starts at start, executing
// cur when the panic went through.
func (interp *Interpreter) panicFrame(start *node, cur bltn, funcNode *node) PanicFrame {
	at := start
	if cur != nil {
		if n := interp.execNodes[closureAddr(cur)]; n != nil {
			at = n
		}
	}
	name := panicFunc(at.scope)
	if funcNode != nil {
		if funcNode.kind == funcDecl && len(funcNode.child) > 1 {
			name = funcDecl2Name(funcNode, at.scope)
		}
	}
	return PanicFrame{Func: name, Pos: interp.fset.Position(at.pos)}
}

func funcDecl2Name(fn *node, sc *scope) string {
	pkg := "main"
	if sc != nil && sc.pkgID != "" {
		pkg = sc.pkgID
	}
	if recv := fn.child[0]; len(recv.child) > 0 {
		// A method: pkg.(*T).M or pkg.T.M.
		rt := recv.child[0].lastChild()
		star := ""
		if rt.kind == starExpr {
			star = "*"
			rt = rt.child[0]
		}
		if rt.kind == indexExpr || rt.kind == indexListExpr {
			rt = rt.child[0]
		}
		if star != "" {
			return fmt.Sprintf("%s.(*%s).%s", pkg, rt.ident, fn.child[1].ident)
		}
		return fmt.Sprintf("%s.%s.%s", pkg, rt.ident, fn.child[1].ident)
	}
	return pkg + "." + fn.child[1].ident
}

// goStart starts the goroutine of a go statement, through the embedder's
// hook when it set one.
func (interp *Interpreter) goStart(f func()) {
	if interp.opt.goStart != nil {
		interp.opt.goStart(f)
		return
	}
	go f()
}

// CompilePackage parses, type-checks and compiles the package in directory
// path of the source file system, with its _test.go files when tests is
// set, without running anything of it: RunCompiled runs its package
// initialisation and, for a main package, main. The packages it imports are
// initialised while it is compiled, as Go initialises them before it.
func (interp *Interpreter) CompilePackage(path string, tests bool) error {
	interp.compileOnly = path
	defer func() { interp.compileOnly = "" }()
	_, err := interp.importSrc(mainID, path, !tests)
	return err
}

// RunCompiled runs what CompilePackage compiled. An unrecovered panic of
// the program comes back as a Panic error, whose Value is a *PanicTrace.
func (interp *Interpreter) RunCompiled() (err error) {
	defer func() {
		if r := recover(); r != nil {
			var pc [64]uintptr
			n := runtime.Callers(1, pc[:])
			err = Panic{Value: r, Callers: pc[:n], Stack: debug.Stack()}
		}
	}()
	if interp.compiled == nil {
		return fmt.Errorf("nothing compiled")
	}
	interp.frame.setrunid(interp.runid())
	interp.compiled()
	return nil
}

// waitGens are the generators of the nodes at which a goroutine can block:
// channel operations, select, range over a channel, and calls (a call of
// compiled code may block in it, on a mutex or a wait group).
var waitGens = map[uintptr]string{}

func init() {
	for _, g := range []bltnGenerator{recv, recv2, send, _select, rangeChan, call, callBin} {
		waitGens[reflect.ValueOf(g).Pointer()] = ""
	}
}

// watchWaitPoint makes n tell the embedder's At hook its position before it
// runs, when n is an operation that may block.
func (interp *Interpreter) watchWaitPoint(n *node) {
	at := interp.opt.at
	if at == nil || n.exec == nil || n.gen == nil {
		return
	}
	if _, ok := waitGens[reflect.ValueOf(n.gen).Pointer()]; !ok {
		return
	}
	exec, pos := n.exec, n.pos
	n.exec = func(f *frame) bltn {
		at(pos)
		return exec(f)
	}
}

// FuncAt names the function that holds the position, as a panic's trace
// would ("main.worker", "main.main.func1"), or "" if it knows none.
func (interp *Interpreter) FuncAt(pos token.Pos) string {
	for _, n := range interp.execNodes {
		if n.pos == pos && n.scope != nil {
			return panicFunc(n.scope)
		}
	}
	return ""
}

// Position returns the file position of pos.
func (interp *Interpreter) Position(pos token.Pos) token.Position {
	return interp.fset.Position(pos)
}
