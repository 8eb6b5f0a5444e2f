package lower

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/constant"
	"go/scanner"
	"go/token"
	"go/types"
	"path"
	"sort"
	"strconv"
	"strings"

	"workbook/internal/stdlib"
)

// A lowerer rewrites one file. It walks the syntax tree once, keeping the
// stack of enclosing statements a jump can target, and records edits.
type lowerer struct {
	fset *token.FileSet
	file *ast.File
	tf   *token.File
	src  []byte
	pkg  *types.Package
	info *types.Info
	ed   editor

	names map[string]string // import path -> name it goes by in this file
	added map[string]string // import path -> alias of an import the lowering adds
	seq   int               // for unique names

	fn    *function // innermost function being walked
	nodes []ast.Node
	err   error
}

// A function is the context of a function body: its signature, its labels,
// the breakable statements enclosing the walk, and the codes of jumps that
// leave range-over-function loops.
type function struct {
	sig    *types.Signature
	labels map[string]*ast.LabeledStmt
	frames []*frame
	codes  map[jumpKey]int
	outer  *function
	// deferList is set when a defer statement is in the body of a
	// range-over-function loop: then all the function's defer statements
	// push onto a list of its own (see deferStmt).
	deferList bool
}

type jumpKey struct {
	target ast.Stmt
	tok    token.Token
}

// A frame is a statement that break (and, for loops, continue) can target.
type frame struct {
	stmt  ast.Stmt
	label *ast.LabeledStmt
	loop  bool
	rf    *rangeFunc
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

func newLowerer(fset *token.FileSet, f *ast.File, src []byte, pkg *types.Package, info *types.Info) *lowerer {
	l := &lowerer{
		fset: fset, file: f, tf: fset.File(f.Pos()), src: src, pkg: pkg, info: info,
		ed:    editor{src: src},
		names: map[string]string{},
		added: map[string]string{},
	}
	for _, imp := range f.Imports {
		p, _ := strconv.Unquote(imp.Path.Value)
		if imp.Name != nil {
			l.names[p] = imp.Name.Name
		} else if pn, ok := info.Implicits[imp].(*types.PkgName); ok {
			l.names[p] = pn.Name()
		}
	}
	return l
}

func (l *lowerer) off(p token.Pos) int { return l.tf.Offset(p) }

// text returns the source of [from, to) on one line: the tokens, with the
// semicolons Go inserts at line ends written out, and no comments.
func (l *lowerer) text(from, to token.Pos) string {
	src := l.src[l.off(from):l.off(to)]
	if !bytes.ContainsAny(src, "\n/") {
		return string(src)
	}
	var sc scanner.Scanner
	fs := token.NewFileSet()
	sc.Init(fs.AddFile("", -1, len(src)), src, nil, 0)
	var b strings.Builder
	for {
		_, tok, lit := sc.Scan()
		if tok == token.EOF {
			break
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		switch {
		case tok == token.SEMICOLON:
			b.WriteByte(';')
		case lit != "":
			b.WriteString(lit)
		default:
			b.WriteString(tok.String())
		}
	}
	return strings.TrimSuffix(b.String(), " ;")
}

func (l *lowerer) fail(at token.Pos, format string, args ...any) {
	if l.err == nil {
		l.err = Errors{{l.fset.Position(at), fmt.Sprintf(format, args...)}}
	}
}

func (l *lowerer) unique(prefix string) string {
	l.seq++
	return fmt.Sprintf("__wb%s%d", prefix, l.seq)
}

func (l *lowerer) run() error {
	ast.Inspect(l.file, func(n ast.Node) bool {
		if l.err != nil {
			return false
		}
		if n == nil {
			l.leave(l.nodes[len(l.nodes)-1])
			l.nodes = l.nodes[:len(l.nodes)-1]
			return true
		}
		l.nodes = append(l.nodes, n)
		if d, ok := n.(*ast.GenDecl); ok && d.Tok == token.CONST {
			// Constant declarations are written out whole, with their
			// values computed: nothing inside needs lowering.
			l.constDecl(d)
			l.nodes = l.nodes[:len(l.nodes)-1]
			return false
		}
		if d, ok := n.(*ast.GenDecl); ok && d.Tok == token.VAR && len(l.nodes) == 2 {
			l.packageVars(d)
		}
		l.enter(n)
		return true
	})
	if l.err != nil {
		return l.err
	}
	if len(l.added) > 0 {
		var specs []string
		for p, alias := range l.added {
			specs = append(specs, alias+" "+strconv.Quote(p))
		}
		sort.Strings(specs)
		l.ed.insert(l.off(l.file.Name.End()), "; import ("+strings.Join(specs, "; ")+")")
	}
	return nil
}

func (l *lowerer) parentLabel() *ast.LabeledStmt {
	if len(l.nodes) >= 2 {
		if ls, ok := l.nodes[len(l.nodes)-2].(*ast.LabeledStmt); ok {
			return ls
		}
	}
	return nil
}

func (l *lowerer) enter(n ast.Node) {
	switch n := n.(type) {
	case *ast.FuncDecl:
		if n.Body != nil {
			sig, _ := l.info.Defs[n.Name].Type().(*types.Signature)
			l.pushFunc(sig, n.Body)
		}
	case *ast.FuncLit:
		sig, _ := l.info.Types[n].Type.(*types.Signature)
		l.pushFunc(sig, n.Body)
	case *ast.ForStmt:
		l.push(&frame{stmt: n, label: l.parentLabel(), loop: true})
		l.forLoop(n)
	case *ast.RangeStmt:
		f := &frame{stmt: n, label: l.parentLabel(), loop: true}
		l.rangeLoop(n, f)
		l.push(f)
	case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
		l.push(&frame{stmt: n.(ast.Stmt), label: l.parentLabel()})
		if sw, ok := n.(*ast.SwitchStmt); ok {
			l.interfaceSwitch(sw)
		}
	case *ast.BranchStmt:
		l.branch(n)
	case *ast.ReturnStmt:
		l.ret(n)
	case *ast.DeferStmt:
		l.deferStmt(n)
	case *ast.CallExpr:
		l.builtinCall(n)
	case *ast.AssignStmt:
		l.parallelAssign(n)
		l.toInterfaceAssign(n)
	case *ast.IndexExpr:
		l.toInterfaceKey(n)
	case *ast.SendStmt:
		if ch, ok := l.info.Types[n.Chan].Type.Underlying().(*types.Chan); ok {
			l.toInterface(n.Value, ch.Elem())
		}
	case *ast.CommClause:
		l.selectAssign(n)
	case *ast.SelectorExpr:
		l.genericName(n)
		l.methodExpr(n)
	case *ast.Ident:
		l.instantiate(n)
	}
	if e, ok := n.(ast.Expr); ok {
		l.typeConstant(e)
	}
}

func (l *lowerer) leave(n ast.Node) {
	switch n := n.(type) {
	case *ast.FuncDecl:
		if n.Body != nil {
			l.fn = l.fn.outer
		}
	case *ast.FuncLit:
		l.fn = l.fn.outer
	case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
		if l.fn == nil {
			return
		}
		f := l.fn.frames[len(l.fn.frames)-1]
		l.fn.frames = l.fn.frames[:len(l.fn.frames)-1]
		if f.rf != nil {
			l.closeRangeFunc(f)
		}
	}
}

func (l *lowerer) pushFunc(sig *types.Signature, body *ast.BlockStmt) {
	fn := &function{sig: sig, labels: map[string]*ast.LabeledStmt{}, codes: map[jumpKey]int{}, outer: l.fn}
	depth := 0
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			if l.isRangeFunc(stack[len(stack)-1]) {
				depth--
			}
			stack = stack[:len(stack)-1]
			return true
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.LabeledStmt:
			fn.labels[n.Label.Name] = n
		case *ast.DeferStmt:
			if depth > 0 {
				fn.deferList = true
			}
		}
		if l.isRangeFunc(n) {
			depth++
		}
		stack = append(stack, n)
		return true
	})
	if fn.deferList {
		l.ed.insert(l.off(body.Lbrace)+1, fmt.Sprintf(" var __wbdefers []func(); defer %s.RunDeferred(&__wbdefers);", l.importName(RuntimePath)))
	}
	l.fn = fn
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

func (l *lowerer) push(f *frame) {
	if l.fn != nil {
		l.fn.frames = append(l.fn.frames, f)
	}
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

// ---- Go 1.22 loop variables ----

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

// ---- range loops ----

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

// rangeString turns "for i, r := range s {" into a loop that decodes the
// string itself, as the spec says (byte offsets, U+FFFD and a width of one
// for an invalid byte): the interpreter ranges over []rune(s), which gets
// both wrong.
//
//	for s', i', w' := s, 0, 0; i' < len(s'); i' += w' {
//		var r' rune; r', w' = utf8.DecodeRuneInString(string(s'[i':])); i, r := i', r';
func (l *lowerer) rangeString(n *ast.RangeStmt) {
	id := l.unique("")[4:]
	str, i, w, r := "__wbs"+id, "__wbi"+id, "__wbw"+id, "__wbr"+id
	utf8 := l.importName("unicode/utf8")
	l.ed.replace(l.off(n.For), l.off(n.X.Pos()), fmt.Sprintf("for %s, %s, %s := ", str, i, w))
	body := fmt.Sprintf(", 0, 0; %s < len(%s); %s += %s { var %s rune; %s, %s = %s.DecodeRuneInString(string(%s[%s:])); _ = %s;",
		i, str, i, w, r, r, w, utf8, str, i, r)
	var targets, values []string
	for k, e := range []ast.Expr{n.Key, n.Value} {
		if e == nil {
			continue
		}
		if id, ok := e.(*ast.Ident); ok && id.Name == "_" {
			continue
		}
		targets = append(targets, l.text(e.Pos(), e.End()))
		values = append(values, []string{i, r}[k])
	}
	if len(targets) > 0 {
		op := ":="
		if n.Tok == token.ASSIGN {
			op = "="
		}
		body += fmt.Sprintf(" %s %s %s;", strings.Join(targets, ", "), op, strings.Join(values, ", "))
	}
	l.ed.replace(l.off(n.X.End()), l.off(n.Body.Lbrace)+1, body)
}

// rangeAssign turns "for k, v = range x {" into
// "for tk, tv := range x { k, v = tk, tv;".
func (l *lowerer) rangeAssign(n *ast.RangeStmt) {
	id := l.unique("")[4:]
	var temps, targets []string
	for i, e := range []ast.Expr{n.Key, n.Value} {
		if e == nil {
			continue
		}
		t := fmt.Sprintf("__wba%s_%d", id, i)
		if ident, ok := e.(*ast.Ident); ok && ident.Name == "_" {
			t = "_"
		} else {
			targets = append(targets, l.text(e.Pos(), e.End()))
		}
		temps = append(temps, t)
	}
	if len(targets) == 0 {
		return
	}
	l.ed.replace(l.off(n.Key.Pos()), l.off(n.TokPos)+1, strings.Join(temps, ", ")+" :=")
	var used []string
	for _, t := range temps {
		if t != "_" {
			used = append(used, t)
		}
	}
	l.ed.insert(l.off(n.Body.Lbrace)+1, fmt.Sprintf(" %s = %s;", strings.Join(targets, ", "), strings.Join(used, ", ")))
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

// rangeCount turns "for i := range p", p a pointer to an array of n, into
// a counting loop that evaluates p once and never dereferences it.
func (l *lowerer) rangeCount(n *ast.RangeStmt, count int64) {
	id := l.unique("")[4:]
	i := "__wbi" + id
	l.ed.replace(l.off(n.For), l.off(n.X.Pos()), "for _, "+i+" := ")
	body := fmt.Sprintf(", 0; %s < %d; %s++ {", i, count, i)
	body += l.rangeKey(n, i)
	l.ed.replace(l.off(n.X.End()), l.off(n.Body.Lbrace)+1, body)
}

func isUntyped(t types.Type) bool {
	b, ok := t.(*types.Basic)
	return ok && b.Info()&types.IsUntyped != 0
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

// ---- builtins and generic names ----

// builtinCall lowers min, max and clear, which the interpreter does not
// know, into calls of typed function literals.
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

// parallelAssign evaluates the right side of a parallel assignment that
// calls a function, "a, b = x, f()", in a function literal returning both
// values, "a, b = func() (A, B) { return x, f() }()": the interpreter
// assigns the values of such a statement wrongly, but not the results of
// one call.
func (l *lowerer) parallelAssign(n *ast.AssignStmt) {
	if len(n.Lhs) < 2 || len(n.Lhs) != len(n.Rhs) || (n.Tok != token.ASSIGN && n.Tok != token.DEFINE) {
		return
	}
	calls := false
	for _, r := range n.Rhs {
		ast.Inspect(r, func(x ast.Node) bool {
			if _, ok := x.(*ast.FuncLit); ok {
				return false
			}
			if c, ok := x.(*ast.CallExpr); ok && !l.info.Types[c.Fun].IsType() {
				_, builtin := l.info.Uses[identOf(c.Fun)].(*types.Builtin)
				calls = !builtin
			}
			return !calls
		})
	}
	if !calls {
		return
	}
	var results []string
	for i, lhs := range n.Lhs {
		var t types.Type
		if id, ok := lhs.(*ast.Ident); ok {
			if obj := l.info.Defs[id]; obj != nil {
				t = obj.Type()
			} else if obj := l.info.Uses[id]; obj != nil && id.Name != "_" {
				t = obj.Type()
			}
		} else {
			t = l.info.Types[lhs].Type
		}
		if t == nil {
			t = types.Default(l.info.Types[n.Rhs[i]].Type)
		}
		results = append(results, l.typeString(t, n.Pos()))
	}
	l.ed.wrap(l.off(n.Rhs[0].Pos()), l.off(n.Rhs[len(n.Rhs)-1].End()), fmt.Sprintf("func() (%s) { return ", strings.Join(results, ", ")), " }()")
}

// selectAssign turns a receive case that assigns ("case x.a = <-c:")
// into one that declares, followed by the assignment: the interpreter only
// handles variables on the left, and Go evaluates the left side only when
// the case is chosen, which this keeps.
func (l *lowerer) selectAssign(n *ast.CommClause) {
	// A receive in parentheses, "case v := (<-c):", is a receive all the
	// same; the interpreter only knows it bare.
	var recv ast.Expr
	switch c := n.Comm.(type) {
	case *ast.AssignStmt:
		if len(c.Rhs) == 1 {
			recv = c.Rhs[0]
		}
	case *ast.ExprStmt:
		recv = c.X
	}
	if p, ok := recv.(*ast.ParenExpr); ok {
		l.ed.replace(l.off(p.Lparen), l.off(p.Lparen)+1, "")
		l.ed.replace(l.off(p.Rparen), l.off(p.Rparen)+1, "")
	}
	as, ok := n.Comm.(*ast.AssignStmt)
	if !ok || as.Tok != token.ASSIGN {
		return
	}
	id := l.unique("")[4:]
	var temps, targets, used []string
	for i, e := range as.Lhs {
		t := fmt.Sprintf("__wbsel%s_%d", id, i)
		if ident, ok := e.(*ast.Ident); ok && ident.Name == "_" {
			temps = append(temps, "_")
			continue
		}
		temps = append(temps, t)
		used = append(used, t)
		targets = append(targets, l.text(e.Pos(), e.End()))
	}
	l.ed.replace(l.off(as.Pos()), l.off(as.TokPos)+1, strings.Join(temps, ", ")+" :=")
	if len(targets) > 0 {
		l.ed.insert(l.off(n.Colon)+1, fmt.Sprintf(" %s = %s;", strings.Join(targets, ", "), strings.Join(used, ", ")))
	}
}

// interfaceSwitch converts the case values of a switch on an interface
// value to the interface type: the spec compares interface values, the
// interpreter converts the tag to each case's type and fails when the types
// differ ("case 42" and "case \"hello\"" in one switch).
func (l *lowerer) interfaceSwitch(n *ast.SwitchStmt) {
	if n.Tag == nil {
		// switch { case i: } compares true with i; when i is an
		// interface, the interpreter reads it as a bool and fails.
		for _, st := range n.Body.List {
			cc, ok := st.(*ast.CaseClause)
			if !ok {
				continue
			}
			for _, e := range cc.List {
				if et := l.info.Types[e].Type; et != nil && types.IsInterface(et) {
					l.ed.wrap(l.off(e.Pos()), l.off(e.End()), "(", ") == true")
				}
			}
		}
		return
	}
	tt := l.info.Types[n.Tag].Type
	if tt == nil || !types.IsInterface(tt) {
		return
	}
	iface := l.typeString(tt, n.Pos())
	for _, st := range n.Body.List {
		cc, ok := st.(*ast.CaseClause)
		if !ok {
			continue
		}
		for _, e := range cc.List {
			if et := l.info.Types[e].Type; et == nil || types.IsInterface(et) {
				continue
			}
			l.ed.wrap(l.off(e.Pos()), l.off(e.End()), "("+iface+")(", ")")
		}
	}
}

// toInterface converts e explicitly to the interface type t, when e is not
// of an interface type itself: the interpreter represents some interface
// values in a wrapper of its own, and misses implicit conversions to them
// (a = !a.(bool) with a an interface, a map key of an interface type).
//
// An interface of a compiled package (error, fmt.Stringer, io.Writer) is
// left alone: the interpreter wraps a value in it where it is assigned,
// sent or passed, and an explicit conversion would skip the wrapping.
func (l *lowerer) toInterface(e ast.Expr, t types.Type) {
	if t == nil || !types.IsInterface(t) || l.compiledInterface(t) {
		return
	}
	et := l.info.Types[e]
	if et.Type == nil || types.IsInterface(et.Type) || et.IsNil() || et.Value != nil {
		return
	}
	l.ed.wrap(l.off(e.Pos()), l.off(e.End()), "("+l.typeString(t, e.Pos())+")(", ")")
}

// compiledInterface reports whether t is error or an interface type
// declared by a package other than the program's.
func (l *lowerer) compiledInterface(t types.Type) bool {
	if t == types.Universe.Lookup("error").Type() {
		return true
	}
	if a, ok := t.(*types.Alias); ok {
		return l.compiledInterface(types.Unalias(a))
	}
	n, ok := t.(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg() != l.pkg
}

func (l *lowerer) toInterfaceAssign(n *ast.AssignStmt) {
	if n.Tok != token.ASSIGN || len(n.Lhs) != len(n.Rhs) {
		return
	}
	for i, lhs := range n.Lhs {
		if id, ok := lhs.(*ast.Ident); ok && id.Name == "_" {
			continue
		}
		l.toInterface(n.Rhs[i], l.info.Types[lhs].Type)
	}
}

func (l *lowerer) toInterfaceKey(n *ast.IndexExpr) {
	if m, ok := l.info.Types[n.X].Type.Underlying().(*types.Map); ok {
		l.toInterface(n.Index, m.Key())
	}
}

// typeConstant writes out the type an untyped constant expression takes
// from its context, when it is not the constant's default type: a uint64
// operand of 1<<n, an int32 sent on a channel, a uint16 compared with an
// interface. The spec converts the constant; the interpreter gives it its
// default type and goes wrong. Only the outermost constant expression is
// converted, so that constant arithmetic stays exact.
func (l *lowerer) typeConstant(e ast.Expr) {
	tv, ok := l.info.Types[e]
	if !ok || tv.Value == nil || tv.IsType() || tv.Type == nil {
		return
	}
	if len(l.nodes) >= 2 {
		if p, ok := l.nodes[len(l.nodes)-2].(ast.Expr); ok {
			if ptv, ok := l.info.Types[p]; ok && ptv.Value != nil {
				return // part of a larger constant expression
			}
		}
		switch p := l.nodes[len(l.nodes)-2].(type) {
		case *ast.SelectorExpr, *ast.ArrayType, *ast.Field:
			return
		case *ast.KeyValueExpr:
			if p.Key == e {
				return
			}
		}
	}
	switch e.(type) {
	case *ast.BasicLit, *ast.Ident, *ast.SelectorExpr:
		// As written; only its type, when the context gives it one that
		// is not its default.
		if isUntyped(tv.Type) {
			return
		}
		untyped := l.untypedInSource(e)
		if untyped == nil || types.Identical(types.Default(untyped), tv.Type) {
			return
		}
		if _, isBasic := tv.Type.Underlying().(*types.Basic); !isBasic {
			return
		}
		l.ed.wrap(l.off(e.Pos()), l.off(e.End()), l.typeString(tv.Type, e.Pos())+"(", ")")
	default:
		// Computed here, exactly, as the spec computes constants; the
		// interpreter's own constant arithmetic overflows and loses types.
		// A shift count is an integer, whatever kind of constant gave it.
		v := tv.Value
		if len(l.nodes) >= 2 {
			if p, ok := l.nodes[len(l.nodes)-2].(*ast.BinaryExpr); ok && p.Y == e && (p.Op == token.SHL || p.Op == token.SHR) && isUntyped(tv.Type) {
				if iv := constant.ToInt(v); iv.Kind() == constant.Int {
					l.ed.replace(l.off(e.Pos()), l.off(e.End()), "("+iv.ExactString()+")")
					return
				}
			}
		}
		if lit, ok := l.constantText(v, tv.Type, e.Pos()); ok {
			l.ed.replaceOpen(l.off(e.Pos()), l.off(e.End()), "(", lit+")")
		}
	}
}

// constantText writes the constant v of type t as Go source: a literal of
// v's kind, converted to t when t is a typed type.
func (l *lowerer) constantText(v constant.Value, t types.Type, at token.Pos) (string, bool) {
	b, ok := t.Underlying().(*types.Basic)
	if !ok {
		return "", false
	}
	// The literal's kind is the type's: 3 of type complex64 is written
	// (3 + 0i), 2 of type float64 is written 2.0.
	switch {
	case b.Info()&types.IsComplex != 0:
		v = constant.ToComplex(v)
	case b.Info()&types.IsFloat != 0:
		v = constant.ToFloat(v)
	case b.Info()&types.IsInteger != 0:
		v = constant.ToInt(v)
	}
	var lit string
	switch v.Kind() {
	case constant.Bool:
		lit = strconv.FormatBool(constant.BoolVal(v))
	case constant.String:
		lit = strconv.Quote(constant.StringVal(v))
	case constant.Int:
		lit = v.ExactString()
		if b.Kind() == types.UntypedRune {
			if r, exact := constant.Int64Val(v); exact && r >= 0 && r <= 0x10FFFF {
				lit = strconv.QuoteRune(rune(r))
			}
		}
		if b.Kind() == types.UntypedFloat {
			lit += ".0"
		}
	case constant.Float:
		if f, exact := constant.Float64Val(v); exact {
			lit = floatLiteral(f)
		} else {
			// Beyond float64: exactly, as an integer or a ratio of two.
			lit = v.ExactString()
			if num, den, ok := strings.Cut(lit, "/"); ok {
				lit = "(" + num + ".0/" + den + ")"
			} else if !strings.ContainsAny(lit, ".eE") {
				lit += ".0"
			}
		}
	case constant.Complex:
		// complex(re, im): the interpreter folds 0.0 + 0.0i to an integer.
		re, _ := constant.Float64Val(constant.Real(v))
		im, _ := constant.Float64Val(constant.Imag(v))
		part := ""
		switch b.Kind() {
		case types.Complex64:
			part = "float32"
		case types.Complex128:
			part = "float64"
		}
		if part != "" {
			lit = fmt.Sprintf("complex(%s(%s), %s(%s))", part, floatLiteral(re), part, floatLiteral(im))
		} else {
			lit = "complex(" + floatLiteral(re) + ", " + floatLiteral(im) + ")"
		}
	default:
		return "", false
	}
	if b.Info()&types.IsUntyped != 0 {
		return lit, true
	}
	return l.typeString(t, at) + "(" + lit + ")", true
}

// floatLiteral writes f as a floating-point literal, never an integer one.
func floatLiteral(f float64) string {
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if !strings.ContainsAny(s, ".eEn") {
		s += ".0"
	}
	return s
}

// packageVars rewrites a package-level variable whose value calls a
// generic function: "var cfg = sync.OnceValue(load)" becomes "var cfg
// func() Config = func() func() Config { return sync.OnceValue(load) }()".
// The interpreter works out the types of package-level variables before
// it can instantiate, and runs their values before the instances it made
// for them are compiled; the body of a function literal is compiled with
// its instances.
func (l *lowerer) packageVars(d *ast.GenDecl) {
	for _, s := range d.Specs {
		vs, ok := s.(*ast.ValueSpec)
		if !ok || len(vs.Names) != 1 || len(vs.Values) != 1 {
			continue
		}
		generic := false
		for _, v := range vs.Values {
			ast.Inspect(v, func(x ast.Node) bool {
				if c, ok := x.(*ast.CallExpr); ok {
					fun := ast.Unparen(c.Fun)
					for {
						if ix, ok := fun.(*ast.IndexExpr); ok {
							fun = ix.X
						} else if ix, ok := fun.(*ast.IndexListExpr); ok {
							fun = ix.X
						} else {
							break
						}
					}
					if sel, ok := fun.(*ast.SelectorExpr); ok {
						fun = sel.Sel
					}
					if id, ok := fun.(*ast.Ident); ok {
						if _, ok := l.info.Instances[id]; ok {
							generic = true
						}
					}
				}
				return !generic
			})
		}
		if !generic {
			continue
		}
		obj := l.info.Defs[vs.Names[0]]
		if obj == nil {
			continue
		}
		t := l.typeString(obj.Type(), vs.Pos())
		if vs.Type == nil {
			l.ed.insert(l.off(vs.Names[0].End()), " "+t)
		}
		l.ed.wrap(l.off(vs.Values[0].Pos()), l.off(vs.Values[0].End()), "func() "+t+" { return ", " }()")
	}
}

// constDecl writes a constant declaration out with every value computed
// and every type explicit: "const ( A T = 1 << iota; B )" becomes
// "const ( A T = T(1); B T = T(2) )". The interpreter loses the type of
// implicitly repeated specs and gets iota wrong in some expressions.
func (l *lowerer) constDecl(d *ast.GenDecl) {
	for _, s := range d.Specs {
		vs, ok := s.(*ast.ValueSpec)
		if !ok {
			continue
		}
		var parts []string
		for _, name := range vs.Names {
			c, ok := l.info.Defs[name].(*types.Const)
			if !ok {
				continue
			}
			lit, ok := l.constantText(c.Val(), c.Type(), name.Pos())
			if !ok {
				return
			}
			if name.Name == "_" {
				continue
			}
			spec := name.Name + " = " + lit
			if !isUntyped(c.Type()) {
				spec = name.Name + " " + l.typeString(c.Type(), name.Pos()) + " = " + lit
			}
			parts = append(parts, spec)
		}
		sep := "; const "
		if d.Lparen.IsValid() {
			sep = "; "
		}
		text := strings.Join(parts, sep)
		if text == "" {
			text = "_ = 0"
		}
		l.ed.replace(l.off(vs.Pos()), l.off(vs.End()), text)
	}
}

// untypedInSource returns the untyped type of e as written, if e is an
// untyped constant expression (literals, untyped named constants, and
// operations on them), or nil.
func (l *lowerer) untypedInSource(e ast.Expr) types.Type {
	switch x := e.(type) {
	case *ast.BasicLit:
		switch x.Kind {
		case token.INT:
			return types.Typ[types.UntypedInt]
		case token.FLOAT:
			return types.Typ[types.UntypedFloat]
		case token.IMAG:
			return types.Typ[types.UntypedComplex]
		case token.CHAR:
			return types.Typ[types.UntypedRune]
		case token.STRING:
			return types.Typ[types.UntypedString]
		}
	case *ast.Ident:
		if c, ok := l.info.Uses[x].(*types.Const); ok && isUntyped(c.Type()) {
			return c.Type()
		}
	case *ast.SelectorExpr:
		if c, ok := l.info.Uses[x.Sel].(*types.Const); ok && isUntyped(c.Type()) {
			return c.Type()
		}
	case *ast.ParenExpr:
		return l.untypedInSource(x.X)
	case *ast.UnaryExpr:
		return l.untypedInSource(x.X)
	case *ast.BinaryExpr:
		a, b := l.untypedInSource(x.X), l.untypedInSource(x.Y)
		if a == nil || b == nil {
			return nil
		}
		switch x.Op {
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ, token.LAND, token.LOR:
			return types.Typ[types.UntypedBool]
		case token.SHL, token.SHR:
			return a
		}
		// The "larger" kind wins: int < rune < float < complex.
		if a.(*types.Basic).Kind() > b.(*types.Basic).Kind() {
			return a
		}
		return b
	}
	return nil
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

// instantiate writes out the type arguments of a generic function the type
// checker inferred: the interpreter cannot infer a type parameter from
// another one's core type (E from S ~[]E), but runs explicit
// instantiations.
func (l *lowerer) instantiate(id *ast.Ident) {
	inst, ok := l.info.Instances[id]
	if !ok || inst.TypeArgs.Len() == 0 {
		return
	}
	if _, ok := l.info.Uses[id].(*types.Func); !ok {
		return
	}
	var args []string
	for i := 0; i < inst.TypeArgs.Len(); i++ {
		args = append(args, l.typeString(inst.TypeArgs.At(i), id.Pos()))
	}
	list := "[" + strings.Join(args, ", ") + "]"
	// The expression naming the function: the identifier, or pkg.Name.
	var fun ast.Node = id
	parent := l.nodes[len(l.nodes)-2]
	if sel, ok := parent.(*ast.SelectorExpr); ok && sel.Sel == id {
		fun = sel
		if len(l.nodes) >= 3 {
			parent = l.nodes[len(l.nodes)-3]
		}
	}
	switch p := parent.(type) {
	case *ast.IndexExpr:
		if p.X == fun {
			if inst.TypeArgs.Len() > 1 {
				l.ed.replace(l.off(p.Lbrack), l.off(p.Rbrack)+1, list)
			}
			return
		}
	case *ast.IndexListExpr:
		if p.X == fun {
			if len(p.Indices) < inst.TypeArgs.Len() {
				l.ed.replace(l.off(p.Lbrack), l.off(p.Rbrack)+1, list)
			}
			return
		}
	}
	l.ed.insert(l.off(fun.End()), list)
}

// methodExpr turns a method expression (T.M, (*T).M, I.M), whose
// function the interpreter gets wrong, into the function literal it stands
// for: func(r T, args…) results { return r.M(args…) }.
func (l *lowerer) methodExpr(n *ast.SelectorExpr) {
	sel := l.info.Selections[n]
	if sel == nil || sel.Kind() != types.MethodExpr {
		return
	}
	sig := sel.Type().(*types.Signature)
	var params, args []string
	for i := 0; i < sig.Params().Len(); i++ {
		t := l.typeString(sig.Params().At(i).Type(), n.Pos())
		name := fmt.Sprintf("__wbm%d", i)
		if i > 0 {
			args = append(args, name)
		}
		if sig.Variadic() && i == sig.Params().Len()-1 {
			t = "..." + strings.TrimPrefix(t, "[]")
			args[len(args)-1] += "..."
		}
		params = append(params, name+" "+t)
	}
	var results []string
	for i := 0; i < sig.Results().Len(); i++ {
		results = append(results, l.typeString(sig.Results().At(i).Type(), n.Pos()))
	}
	call := fmt.Sprintf("__wbm0.%s(%s)", n.Sel.Name, strings.Join(args, ", "))
	body := call
	if len(results) > 0 {
		body = "return " + call
	}
	l.ed.replace(l.off(n.Pos()), l.off(n.End()), fmt.Sprintf("(func(%s) (%s) { %s })",
		strings.Join(params, ", "), strings.Join(results, ", "), body))
}

// importName returns the name a package goes by in this file, adding an
// import when the file does not import it.
func (l *lowerer) importName(p string) string {
	if name, ok := l.names[p]; ok && name != "_" && name != "." {
		return name
	}
	if alias, ok := l.added[p]; ok {
		return alias
	}
	alias := "__wbi_" + strings.NewReplacer("/", "_", ".", "_").Replace(p)
	l.added[p] = alias
	return alias
}

// typeString writes t as the source of this file would name it.
func (l *lowerer) typeString(t types.Type, at token.Pos) string {
	return types.TypeString(t, func(p *types.Package) string {
		if p == l.pkg {
			return ""
		}
		if name, ok := l.names[p.Path()]; ok && name == "." {
			return ""
		}
		if strings.HasPrefix(p.Name(), "_") || p.Path() == "" {
			l.fail(at, "the workbook interpreter cannot name type %s here", t)
			return path.Base(p.Path())
		}
		return l.importName(p.Path())
	})
}

// identOf returns the identifier e names, or nil.
func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}
