// This file translates the Go added after 1.21, which yaegi v0.16.1 does
// not speak, into the Go it does: per-iteration loop variables (Go 1.22),
// range over integers (Go 1.22) and over functions (Go 1.23), min, max
// and clear (Go 1.21, unknown to yaegi), new(expr) (Go 1.26), and the
// generic names of the library (sync.OnceValue, atomic.Pointer…), taken
// from source implementations. The rewrites that avoid bugs of the
// interpreter with Go 1.21 code are in workaround.go.

package lower

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"workbook/internal/stdlib"
)

// forLoop gives each iteration of a three-clause loop its own copy of the
// variables declared in its init statement, when the copies can be told
// apart (a closure captures one, or its address is taken):
//
//	{ INIT; p := &i; L: for first := true; ; first = false {
//		i := *p; if !first { POST }; p = &i; if !(COND) { break }; BODY } }
//
// Each iteration starts from the value the previous one ended with, as the
// spec says, and continue still runs POST.
func (l *lowerer) forLoop(n *ast.ForStmt) {
	init, ok := n.Init.(*ast.AssignStmt)
	if !ok || init.Tok != token.DEFINE {
		return
	}
	var vars []*ast.Ident
	var objs []types.Object
	for _, e := range init.Lhs {
		if id, ok := e.(*ast.Ident); ok && id.Name != "_" {
			vars = append(vars, id)
			objs = append(objs, l.info.Defs[id])
		}
	}
	if len(vars) == 0 || !l.captured(objs, n.Body, n.Cond, n.Post) {
		return
	}
	id := l.unique("")
	first := "__wbf" + id[4:]
	var ptrs, addrs, derefs, names []string
	for i, v := range vars {
		p := fmt.Sprintf("__wbp%s_%d", id[4:], i)
		ptrs = append(ptrs, p)
		addrs = append(addrs, "&"+v.Name)
		derefs = append(derefs, "*"+p)
		names = append(names, v.Name)
	}
	start := n.For
	label := ""
	if ls := l.parentLabel(); ls != nil {
		start = ls.Pos()
		label = ls.Label.Name + ": "
	}
	var b strings.Builder
	fmt.Fprintf(&b, "{ %s; %s := %s; %sfor %s := true; ; %s = false { %s := %s; ",
		l.text(init.Pos(), init.End()), strings.Join(ptrs, ", "), strings.Join(addrs, ", "),
		label, first, first, strings.Join(names, ", "), strings.Join(derefs, ", "))
	if n.Post != nil {
		fmt.Fprintf(&b, "if !%s { %s }; ", first, l.text(n.Post.Pos(), n.Post.End()))
	}
	fmt.Fprintf(&b, "%s = %s; ", strings.Join(ptrs, ", "), strings.Join(addrs, ", "))
	if n.Cond != nil {
		fmt.Fprintf(&b, "if !(%s) { break }; ", l.text(n.Cond.Pos(), n.Cond.End()))
	}
	l.ed.replace(l.off(start), l.off(n.Body.Lbrace)+1, b.String())
	l.ed.replace(l.off(n.Body.Rbrace), l.off(n.Body.Rbrace)+1, "} }")
}

// captured reports whether any of objs is referred to from a function
// literal within the nodes, or has its address taken there: the only ways
// a program can tell one iteration's variable from the next one's.
func (l *lowerer) captured(objs []types.Object, within ...ast.Node) bool {
	is := func(e ast.Expr) bool {
		id, ok := rootVar(e, l.info).(*ast.Ident)
		if !ok {
			return false
		}
		o := l.info.Uses[id]
		for _, obj := range objs {
			if o == obj {
				return true
			}
		}
		return false
	}
	found := false
	for _, n := range within {
		if n == nil || isNil(n) {
			continue
		}
		depth := 0
		var stack []ast.Node
		ast.Inspect(n, func(n ast.Node) bool {
			if found {
				return false
			}
			if n == nil {
				if _, ok := stack[len(stack)-1].(*ast.FuncLit); ok {
					depth--
				}
				stack = stack[:len(stack)-1]
				return true
			}
			stack = append(stack, n)
			switch n := n.(type) {
			case *ast.FuncLit:
				depth++
			case *ast.Ident:
				if depth > 0 && is(n) {
					found = true
				}
			case *ast.UnaryExpr:
				if n.Op == token.AND && is(n.X) {
					found = true
				}
			case *ast.SliceExpr:
				if t, ok := l.info.Types[n.X].Type.(*types.Array); ok && t != nil && is(n.X) {
					found = true
				}
			case *ast.SelectorExpr:
				if sel := l.info.Selections[n]; sel != nil && sel.Kind() != types.FieldVal && is(n.X) {
					if sig, ok := sel.Obj().Type().(*types.Signature); ok && sig.Recv() != nil {
						if _, ptr := sig.Recv().Type().(*types.Pointer); ptr {
							if _, isPtr := l.info.Types[n.X].Type.Underlying().(*types.Pointer); !isPtr {
								found = true
							}
						}
					}
				}
			}
			return true
		})
	}
	return found
}

// isNil reports whether n is a nil statement or expression held in an
// ast.Node, which is not itself nil.
func isNil(n ast.Node) bool {
	switch n := n.(type) {
	case ast.Expr:
		return n == nil
	case ast.Stmt:
		return n == nil
	}
	return false
}

// rootVar strips field selections and array indexing off e, down to the
// variable whose storage e is part of.
func rootVar(e ast.Expr, info *types.Info) ast.Expr {
	for {
		switch x := e.(type) {
		case *ast.ParenExpr:
			e = x.X
		case *ast.SelectorExpr:
			sel := info.Selections[x]
			if sel == nil || sel.Kind() != types.FieldVal || sel.Indirect() {
				return e
			}
			if _, ptr := info.Types[x.X].Type.Underlying().(*types.Pointer); ptr {
				return e
			}
			e = x.X
		case *ast.IndexExpr:
			if _, ok := info.Types[x.X].Type.Underlying().(*types.Array); !ok {
				return e
			}
			e = x.X
		default:
			return e
		}
	}
}

// rangeLoop lowers a range statement by what it ranges over. Its purpose
// is the Go added after 1.21: ranges over integers and functions, and a
// fresh copy per iteration of each captured variable. It also hands the
// ranges the interpreter gets wrong in Go 1.21 to their workarounds
// (rangeString, rangeCount and rangeAssign, in workaround.go).
func (l *lowerer) rangeLoop(n *ast.RangeStmt, f *frame) {
	tv := l.info.Types[n.X]
	if tv.Type == nil {
		return
	}
	switch u := tv.Type.Underlying().(type) {
	case *types.Basic:
		if u.Info()&types.IsInteger != 0 {
			l.rangeInt(n, tv)
			return
		}
		if u.Info()&types.IsString != 0 {
			l.rangeString(n)
			return
		}
	case *types.Signature:
		l.openRangeFunc(n, f, u)
		return
	case *types.Pointer:
		// The indices of an array through a pointer, even a nil one: the
		// spec does not dereference it, the interpreter does.
		if arr, ok := u.Elem().Underlying().(*types.Array); ok && n.Value == nil {
			l.rangeCount(n, arr.Len())
			return
		}
	}
	// Ranges over slices, maps, channels and strings that assign existing
	// variables: range into fresh ones, then assign them in an assignment
	// statement, which is what the spec says the range clause does (and
	// which the interpreter gets wrong after the loop, and for i, x[i]).
	if n.Tok == token.ASSIGN {
		l.rangeAssign(n)
		return
	}
	// Ranges that declare their variables: a fresh copy of each captured
	// one.
	if n.Tok != token.DEFINE {
		return
	}
	var copies []string
	for _, e := range []ast.Expr{n.Key, n.Value} {
		if id, ok := e.(*ast.Ident); ok && id.Name != "_" {
			if l.captured([]types.Object{l.info.Defs[id]}, n.Body) {
				copies = append(copies, id.Name)
			}
		}
	}
	if len(copies) > 0 {
		l.ed.insert(l.off(n.Body.Lbrace)+1, fmt.Sprintf(" %s := %s;", strings.Join(copies, ", "), strings.Join(copies, ", ")))
	}
}

// rangeInt turns "for i := range n" into a counting loop over a hidden
// counter, with a fresh i per iteration: changing i in the body does not
// change the iterations, as the spec says.
func (l *lowerer) rangeInt(n *ast.RangeStmt, tv types.TypeAndValue) {
	typ := "int"
	switch {
	case n.Tok == token.ASSIGN && n.Key != nil:
		typ = l.typeString(l.info.Types[n.Key].Type, n.Pos())
	case tv.Value == nil || !isUntyped(tv.Type):
		typ = l.typeString(tv.Type, n.Pos())
	}
	id := l.unique("")[4:]
	i, max := "__wbi"+id, "__wbn"+id
	l.ed.replace(l.off(n.For), l.off(n.X.Pos()), fmt.Sprintf("for %s, %s := %s(0), %s(", i, max, typ, typ))
	body := fmt.Sprintf("); %s < %s; %s++ {", i, max, i)
	body += l.rangeKey(n, i)
	l.ed.replace(l.off(n.X.End()), l.off(n.Body.Lbrace)+1, body)
}

// rangeKey is what gives the key of a range loop rewritten as a counting
// loop its value, the counter i: " k := i;", or nothing without a key.
func (l *lowerer) rangeKey(n *ast.RangeStmt, i string) string {
	if n.Key == nil {
		return ""
	}
	if id, ok := n.Key.(*ast.Ident); ok && id.Name == "_" {
		return ""
	}
	op := " := "
	if n.Tok == token.ASSIGN {
		op = " = "
	}
	return " " + l.text(n.Key.Pos(), n.Key.End()) + op + i + ";"
}

// A rangeFunc is a range-over-function loop being lowered.
type rangeFunc struct {
	id       int
	stmt     *ast.RangeStmt
	start    int // offset where the loop's text starts (its label, if any)
	top      bool
	done     string
	clauses  []string
	seen     map[int]bool
	results  bool // the nest needs result temporaries (set on its top)
	topFrame *rangeFunc
}

// isRangeFunc reports whether n is a range-over-function loop.
func (l *lowerer) isRangeFunc(n ast.Node) bool {
	rs, ok := n.(*ast.RangeStmt)
	if !ok {
		return false
	}
	_, ok = l.info.Types[rs.X].Type.Underlying().(*types.Signature)
	return ok
}

// rangeFuncs returns the range-over-function loops enclosing the walk in
// the current function, outermost first.
func (l *lowerer) rangeFuncs() []*frame {
	var rfs []*frame
	for _, f := range l.fn.frames {
		if f.rf != nil {
			rfs = append(rfs, f)
		}
	}
	return rfs
}

// openRangeFunc starts lowering "for k, v := range f { BODY }" into
//
//	{ var done bool; (f)(func(k K, v V) bool { BODY; return true }); DISPATCH }
//
// The texts around f and the body are written when the loop is left, once
// the jumps in the body have been seen.
func (l *lowerer) openRangeFunc(n *ast.RangeStmt, f *frame, sig *types.Signature) {
	if l.fn == nil {
		return
	}
	start := n.For
	if f.label != nil {
		start = f.label.Pos()
	}
	rf := &rangeFunc{id: l.seq + 1, stmt: n, start: l.off(start), seen: map[int]bool{}}
	l.seq++
	rf.done = fmt.Sprintf("__wbdone%d", rf.id)
	if outer := l.rangeFuncs(); len(outer) == 0 {
		rf.top = true
		rf.topFrame = rf
	} else {
		rf.topFrame = outer[0].rf.topFrame
	}
	f.rf = rf
	_ = sig
}

// closeRangeFunc writes the texts of the range-over-function loop of f
// that openRangeFunc left, now that the jumps out of its body are known:
// the head with the loop's variables and temporaries, the yield function's
// parameters, and the dispatch on the control code after the call.
func (l *lowerer) closeRangeFunc(f *frame) {
	rf, n := f.rf, f.rf.stmt
	sig := l.info.Types[n.X].Type.Underlying().(*types.Signature)
	yield := sig.Params().At(0).Type().Underlying().(*types.Signature)

	var head strings.Builder
	head.WriteString("{ ")
	if rf.top {
		head.WriteString("var __wbctl int; _ = __wbctl; ")
		if rf.results && l.fn.sig != nil {
			res := l.fn.sig.Results()
			for i := 0; i < res.Len(); i++ {
				fmt.Fprintf(&head, "var __wbr%d %s; ", i, l.typeString(res.At(i).Type(), n.Pos()))
			}
		}
	}
	// The interpreter cannot call a parenthesized function name, (f)(…):
	// parentheses only where the expression needs them.
	open, closeParen := "", ""
	switch n.X.(type) {
	case *ast.UnaryExpr, *ast.StarExpr, *ast.BinaryExpr:
		open, closeParen = "(", ")"
	}
	fmt.Fprintf(&head, "var %s bool; %s", rf.done, open)
	l.ed.replace(rf.start, l.off(n.X.Pos()), head.String())

	vars := []ast.Expr{n.Key, n.Value}
	var params, assigns []string
	for i := 0; i < yield.Params().Len(); i++ {
		name := "_"
		if i < 2 && vars[i] != nil {
			if n.Tok == token.DEFINE {
				name = vars[i].(*ast.Ident).Name
			} else if id, ok := vars[i].(*ast.Ident); !ok || id.Name != "_" {
				name = fmt.Sprintf("__wbv%d_%d", rf.id, i)
				assigns = append(assigns, fmt.Sprintf("%s = %s; ", l.text(vars[i].Pos(), vars[i].End()), name))
			}
		}
		params = append(params, name+" "+l.typeString(yield.Params().At(i).Type(), n.Pos()))
	}
	l.ed.replace(l.off(n.X.End()), l.off(n.Body.Lbrace)+1, fmt.Sprintf(
		`%s(func(%s) bool { if %s { panic("runtime error: range function continued iteration after function for loop body returned false") }; %s`,
		closeParen, strings.Join(params, ", "), rf.done, strings.Join(assigns, "")))

	tail := "return true }); "
	if len(rf.clauses) > 0 {
		tail += "if __wbctl != 0 { " + strings.Join(rf.clauses, " ") + " }; "
	}
	tail += "}"
	l.ed.replace(l.off(n.Body.Rbrace), l.off(n.Body.Rbrace)+1, tail)
}

// branch lowers break, continue and goto statements that leave the body of
// a range-over-function loop.
func (l *lowerer) branch(n *ast.BranchStmt) {
	if l.fn == nil || (n.Tok != token.BREAK && n.Tok != token.CONTINUE && n.Tok != token.GOTO) {
		return
	}
	rfs := l.rangeFuncs()
	if len(rfs) == 0 {
		return
	}
	if n.Tok == token.GOTO {
		ls := l.fn.labels[n.Label.Name]
		inner := rfs[len(rfs)-1].rf.stmt.Body
		if ls == nil || ls.Pos() < inner.Lbrace || ls.Pos() > inner.Rbrace {
			l.fail(n.Pos(), "goto out of a range-over-function loop is not supported by the workbook interpreter")
		}
		return
	}
	// Find the target frame.
	target := -1
	frames := l.fn.frames
	for i := len(frames) - 1; i >= 0; i-- {
		f := frames[i]
		if n.Label != nil {
			if f.label != nil && f.label.Label.Name == n.Label.Name {
				target = i
				break
			}
			continue
		}
		if n.Tok == token.CONTINUE && !f.loop {
			continue
		}
		target = i
		break
	}
	if target < 0 {
		return // go/types has reported it already
	}
	var crossing []*frame
	for _, f := range frames[target+1:] {
		if f.rf != nil {
			crossing = append(crossing, f)
		}
	}
	t := frames[target]
	if len(crossing) == 0 {
		if t.rf != nil {
			l.ed.replace(l.off(n.Pos()), l.off(n.End()), l.leaveBody(t.rf, n.Tok))
		}
		return
	}
	key := jumpKey{t.stmt, n.Tok}
	code, ok := l.fn.codes[key]
	if !ok {
		code = len(l.fn.codes) + 1
		l.fn.codes[key] = code
	}
	owner := crossing[len(crossing)-1].rf
	l.ed.replace(l.off(n.Pos()), l.off(n.End()), fmt.Sprintf("{ __wbctl = %d; %s = true; return false }", code, owner.done))
	for i := len(crossing) - 1; i >= 1; i-- {
		crossing[i].rf.addClause(code, fmt.Sprintf("%s = true; return false", crossing[i-1].rf.done))
	}
	var action string
	switch {
	case t.rf != nil:
		action = "__wbctl = 0; " + l.leaveBody(t.rf, n.Tok)
	default:
		action = fmt.Sprintf("__wbctl = 0; %s %s", n.Tok, t.label.Label.Name)
	}
	crossing[0].rf.addClause(code, action)
}

// leaveBody is the statement that, in the yield function of rf, does what
// break or continue of rf does.
func (l *lowerer) leaveBody(rf *rangeFunc, tok token.Token) string {
	if tok == token.CONTINUE {
		return "return true"
	}
	return fmt.Sprintf("{ %s = true; return false }", rf.done)
}

// addClause adds to the code after the call of rf what to do when the body
// left with control code code, once per code.
func (rf *rangeFunc) addClause(code int, action string) {
	if rf.seen[code] {
		return
	}
	rf.seen[code] = true
	rf.clauses = append(rf.clauses, fmt.Sprintf("if __wbctl == %d { %s };", code, action))
}

// ret lowers a return statement inside the body of a range-over-function
// loop: the values go to temporaries of the enclosing function, and the
// code after the outermost loop returns them.
func (l *lowerer) ret(n *ast.ReturnStmt) {
	if l.fn == nil {
		return
	}
	rfs := l.rangeFuncs()
	if len(rfs) == 0 {
		return
	}
	owner := rfs[len(rfs)-1].rf
	code, final := -2, "return"
	if len(n.Results) > 0 {
		code = -1
		res := l.fn.sig.Results()
		var temps []string
		for i := 0; i < res.Len(); i++ {
			temps = append(temps, fmt.Sprintf("__wbr%d", i))
		}
		final = "return " + strings.Join(temps, ", ")
		rfs[0].rf.results = true
		l.ed.replace(l.off(n.Pos()), l.off(n.Results[0].Pos()), "{ "+strings.Join(temps, ", ")+" = ")
		l.ed.close(l.off(n.Pos()), l.off(n.End()), fmt.Sprintf("; __wbctl = %d; %s = true; return false }", code, owner.done))
	} else {
		l.ed.replace(l.off(n.Pos()), l.off(n.End()), fmt.Sprintf("{ __wbctl = %d; %s = true; return false }", code, owner.done))
	}
	for i := len(rfs) - 1; i >= 1; i-- {
		rfs[i].rf.addClause(code, fmt.Sprintf("%s = true; return false", rfs[i-1].rf.done))
	}
	rfs[0].rf.addClause(code, final)
}

// deferStmt turns a defer statement of a function that defers in the body
// of a range-over-function loop, where the body is a function literal of
// its own, into a push onto the function's own list of deferred calls,
// which its first deferred call runs backwards. The function and its
// arguments are evaluated at the defer statement, as Go does:
//
//	{ var f = F; var a0 T0 = A0; __wbdefers = append(__wbdefers, func() { f(a0) }) }
func (l *lowerer) deferStmt(n *ast.DeferStmt) {
	if l.fn == nil || !l.fn.deferList {
		return
	}
	call := n.Call
	id := l.unique("")[4:]
	fname := "__wbdf" + id
	builtin := ""
	if b, ok := l.info.Uses[identOf(call.Fun)].(*types.Builtin); ok {
		builtin = b.Name()
	}
	var sig *types.Signature
	if builtin == "" {
		sig, _ = l.info.Types[call.Fun].Type.Underlying().(*types.Signature)
		if sig == nil {
			l.fail(n.Pos(), "the workbook interpreter cannot defer this call inside a range-over-function loop")
			return
		}
		l.ed.replace(l.off(n.Pos()), l.off(call.Fun.Pos()), "{ var "+fname+" = ")
	} else {
		l.ed.replace(l.off(n.Pos()), l.off(call.Fun.End()), "{ ")
	}
	var args []string
	prev := call.Fun.End()
	for i, a := range call.Args {
		name := fmt.Sprintf("__wbda%s_%d", id, i)
		t := ""
		if sig != nil {
			switch {
			case sig.Variadic() && i >= sig.Params().Len()-1 && call.Ellipsis.IsValid():
				t = l.typeString(sig.Params().At(sig.Params().Len()-1).Type(), n.Pos())
			case sig.Variadic() && i >= sig.Params().Len()-1:
				t = l.typeString(sig.Params().At(sig.Params().Len()-1).Type().(*types.Slice).Elem(), n.Pos())
			default:
				t = l.typeString(sig.Params().At(i).Type(), n.Pos())
			}
		} else {
			t = l.typeString(types.Default(l.info.Types[a].Type), n.Pos())
		}
		lead := "; "
		if builtin != "" && i == 0 {
			lead = ""
		}
		l.ed.replace(l.off(prev), l.off(a.Pos()), fmt.Sprintf("%svar %s %s = ", lead, name, t))
		args = append(args, name)
		prev = a.End()
	}
	if call.Ellipsis.IsValid() && len(args) > 0 {
		args[len(args)-1] += "..."
	}
	callee := fname
	if builtin != "" {
		callee = builtin
	}
	sep := "; "
	if builtin != "" && len(args) == 0 {
		sep = ""
	}
	l.ed.replace(l.off(prev), l.off(call.End()), fmt.Sprintf("%s__wbdefers = append(__wbdefers, func() { %s(%s) }) }", sep, callee, strings.Join(args, ", ")))
}

// builtinCall lowers min, max and clear, which the interpreter does not
// know, into calls of typed function literals (clear into a compiled
// helper), and new(expr), Go 1.26, into a function literal returning the
// address of its argument.
func (l *lowerer) builtinCall(n *ast.CallExpr) {
	id, ok := ast.Unparen(n.Fun).(*ast.Ident)
	if !ok {
		return
	}
	b, ok := l.info.Uses[id].(*types.Builtin)
	if !ok {
		return
	}
	switch b.Name() {
	case "min", "max":
		tv := l.info.Types[n]
		if tv.Value != nil {
			return // a constant, computed by typeConstant
		}
		t := l.typeString(tv.Type, n.Pos())
		op := "<"
		if b.Name() == "max" {
			op = ">"
		}
		l.ed.replace(l.off(id.Pos()), l.off(id.End()), fmt.Sprintf(
			"func(__a %s, __b ...%s) %s { for _, __v := range __b { if __v %s __a || __v != __v { __a = __v } }; return __a }",
			t, t, t, op))
	case "clear":
		// Compiled, through reflection: a range loop of delete cannot
		// remove the NaN keys of a map.
		l.ed.replace(l.off(id.Pos()), l.off(id.End()), l.importName(RuntimePath)+".Clear")
	case "new":
		// new(expr), Go 1.26: a pointer to a new variable holding expr.
		if len(n.Args) == 1 && !l.info.Types[n.Args[0]].IsType() {
			ptr, ok := l.info.Types[n].Type.(*types.Pointer)
			if !ok {
				return
			}
			t := l.typeString(ptr.Elem(), n.Pos())
			l.ed.replace(l.off(id.Pos()), l.off(id.End()), fmt.Sprintf("func(__v %s) *%s { return &__v }", t, t))
		}
	}
}

// RuntimePath is the import path of the compiled helpers the lowered code
// calls (package internal/engine provides them to the interpreter).
const RuntimePath = "workbook.lower/rt"

// genericName points a use of a generic name of a binary package
// (sync.OnceValue) at its source implementation.
func (l *lowerer) genericName(n *ast.SelectorExpr) {
	id, ok := n.X.(*ast.Ident)
	if !ok {
		return
	}
	pn, ok := l.info.Uses[id].(*types.PkgName)
	if !ok {
		return
	}
	p := pn.Imported().Path()
	if !stdlib.IsGenericName(p, n.Sel.Name) {
		return
	}
	l.ed.replace(l.off(id.Pos()), l.off(id.End()), l.importName(stdlib.GenericPath(p)))
}
