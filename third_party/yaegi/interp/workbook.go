package interp

// This file holds what the workbook adds to the interpreter; see PATCHES.md.

import (
	"fmt"
	"go/token"
	"reflect"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
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
	interp.compileOnlyDone = path
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

// The generators watchWaitPoint tells apart, set in init (a reference from
// a function of the compiler would make an initialisation cycle).
var callGen, recvGen, recv2Gen, sendGen, rangeChanGen uintptr

// genValueOf is genValue, for tracedChan.
var genValueOf func(*node) func(*frame) reflect.Value

func init() {
	for _, g := range []bltnGenerator{recv, recv2, send, _select, rangeChan, call, callBin} {
		waitGens[reflect.ValueOf(g).Pointer()] = ""
	}
	callGen, recvGen, recv2Gen = reflect.ValueOf(call).Pointer(), reflect.ValueOf(recv).Pointer(), reflect.ValueOf(recv2).Pointer()
	sendGen, rangeChanGen = reflect.ValueOf(send).Pointer(), reflect.ValueOf(rangeChan).Pointer()
	genValueOf = genValue
}

// watchWaitPoint makes n tell the embedder's At hook its position before it
// runs, when n is an operation that may block, and its Trace hook when it
// begins and ends (calls of the program's own functions excepted: they
// block only in the operations they are made of).
func (interp *Interpreter) watchWaitPoint(n *node) {
	at, trace := interp.opt.at, interp.opt.trace
	if at == nil && trace == nil || n.exec == nil || n.gen == nil {
		return
	}
	gen := reflect.ValueOf(n.gen).Pointer()
	if _, ok := waitGens[gen]; !ok {
		return
	}
	exec, pos := n.exec, n.pos
	if trace == nil || gen == callGen {
		if at == nil {
			return
		}
		n.exec = func(f *frame) bltn {
			at(pos)
			return exec(f)
		}
		return
	}
	chanOf := tracedChan(n)
	n.exec = func(f *frame) bltn {
		if at != nil {
			at(pos)
		}
		var ch uintptr
		if chanOf != nil {
			ch = chanOf(f)
		}
		trace(pos, ch, true)
		next := exec(f)
		trace(pos, ch, false)
		return next
	}
}

// tracedChan returns what reads the channel of a send or receive, when the
// channel is a variable: reading it again has no effect the program could
// see (an expression such as time.After(d) would be run twice).
func tracedChan(n *node) func(*frame) uintptr {
	var c *node
	switch reflect.ValueOf(n.gen).Pointer() {
	case recvGen, recv2Gen, sendGen:
		c = n.child[0]
	case rangeChanGen:
		if len(n.child) > 1 {
			c = n.child[1]
		}
	}
	if c == nil || c.kind != identExpr {
		return nil
	}
	value := genValueOf(c)
	return func(f *frame) uintptr {
		v := value(f)
		if v.Kind() == reflect.Interface {
			v = v.Elem()
		}
		if v.Kind() != reflect.Chan {
			return 0
		}
		return v.Pointer()
	}
}

// FuncAt names the function that holds the position, as a panic's trace
// would ("main.worker", "main.main.func1"), or "" if it knows none.
func (interp *Interpreter) FuncAt(pos token.Pos) string {
	// A call of a function literal starts where the literal does, and the
	// literal is in a scope of its own: the call names the function.
	name := ""
	for _, n := range interp.execNodes {
		if n.pos == pos && n.scope != nil {
			if n.kind != funcLit {
				return panicFunc(n.scope)
			}
			if name == "" {
				name = panicFunc(n.scope)
			}
		}
	}
	return name
}

// Position returns the file position of pos.
func (interp *Interpreter) Position(pos token.Pos) token.Position {
	return interp.fset.Position(pos)
}

// trackedFrames are the frames Variables looks into: each with the scope
// whose variables it holds. A fixed array, made by New only when
// variables are tracked (it is 64 KiB, which every interpreter would
// otherwise fault in and zero before it compiles), written and read only in
// //go:norace functions under a lock whose synchronisation the embedder
// hides from the race detector (Options.Unobserved): the bookkeeping of
// the interpreter must neither be reported as a race of the program nor
// add happens-before edges between its goroutines, which would hide real
// races.
type trackedFrames struct {
	mu     sync.Mutex
	n      int
	frames *[maxTracked]trackedFrame
}

type trackedFrame struct {
	f  *frame
	sc *scope
}

// maxTracked bounds the frames kept: a program that makes closures in a
// loop keeps the first ones, where races show soonest.
const maxTracked = 4096

// unobserved runs f with its synchronisation hidden from the race
// detector, through the embedder's hook.
func (interp *Interpreter) unobserved(f func()) {
	if interp.opt.unobserved != nil {
		interp.opt.unobserved(f)
		return
	}
	f()
}

// trackFrame remembers f, the frame of the function in which the node n (a
// function literal, or a function body) is, when variables are tracked.
func (interp *Interpreter) trackFrame(f *frame, n *node) {
	if !interp.opt.trackVars || n == nil || n.scope == nil {
		return
	}
	sc := n.scope
	if n.kind == funcLit || n.kind == funcDecl {
		// The literal's own scope is its body's; the captured frame is
		// the one of the scope around it.
		if sc.anc != nil {
			sc = sc.anc
		}
	}
	for sc.anc != nil && sc.anc.level == sc.level && !sc.anc.global {
		sc = sc.anc
	}
	t := &interp.tracked
	interp.unobserved(func() {
		t.mu.Lock()
		t.add(f, sc)
		t.mu.Unlock()
	})
}

//go:norace
func (t *trackedFrames) add(f *frame, sc *scope) {
	if t.n < maxTracked {
		t.frames[t.n] = trackedFrame{f, sc}
		t.n++
	}
}

//go:norace
func (t *trackedFrames) snapshot(out []trackedFrame) []trackedFrame {
	for i := 0; i < t.n; i++ {
		out = append(out, t.frames[i])
	}
	return out
}

// frameData copies the values of a frame, which its goroutine may be
// changing.
//
//go:norace
func frameData(f *frame, out []reflect.Value) []reflect.Value {
	for _, v := range f.data {
		out = append(out, v)
	}
	return out
}

// A Variable is a variable of the program and its storage.
type Variable struct {
	// Func is the function the variable is local to, or "" for a
	// package-level variable.
	Func string
	Name string
	// Value is the variable itself: addressable, its address is the
	// variable's.
	Value reflect.Value
}

// Variables lists the package-level variables of the main package and,
// with TrackVariables, the local variables of main and of the frames
// captured by function literals.
func (interp *Interpreter) Variables() []Variable {
	var vars []Variable
	global := frameData(interp.frame, nil)
	for path, sc := range interp.scopes {
		if sc == nil || (path != interp.compileOnlyDone && path != mainID) {
			continue
		}
		for name, sym := range sc.sym {
			if sym.kind != varSym || sym.index < 0 || sym.index >= len(global) {
				continue
			}
			vars = append(vars, Variable{Name: name, Value: global[sym.index]})
		}
	}
	t := &interp.tracked
	var frames []trackedFrame
	interp.unobserved(func() {
		t.mu.Lock()
		frames = t.snapshot(nil)
		t.mu.Unlock()
	})
	for _, tf := range frames {
		fn := panicFunc(tf.sc)
		data := frameData(tf.f, nil)
		var walk func(sc *scope)
		walk = func(sc *scope) {
			for name, sym := range sc.sym {
				if sym.kind == varSym && sym.index >= 0 && sym.index < len(data) && data[sym.index].IsValid() {
					vars = append(vars, Variable{Func: fn, Name: name, Value: data[sym.index]})
				}
			}
			for _, c := range sc.child {
				if c.level == sc.level {
					walk(c)
				}
			}
		}
		walk(tf.sc)
	}
	return vars
}

// jumpsAway reports whether n is a branch statement that leaves for a
// target of its own: a labeled break, a continue or a goto, at the end of
// a select clause, must not be rewired to the end of the select.
func jumpsAway(n *node) bool {
	switch n.kind {
	case breakStmt:
		return len(n.child) > 0
	case continueStmt, gotoStmt:
		return true
	}
	return false
}

// appendPrint formats v, of static type t, as the print and println
// builtins of the Go runtime do: floats and complexes in their shortest
// form, pointers, channels, maps and functions as addresses, slices as
// [len/cap]address, interfaces as (type,data).
func appendPrint(b []byte, v reflect.Value, t *itype) []byte {
	for v.IsValid() && v.Kind() == reflect.Interface && !isInterfaceType(t) {
		v = v.Elem()
	}
	if vi, ok := valueInterfaceOf(v); ok {
		v = vi
	}
	if isInterfaceType(t) {
		if !v.IsValid() || (v.Kind() == reflect.Interface && v.IsNil()) {
			return append(b, "(0x0,0x0)"...)
		}
		e := v
		if e.Kind() == reflect.Interface {
			e = e.Elem()
		}
		b = append(b, '(')
		b = appendHex(b, uint64(reflect.ValueOf(e.Type()).Pointer()))
		b = append(b, ',')
		b = appendHex(b, dataAddress(e))
		return append(b, ')')
	}
	if !v.IsValid() {
		return append(b, "nil"...)
	}
	switch v.Kind() {
	case reflect.Bool:
		return strconv.AppendBool(b, v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.AppendInt(b, v.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return strconv.AppendUint(b, v.Uint(), 10)
	case reflect.Float32:
		return strconv.AppendFloat(b, v.Float(), 'g', -1, 32)
	case reflect.Float64:
		return strconv.AppendFloat(b, v.Float(), 'g', -1, 64)
	case reflect.Complex64:
		return append(b, strconv.FormatComplex(v.Complex(), 'g', -1, 64)...)
	case reflect.Complex128:
		return append(b, strconv.FormatComplex(v.Complex(), 'g', -1, 128)...)
	case reflect.String:
		return append(b, v.String()...)
	case reflect.Pointer, reflect.Chan, reflect.Map, reflect.Func, reflect.UnsafePointer:
		return appendHex(b, uint64(v.Pointer()))
	case reflect.Slice:
		b = append(b, '[')
		b = strconv.AppendInt(b, int64(v.Len()), 10)
		b = append(b, '/')
		b = strconv.AppendInt(b, int64(v.Cap()), 10)
		b = append(b, ']')
		return appendHex(b, uint64(v.Pointer()))
	}
	return fmt.Appendf(b, "%v", v)
}

func appendHex(b []byte, v uint64) []byte {
	b = append(b, "0x"...)
	return strconv.AppendUint(b, v, 16)
}

func isInterfaceType(t *itype) bool {
	if t == nil {
		return false
	}
	switch t.cat {
	case interfaceT, errorT:
		return true
	case valueT:
		return t.rtype != nil && t.rtype.Kind() == reflect.Interface
	}
	return false
}

func valueInterfaceOf(v reflect.Value) (reflect.Value, bool) {
	if !v.IsValid() || !v.CanInterface() {
		return v, false
	}
	if vi, ok := asValueInterface(v); ok {
		return vi.value, true
	}
	return v, false
}

// dataAddress is an address to print for the data word of an interface.
func dataAddress(v reflect.Value) uint64 {
	switch v.Kind() {
	case reflect.Pointer, reflect.Chan, reflect.Map, reflect.Func, reflect.UnsafePointer, reflect.Slice:
		return uint64(v.Pointer())
	}
	if v.CanAddr() {
		return uint64(v.UnsafeAddr())
	}
	return 0xc000000000
}

// liveFrame is the frame f copies, for a frame cloned for a closure, or f.
func (f *frame) liveFrame() *frame {
	if f.live != nil {
		return f.live
	}
	return f
}

// copyValue returns a copy of v, which later changes to the variable v
// refers to do not affect.
func copyValue(v reflect.Value) reflect.Value {
	if !v.IsValid() || !v.CanAddr() {
		return v
	}
	c := reflect.New(v.Type()).Elem()
	c.Set(v)
	return c
}

// heldValue returns v as an interface stores it: a copy, which later
// changes to the variable v refers to do not affect. A pointer-shaped value
// (pointer, channel, map) is held as the pointer itself rather than as a
// copy of the variable's word, so that two interfaces holding the same
// pointer are the same map key, as in Go.
func heldValue(v reflect.Value) reflect.Value {
	if !v.IsValid() || !v.CanAddr() {
		return v
	}
	switch v.Kind() {
	case reflect.Ptr, reflect.Chan, reflect.Map, reflect.UnsafePointer:
		if v.CanInterface() {
			return reflect.ValueOf(v.Interface())
		}
		if v.Kind() == reflect.Ptr {
			return reflect.NewAt(v.Type().Elem(), v.UnsafePointer())
		}
	}
	return copyValue(v)
}

// genMapKey returns the value of key as the map m stores its keys: an
// interface-typed key is converted from a concrete operand as a map literal
// converts it, so that m[k] finds what map[I]V{k: v} stored.
func genMapKey(m, key *node) func(*frame) reflect.Value {
	if t := m.typ.underlying(); t.cat == mapT && t.key != nil {
		return genDestValue(t.key, key)
	}
	return genValue(key)
}

// typeNodes holds, for each dynamic type stored in an interface, the first
// node that stored one (typeNode).
var typeNodes sync.Map // *itype → *node

// typeNode returns the node an interface holding a value of n's type
// records as its dynamic type: one node per type, whichever expression
// stored the value, so that two interfaces holding equal values are equal
// map keys (an interface map key compares the node too).
func typeNode(n *node) *node {
	if n == nil || n.typ == nil || n.typ.cat == nilT || n.kind == basicLit {
		return n
	}
	first, _ := typeNodes.LoadOrStore(n.typ, n)
	return first.(*node)
}

// A RuntimeError is a run-time panic of interpreted code: the Go runtime
// would have raised a runtime.Error where the interpreter's reflection
// raised something else (a reflect.ValueError, a string).
type RuntimeError string

func (e RuntimeError) Error() string { return string(e) }

// RuntimeError marks RuntimeError as a runtime.Error.
func (RuntimeError) RuntimeError() {}

// runtimeErrorOf translates the panics of the interpreter's reflection
// into the run-time errors Go raises for the same faults.
func runtimeErrorOf(r interface{}) interface{} {
	switch e := r.(type) {
	case *reflect.ValueError:
		if e.Kind == reflect.Invalid {
			return RuntimeError("runtime error: invalid memory address or nil pointer dereference")
		}
	case string:
		switch {
		case strings.HasPrefix(e, "reflect: slice index out of range"),
			strings.HasPrefix(e, "reflect: array index out of range"),
			strings.HasPrefix(e, "reflect: string index out of range"):
			return RuntimeError("runtime error: index out of range")
		case strings.HasPrefix(e, "reflect.Value.Slice"), strings.HasPrefix(e, "reflect.Value.Slice3"):
			return RuntimeError("runtime error: slice bounds out of range")
		case strings.HasPrefix(e, "reflect: cannot convert slice with length "):
			// "… to pointer to array with length 9", "… to array with length 9"
			msg := strings.TrimPrefix(e, "reflect: ")
			if i := strings.Index(msg, " to "); i >= 0 {
				if j := strings.LastIndex(msg, " with length "); j > i {
					msg = msg[:i] + " to array or pointer to array" + msg[j:]
				}
			}
			return RuntimeError("runtime error: " + msg)
		}
	case error:
		msg := e.Error()
		if i := strings.Index(msg, "interface conversion: "); i >= 0 {
			if _, ok := e.(runtime.Error); !ok {
				return RuntimeError(msg[i:])
			}
		}
	}
	return r
}

// panicArg is the value a panic of interpreted code carries.
func panicArg(v reflect.Value) interface{} {
	for v.IsValid() && v.Kind() == reflect.Interface {
		if v.IsNil() {
			return nil
		}
		v = v.Elem()
	}
	if vi, ok := valueInterfaceOf(v); ok {
		if !vi.IsValid() {
			return nil
		}
		v = vi
	}
	if !v.IsValid() || !v.CanInterface() {
		return nil
	}
	return v.Interface()
}

// runDeferred runs one deferred call of frame f. A panic in it replaces
// the panic in progress, if any, and the next deferred calls still run and
// may recover it, as in Go.
func runDeferred(f *frame, val []reflect.Value) {
	defer func() {
		if r := recover(); r != nil {
			if t, ok := r.(*PanicTrace); ok {
				r = t.Value
			} else {
				r = runtimeErrorOf(r)
			}
			f.recovered = r
		}
	}()
	val[0].Call(val[1:])
}

// asInt64 reads an integer or float value as an int64, whatever its kind.
func asInt64(v reflect.Value) int64 {
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return int64(v.Uint())
	case reflect.Float32, reflect.Float64:
		return int64(v.Float())
	case reflect.Interface:
		return asInt64(v.Elem())
	}
	return v.Int()
}

// asInt64OrUint reads an integer or float value as a uint64, whatever its
// kind.
func asInt64OrUint(v reflect.Value) uint64 {
	switch v.Kind() {
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint()
	case reflect.Float32, reflect.Float64:
		return uint64(v.Float())
	case reflect.Interface:
		return asInt64OrUint(v.Elem())
	}
	return uint64(asInt64(v))
}

// comparableValue is the value of v for ==, without the wrappers the
// interpreter puts around values of its types with methods when it stores
// them in interfaces (valueInterface, and the wrappers of compiled
// interfaces such as error).
func comparableValue(v reflect.Value) interface{} {
	for {
		if !v.IsValid() {
			return nil
		}
		if v.Kind() == reflect.Interface {
			if v.IsNil() {
				return nil
			}
			v = v.Elem()
			continue
		}
		if vi, ok := asValueInterface(v); ok {
			v = vi.value
			continue
		}
		if w, ok := wrapped(v); ok {
			v = w // the value inside an interface wrapper (an error, a Stringer)
			continue
		}
		return v.Interface()
	}
}

// storeValue stores v in slot i of frame f: into the variable the slot
// holds when it can, so that closures that captured it, and return values
// read from it, see v.
func storeValue(f *frame, i int, v reflect.Value) {
	if dst := f.data[i]; dst.IsValid() && dst.CanSet() && v.IsValid() && v.Type().AssignableTo(dst.Type()) {
		dst.Set(v)
		return
	}
	f.data[i] = v
}

// funcNames names the Go function values that wrap functions declared at
// the top level of the program, by the address of the value's closure,
// for FuncName. An entry goes when its function value does.
var funcNames sync.Map

func funcValuePtr(v reflect.Value) unsafe.Pointer {
	x := v.Interface()
	return (*[2]unsafe.Pointer)(unsafe.Pointer(&x))[1]
}

func recordFuncName(v reflect.Value, name string) {
	p := funcValuePtr(v)
	funcNames.Store(uintptr(p), name)
	runtime.AddCleanup((*byte)(p), func(key uintptr) { funcNames.Delete(key) }, uintptr(p))
}

// FuncName returns the name of the interpreted function fn stands for,
// when it is a function declared at the top level of the program (not a
// function literal, a method value or a compiled function).
func FuncName(fn reflect.Value) (string, bool) {
	if fn.Kind() != reflect.Func || fn.IsNil() {
		return "", false
	}
	name, ok := funcNames.Load(uintptr(funcValuePtr(fn)))
	if !ok {
		return "", false
	}
	return name.(string), true
}

// CompiledFunc returns, callable from Go, the function declared at the top
// level of the package CompilePackage compiled with the given name.
func (interp *Interpreter) CompiledFunc(name string) (reflect.Value, bool) {
	interp.mutex.RLock()
	s, ok := interp.srcPkg[interp.compileOnlyDone][name]
	interp.mutex.RUnlock()
	if !ok || s.kind != funcSym {
		return reflect.Value{}, false
	}
	return genFunctionWrapper(s.node)(interp.frame), true
}

// wrapped returns the value of interpreted code that v holds in an
// interface wrapper (see genInterfaceWrapper), if it holds one.
func wrapped(v reflect.Value) (reflect.Value, bool) {
	for v.IsValid() && v.Kind() == reflect.Interface {
		v = v.Elem()
	}
	if !v.IsValid() || v.Kind() != reflect.Struct || v.NumField() == 0 || v.Type().Field(0).Name != "IValue" {
		return reflect.Value{}, false
	}
	inner := v.Field(0)
	if inner.Kind() == reflect.Interface {
		inner = inner.Elem()
	}
	return inner, inner.IsValid()
}

// matchWrapped reports whether v holds, in an interface wrapper, a value
// of the concrete type typ, and returns that value: a type switch on an
// error of the program's own type.
func matchWrapped(v reflect.Value, typ *itype) (reflect.Value, bool) {
	if typ.cat == nilT || isInterface(typ) {
		return reflect.Value{}, false
	}
	inner, ok := wrapped(v)
	if !ok {
		return reflect.Value{}, false
	}
	rt := typ.TypeOf()
	return inner, rt != nil && inner.Type() == rt
}

// A printer gives fmt (and the other functions of mapTypes) an argument
// of interpreted code in a form whose methods fmt can find. Values of the
// program's types with String or Error are wrapped (interfaceWrapper);
// the interpreter's valueInterface, which holds a value stored in an
// interface, is opened; and a slice, array, map or struct that holds such
// values, or a pointer to such a struct, is copied with interface{}
// elements or fields in their place, so that fmt prints each element as
// Go would: [21.5°C 30.0°C], not [21.5 30] or the interpreter's fields.
type printer struct {
	mapType func(*itype) reflect.Type
	base    *node    // the argument: positions for errors
	cache   sync.Map // printerKey → wrapper or struct type
}

type printerKey struct {
	t    *itype
	kind int // 0: wrapper, 1: struct
}

func newPrinter(base *node, mapType func(*itype) reflect.Type) *printer {
	return &printer{mapType: mapType, base: base}
}

// gen returns the argument's value as fmt should get it.
func (p *printer) gen(n *node) func(*frame) reflect.Value {
	value := genValue(n)
	return func(f *frame) reflect.Value {
		if v := p.value(f, value(f), n.typ, 0, true); v.IsValid() {
			return v
		}
		// A nil interface of the program's: fmt gets a nil any, and
		// prints <nil>, where a zero reflect.Value panicked in Call.
		return reflect.Zero(reflect.TypeOf((*any)(nil)).Elem())
	}
}

// needs reports whether a value of type t must be converted for fmt.
func (p *printer) needs(t *itype, depth int) bool {
	if t == nil || depth > 5 {
		return false
	}
	if isBin(t) {
		// An interface of the library (sort.Interface) may hold one of
		// the interpreter's wrappers around the program's value.
		rt := t.TypeOf()
		return depth == 0 && rt != nil && rt.Kind() == reflect.Interface
	}
	if t.cat != interfaceT && p.mapType(t) != nil {
		return true // a named type with String or Error, of any kind
	}
	switch t.cat {
	case interfaceT:
		return true
	case linkedT:
		return p.needs(t.val, depth+1)
	case sliceT, arrayT, variadicT, mapT:
		return p.needs(t.val, depth+1)
	case structT:
		for _, f := range t.field {
			if p.needs(f.typ, depth+1) {
				return true
			}
		}
	case ptrT:
		return depth == 0 && isStruct(t.val) && p.needs(t.val, depth+1)
	}
	return false
}

// value converts v, of static type t; exported is false inside an
// unexported field, where fmt calls no methods.
func (p *printer) value(f *frame, v reflect.Value, t *itype, depth int, exported bool) reflect.Value {
	for v.IsValid() && depth <= 5 {
		if v.Kind() == reflect.Interface {
			if v.IsNil() {
				return v
			}
			v = v.Elem()
			continue
		}
		if !v.CanInterface() {
			return v
		}
		if inner, ok := wrapped(v); ok && !printsItself(v.Type()) {
			// The wrapper of an interface fmt knows nothing of: what
			// fmt prints is the value inside.
			return inner
		}
		vi, ok := asValueInterface(v)
		if !ok {
			break
		}
		if vi.node == nil {
			return reflect.Value{}
		}
		t, v = vi.node.typ, vi.value
	}
	if !v.IsValid() || t == nil || isInterface(t) || isBin(t) || depth > 5 {
		return v
	}
	if exported {
		if rt := p.mapType(t); rt != nil {
			if _, ok := wrapped(v); ok {
				return v
			}
			return p.wrapper(t, rt)(f, v)
		}
	}
	u := t
	for u.cat == linkedT && u.val != nil {
		u = u.val
	}
	switch u.cat {
	case sliceT, arrayT, variadicT:
		if !p.needs(u.val, depth+1) || (v.Kind() == reflect.Slice && v.IsNil()) {
			return v
		}
		out := reflect.MakeSlice(reflect.TypeOf([]interface{}{}), v.Len(), v.Len())
		for i := 0; i < v.Len(); i++ {
			if e := p.value(f, v.Index(i), u.val, depth+1, exported); e.IsValid() {
				out.Index(i).Set(e)
			}
		}
		return out
	case mapT:
		if !p.needs(u.val, depth+1) || v.IsNil() {
			return v
		}
		out := reflect.MakeMapWithSize(reflect.MapOf(v.Type().Key(), reflect.TypeOf((*interface{})(nil)).Elem()), v.Len())
		it := v.MapRange()
		for it.Next() {
			e := p.value(f, it.Value(), u.val, depth+1, exported)
			if !e.IsValid() {
				e = reflect.Zero(out.Type().Elem())
			}
			out.SetMapIndex(it.Key(), e)
		}
		return out
	case structT:
		if !p.needs(u, depth) || v.Kind() != reflect.Struct {
			return v
		}
		st := p.structType(u, v.Type())
		out := reflect.New(st).Elem()
		for i, fl := range u.field {
			fv := field(v, i)
			if st.Field(i).Type != fv.Type() {
				fv = p.value(f, fv, fl.typ, depth+1, exported && canExport(fl.name))
			}
			if fv.IsValid() {
				field(out, i).Set(fv)
			}
		}
		return out
	case ptrT:
		if depth != 0 || v.IsNil() || !p.needs(u, 0) {
			return v
		}
		e := p.value(f, v.Elem(), u.val, depth+1, exported)
		out := reflect.New(e.Type())
		out.Elem().Set(e)
		return out
	}
	return v
}

// wrapper returns the wrapper of type rt for values of type t.
func (p *printer) wrapper(t *itype, rt reflect.Type) func(*frame, reflect.Value) reflect.Value {
	key := printerKey{t, 0}
	if w, ok := p.cache.Load(key); ok {
		return w.(func(*frame, reflect.Value) reflect.Value)
	}
	n := *p.base
	n.typ = t
	w, _ := p.cache.LoadOrStore(key, interfaceWrapper(&n, rt))
	return w.(func(*frame, reflect.Value) reflect.Value)
}

// structType returns the struct type like rt, u's reflect type, with
// interface{} fields where u's fields need converting.
func (p *printer) structType(u *itype, rt reflect.Type) reflect.Type {
	key := printerKey{u, 1}
	if st, ok := p.cache.Load(key); ok {
		return st.(reflect.Type)
	}
	fields := make([]reflect.StructField, rt.NumField())
	for i := range fields {
		fields[i] = rt.Field(i)
		fields[i].Offset, fields[i].Index = 0, nil
		if i < len(u.field) && p.needs(u.field[i].typ, 1) {
			fields[i].Type = reflect.TypeOf((*interface{})(nil)).Elem()
		}
	}
	st, _ := p.cache.LoadOrStore(key, reflect.StructOf(fields))
	return st.(reflect.Type)
}

// boxComposite ends the assignment of a composite literal to a variable
// of an interface type, built in place (see the assignment's optimisation
// in cfg): the value is stored with its node, as genValueInterface stores
// any other value, so that its methods and type are known (fmt calls its
// String method).
func boxComposite(n *node) {
	src := n.lastChild()
	dest := genValue(n.child[0])
	next := getExec(n.tnext)
	n.exec = func(f *frame) bltn {
		d := dest(f)
		v := d
		if v.Kind() == reflect.Interface {
			v = v.Elem()
		}
		if v.IsValid() {
			if _, ok := asValueInterface(v); !ok {
				d.Set(reflect.ValueOf(valueInterface{src, v}))
			}
		}
		return next
	}
}

// convertedFrom is the operand of n when n converts a concrete value to an
// interface (any(t), shape(t)): the node whose type is the value's dynamic
// type. Otherwise it is n.
func convertedFrom(n *node) *node {
	for n.kind == callExpr && n.action == aConvert && len(n.child) == 2 &&
		isInterface(n.typ) && !isInterface(n.child[1].typ) {
		n = n.child[1]
	}
	return n
}

// asValueInterface is v.Interface().(valueInterface) that copies nothing
// it does not return. Interface copies a struct; reading a struct that
// another goroutine is writing (a mutex, an atomic counter, a field under
// a lock) is a race, which the race detector would report as the
// program's when the program has none.
func asValueInterface(v reflect.Value) (valueInterface, bool) {
	if v.IsValid() && v.Kind() == reflect.Interface && !v.IsNil() {
		v = v.Elem()
	}
	if !v.IsValid() || v.Type() != valueInterfaceType {
		return valueInterface{}, false
	}
	vi, ok := v.Interface().(valueInterface)
	return vi, ok
}

// indexOf is v.Index(i) that fails as Go fails: "index out of range [5]
// with length 2", where reflect's message has no numbers.
func indexOf(v reflect.Value, i int) reflect.Value {
	if k := v.Kind(); k == reflect.Slice || k == reflect.Array || k == reflect.String {
		switch {
		case i < 0:
			panic(RuntimeError(fmt.Sprintf("runtime error: index out of range [%d]", i)))
		case i >= v.Len():
			panic(RuntimeError(fmt.Sprintf("runtime error: index out of range [%d] with length %d", i, v.Len())))
		}
	}
	return v.Index(i)
}

// sliceValue is v[lo:hi] (max < 0) or v[lo:hi:max], failing with Go's
// messages: "slice bounds out of range [:5] with capacity 3".
func sliceValue(v reflect.Value, lo, hi, max int) reflect.Value {
	capacity, what := v.Len(), "length"
	if v.Kind() == reflect.Slice || v.Kind() == reflect.Array && v.CanAddr() {
		capacity, what = v.Cap(), "capacity"
	}
	fail := func(format string, args ...interface{}) {
		panic(RuntimeError("runtime error: slice bounds out of range " + fmt.Sprintf(format, args...)))
	}
	if max >= 0 {
		switch {
		case max > capacity:
			fail("[::%d] with %s %d", max, what, capacity)
		case hi > max:
			fail("[:%d:%d]", hi, max)
		case lo > hi:
			fail("[%d:%d:]", lo, hi)
		}
		return v.Slice3(lo, hi, max)
	}
	switch {
	case hi > capacity:
		fail("[:%d] with %s %d", hi, what, capacity)
	case lo > hi:
		fail("[%d:%d]", lo, hi)
	}
	return v.Slice(lo, hi)
}

// matchInterfaceCase decides a case of an interface type (error,
// fmt.Stringer, an interface of the program) in a type switch on v, when v
// holds a value of the program's type with its node: by that type's
// methods, which reflect does not see. It returns the value the case
// variable gets: the value itself for an interface of the program, in the
// wrapper that has the methods for one of a compiled package. decided is
// false when v holds no such value.
func matchInterfaceCase(f *frame, v reflect.Value, typ *itype) (w reflect.Value, match, decided bool) {
	if typ == nil || !isInterface(typ) {
		return reflect.Value{}, false, false
	}
	vi, ok := asValueInterface(v)
	if !ok || vi.node == nil || vi.node.typ == nil || isInterface(vi.node.typ) || isBin(vi.node.typ) {
		return reflect.Value{}, false, false
	}
	if !vi.node.typ.implements(typ) || !inMethodSet(vi.node.typ, typ) {
		return reflect.Value{}, false, true
	}
	if isInterfaceBin(typ) {
		n := *vi.node
		return interfaceWrapper(&n, typ.TypeOf())(f, vi.value), true, true
	}
	if v.Kind() == reflect.Interface {
		v = v.Elem()
	}
	return v, true, true
}

// inMethodSet reports whether the methods of the interface typ are in the
// method set of t, which holds a value's methods declared on a pointer
// receiver only when t is a pointer (or reaches them through an embedded
// pointer): implements looks at names alone.
func inMethodSet(t, typ *itype) bool {
	if t.cat == ptrT {
		return true
	}
	for name := range typ.methods() {
		m, index := t.lookupMethod(name)
		if m == nil || len(index) > 0 {
			continue
		}
		if recv := m.child[0]; len(recv.child) > 0 {
			if rt := recv.child[0].lastChild().typ; rt != nil && rt.cat == ptrT {
				return false
			}
		}
	}
	return true
}

// binaryImplements reports whether a value of the compiled type rt has
// the methods of the interface typ: by reflect for an interface of a
// compiled package, by name for one of the program.
func binaryImplements(rt reflect.Type, typ *itype) bool {
	if it := typ.TypeOf(); it != nil && it.Kind() == reflect.Interface && it != valueInterfaceType {
		return rt.Implements(it)
	}
	for name := range typ.methods() {
		if _, ok := rt.MethodByName(name); !ok {
			return false
		}
	}
	return true
}

// loadSlot and restoreSlot read and put back the slot of a function
// literal in its enclosing frame (see getFunc), out of the race
// detector's sight: the slot is the interpreter's, and goroutines running
// closures of the same literal touch it under the frame's lock, which is
// hidden from the detector too, lest it order the program's accesses.
//
//go:norace
func loadSlot(d []reflect.Value, i int) reflect.Value { return d[i] }

//go:norace
func restoreSlot(d []reflect.Value, i int, current, old reflect.Value) {
	if d[i] == current {
		d[i] = old
	}
}

// printsItself reports whether fmt prints a value of type rt through a
// method of its own: Format, Error or String.
func printsItself(rt reflect.Type) bool {
	for _, it := range []reflect.Type{
		reflect.TypeOf((*fmt.Formatter)(nil)).Elem(),
		reflect.TypeOf((*error)(nil)).Elem(),
		reflect.TypeOf((*fmt.Stringer)(nil)).Elem(),
	} {
		if rt.Implements(it) {
			return true
		}
	}
	return false
}

// hasNamedResults reports whether the function def declares its results by
// name: func f() (err error).
func hasNamedResults(def *node) bool {
	if len(def.child) < 3 || len(def.child[2].child) != 3 {
		return false
	}
	for _, c := range def.child[2].child[2].child {
		if len(c.child) > 1 {
			return true
		}
	}
	return false
}
