// This file works around bugs of the interpreter with Go 1.21 code, where
// a source rewrite of a few lines replaces a change deep in the
// interpreter's type checking (the rule is in third_party/yaegi/PATCHES.md,
// "Which layer owns a fix"). Each workaround names the bug it avoids and
// the program that shows it; when the interpreter is fixed, the workaround
// goes. The translation of newer Go is in modern.go.

package lower

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// rangeString turns "for i, r := range s {" into a loop that decodes the
// string itself, as the spec says (byte offsets, U+FFFD and a width of one
// for an invalid byte):
//
//	for s', i', w' := s, 0, 0; i' < len(s'); i' += w' {
//		var r' rune; r', w' = utf8.DecodeRuneInString(string(s'[i':])); i, r := i', r';
//
// Bug avoided: the interpreter ranges over []rune(s) and counts each
// U+FFFD it made of an invalid byte as three bytes, so the offsets after
// one are wrong ("a\xffé" gives 0, 1, 4 where Go gives 0, 1, 2), and
// "for i, r = range s" assigns nothing. Shown by testdata/ranges.txtar
// (TestGolden); no program of runner/testdata shows it yet.
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
// "for tk, tv := range x { k, v = tk, tv;", the assignment the spec says
// the range clause makes.
//
// Bug avoided: a range clause that assigns existing variables leaves them
// unchanged after the loop, and "for i, x[i] = range" assigns nothing.
// Shown by testdata/ranges.txtar (TestGolden); no program of
// runner/testdata shows it yet.
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

// rangeCount turns "for i := range p", p a pointer to an array of n, into
// a counting loop that evaluates p once and never dereferences it. It
// shares rangeKey with rangeInt (modern.go), whose loop it borrows.
//
// Bug avoided: the interpreter dereferences p, so a range over the indices
// of a nil *[n]T panics, where the spec does not dereference it. Shown by
// TestWorkarounds/rangeCount in lower_test.go; no program of
// runner/testdata shows it yet.
func (l *lowerer) rangeCount(n *ast.RangeStmt, count int64) {
	id := l.unique("")[4:]
	i := "__wbi" + id
	l.ed.replace(l.off(n.For), l.off(n.X.Pos()), "for _, "+i+" := ")
	body := fmt.Sprintf(", 0; %s < %d; %s++ {", i, count, i)
	body += l.rangeKey(n, i)
	l.ed.replace(l.off(n.X.End()), l.off(n.Body.Lbrace)+1, body)
}

// parallelAssign evaluates the right side of a parallel assignment that
// calls a function, "a, b = x, f()", in a function literal returning both
// values, "a, b = func() (A, B) { return x, f() }()".
//
// Bug avoided: the interpreter assigns the values of such a statement
// wrongly, but not the results of one call. Shown by $GOROOT/test/armimm.go
// in TestConformance ("add32a(11111111) = 11bb11ee, want 0" without it) and
// by testdata/assign.txtar (TestGolden).
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
// into one that declares, followed by the assignment; Go evaluates the left
// side only when the case is chosen, which this keeps. It also takes the
// parentheses off a receive ("case v := (<-c):").
//
// Bugs avoided: the interpreter handles a receive case that assigns as one
// that declares, and only with identifiers ("case v = <-c" and "case x.a =
// <-c" panic "reflect.Select: invalid Dir"); it knows a receive case only
// bare ("unsupported assign expression"). Shown by
// TestWorkarounds/selectAssign in lower_test.go and by
// $GOROOT/test/chan/select3.go in TestConformance.
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

// interfaceSwitch writes the comparison out in a switch without a tag
// whose case is of an interface type: "switch { case i: }" becomes
// "switch { case (i) == true: }", which is what the spec compares.
//
// Bug avoided: the interpreter reads such a case as a bool and panics
// ("reflect: call of reflect.Value.Bool on interface Value"). Shown by
// TestWorkarounds/interfaceSwitch in lower_test.go; no program of
// runner/testdata shows it yet. A switch with an interface tag is the
// interpreter's own fix (PATCHES.md: "an expression switch compares
// interface operands by dynamic type and value").
func (l *lowerer) interfaceSwitch(n *ast.SwitchStmt) {
	if n.Tag != nil {
		return
	}
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
}

// toInterface converts e explicitly to the interface type t, when e is not
// of an interface type itself.
//
// Bug avoided: the interpreter represents some interface values in a
// wrapper of its own, and misses the implicit conversion to them in an
// assignment ("a = !a.(bool)" with a an interface panics "reflect: call of
// reflect.Value.SetBool on interface Value"). Shown by $GOROOT/test/gcgort.go
// in TestConformance and by testdata/interfaces.txtar (TestGolden). A map
// key and a sent value are converted by the interpreter itself (genMapKey,
// and send's genDestValue).
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
// declared by a package other than the program's: the interfaces
// toInterface leaves to the interpreter (same bug, same test programs).
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

// toInterfaceAssign converts to their interface types the values an
// assignment stores in variables of interface types, with toInterface
// (same bug, same test programs).
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

// typeConstant writes out the type an untyped constant expression takes
// from its context, when it is not the constant's default type: a uint64
// operand of 1<<n, an int32 sent on a channel, a uint16 compared with an
// interface. Only the outermost constant expression is converted, so that
// constant arithmetic stays exact.
//
// Bugs avoided: the spec converts the constant; the interpreter gives it
// its default type and goes wrong, and its own constant arithmetic
// overflows int64 and loses types. Shown by runner/testdata/modern/
// builtins.go (which does not compile without it) and $GOROOT/test/const.go
// in TestConformance. A constant shift count of another kind than integer
// (x << 2.0) is the interpreter's own fix (PATCHES.md: genValueInt).
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
		if lit, ok := l.constantText(tv.Value, tv.Type, e.Pos()); ok {
			l.ed.replaceOpen(l.off(e.Pos()), l.off(e.End()), "(", lit+")")
		}
	}
}

// untypedInSource returns the untyped type of e as written, if e is an
// untyped constant expression (literals, untyped named constants, and
// operations on them), or nil. It serves typeConstant (same bug, same test
// programs).
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

// constantText writes the constant v of type t as Go source: a literal of
// v's kind, converted to t when t is a typed type. It serves typeConstant
// and constDecl (same bugs, same test programs).
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

// floatLiteral writes f as a floating-point literal, never an integer
// one, for constantText: the interpreter would take 2 for an int.
func floatLiteral(f float64) string {
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if !strings.ContainsAny(s, ".eEn") {
		s += ".0"
	}
	return s
}

// constDecl writes a constant declaration out with every value computed
// and every type explicit: "const ( A T = 1 << iota; B )" becomes
// "const ( A T = T(1); B T = T(2) )".
//
// Bugs avoided: the interpreter computes constants in int64, so
// "chuge_1 = chuge - 1" with "chuge = 1 << 100" fails to compile
// ("constant … overflows int64"); it also loses the type of implicitly
// repeated specs and gets iota wrong in some expressions. Shown by
// $GOROOT/test/const.go in TestConformance and testdata/constants.txtar
// (TestGolden).
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

// packageVars rewrites a package-level variable whose value calls a
// generic function: "var cfg = sync.OnceValue(load)" becomes "var cfg
// func() Config = func() func() Config { return sync.OnceValue(load) }()".
// The body of a function literal is compiled with its instances.
//
// Bug avoided: the interpreter works out the types of package-level
// variables before it can instantiate, and runs their values before the
// instances it made for them are compiled ("var x = id(42)" fails to
// compile: "constant definition loop"). Shown by testdata/packagevars.txtar
// (TestGolden); no program of runner/testdata shows it yet.
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

// instantiate writes out the type arguments of a generic function the type
// checker inferred. It also supplies them to the source implementations of
// the library's generic names (genericName, modern.go).
//
// Bug avoided: the interpreter cannot infer a type parameter from another
// one's core type (E from S ~[]E), but runs explicit instantiations. Shown
// by runner/testdata/modern/generics.go, slices_sort.go and
// generic_type_args.go, which fail without it.
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

// methodExpr turns a method expression (T.M, (*T).M, I.M) into the
// function literal it stands for: func(r T, args…) results { return
// r.M(args…) }.
//
// Bug avoided: the interpreter gives a method expression the type of the
// method value, without the receiver ("reflect.Set: value of type func()
// int is not assignable to type func(struct { n int }) int"). Shown by
// $GOROOT/test/method3.go in TestConformance and testdata/ranges.txtar
// (TestGolden).
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
