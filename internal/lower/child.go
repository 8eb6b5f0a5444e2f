// This file rewrites a program for a process that workbook/proc started
// (mode Child), before it is lowered like any other.

package lower

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"

	"workbook/internal/allow"
)

// A process that workbook/proc starts from a program compiled by the Go
// toolchain calls its target while package proc is initialized, before
// the program's own packages are: the program's package-level variables
// hold only what the compiler laid out in the binary, and no init function
// has run. forChild makes the interpreter's child see the same, by
// rewriting the source: each package-level variable keeps the part of its
// initializer the compiler lays out, every other part becomes the zero
// value of its type, and each func init becomes a func _, never called.
//
// What the compiler lays out (cmd/compile/internal/staticinit) is, here:
//
//   - a constant, or nil, also converted to an interface (var v any = 5);
//   - a function (var f = strings.ToUpper, a method expression T.M) or a
//     function literal;
//   - a composite literal of an array, slice or struct type, with the
//     parts of its elements it lays out, and &T{…} of one; a map is
//     always made by code, so a map literal is nil, and &map[K]V{…} a
//     pointer to a nil map;
//   - the address of a package-level variable, of a field of one or of an
//     element of an array one (&counter, &cfg.limit, &table[2]);
//   - a conversion of a value it lays out that only changes the type, and
//     []byte("…") or []rune("…") of a constant string;
//   - a value of a concrete type converted to an interface: the interface
//     holds the value's type, with the value's laid-out part (var w
//     io.Writer = os.Stdout holds a nil *os.File);
//   - a call the compiler inlines into a constant or a laid-out value: a
//     function of the program without parameters whose body is only
//     "return <constant>", and errors.New("…") of a constant.
//
// Everything else is zero: any other call, a map, a channel, new(T), an
// operation on a variable, a copy of another variable, a method value.
//
// The compiler lays out more than this where its optimizations reach:
// other calls it inlines (context.Background(), a function of the program
// returning a composite literal, or one with constant arguments), and a
// copy of another variable when no initializer before it in initialization
// order called a function it did not inline. Which, depends on its inlining
// heuristics and its flags (-gcflags=-l turns inlining off, and then not
// even a call of a function returning a constant is laid out), so the
// workbook settles on the rules above, which every build with the default
// flags follows, and package proc's documentation tells the learner not to
// count on anything beyond them.
//
// The rewrite keeps every line on its line, and drops no code: what an
// initializer no longer runs moves into a func _ after its declaration, so
// that an import or a function it alone used is still used. A zero value
// is written without naming a type where Go allows (0, "", false, nil, and
// {} for an element of a composite literal); where it does not, the type
// is named, importing its package if the file does not; a variable whose
// type cannot be named so keeps its initializer.
func forChild(files []File, asts []*ast.File, pkg *types.Package, info *types.Info) ([]File, []*ast.File, *types.Package, *types.Info, error) {
	fset := shared.fset
	constFuncs := map[*types.Func]bool{}
	for _, af := range asts {
		for _, d := range af.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && returnsConstant(fd, info) {
				if fn, ok := info.Defs[fd.Name].(*types.Func); ok {
					constFuncs[fn] = true
				}
			}
		}
	}
	out := make([]File, len(files))
	changed := false
	for i, af := range asts {
		r := &reducer{
			tf: fset.File(af.Pos()), src: files[i].Src, pkg: pkg, info: info,
			constFuncs: constFuncs,
			ed:         editor{src: files[i].Src},
			names:      map[string]string{},
			added:      map[string]string{},
		}
		r.run(af)
		if len(r.ed.edits) == 0 {
			out[i] = files[i]
			continue
		}
		changed = true
		src, offsets, err := r.ed.apply()
		if err != nil {
			return nil, nil, nil, nil, err
		}
		orig := files[i].Src
		if files[i].orig != nil {
			orig = files[i].orig
			offsets = composeOffsets(offsets, merged{files[i].Src, files[i].offsets})
		}
		out[i] = File{Name: files[i].Name, Src: src, orig: orig, offsets: offsets}
	}
	if !changed {
		return files, asts, pkg, info, nil
	}
	outASTs, errs := parseFiles(out)
	if len(errs) == 0 {
		pkg, info, errs = check(pkg.Name(), outASTs)
	}
	if len(errs) > 0 {
		return nil, nil, nil, nil, fmt.Errorf("lower: the program rewritten for a new process does not compile: %v", errs)
	}
	return out, outASTs, pkg, info, nil
}

// returnsConstant says whether fd is a function without parameters whose
// body is only "return <constant>": the compiler inlines a call of it,
// and lays the constant out.
func returnsConstant(fd *ast.FuncDecl, info *types.Info) bool {
	if fd.Recv != nil || fd.Type.TypeParams != nil || fd.Body == nil || fd.Type.Params.NumFields() != 0 ||
		fd.Type.Results.NumFields() != 1 || len(fd.Body.List) != 1 {
		return false
	}
	ret, ok := fd.Body.List[0].(*ast.ReturnStmt)
	return ok && len(ret.Results) == 1 && info.Types[ret.Results[0]].Value != nil
}

// A reducer rewrites the package-level variables and init functions of
// one file for a child.
type reducer struct {
	tf         *token.File
	src        []byte
	pkg        *types.Package
	info       *types.Info
	constFuncs map[*types.Func]bool
	ed         editor

	names map[string]string // import path -> name it goes by in this file
	added map[string]string // import path -> alias of an import the rewrite adds
	dead  []string          // statements an initializer of the declaration no longer runs
}

func (r *reducer) off(p token.Pos) int { return r.tf.Offset(p) }

func (r *reducer) run(f *ast.File) {
	for _, imp := range f.Imports {
		p, _ := strconv.Unquote(imp.Path.Value)
		if imp.Name != nil {
			r.names[p] = imp.Name.Name
		} else if pn, ok := r.info.Implicits[imp].(*types.PkgName); ok {
			r.names[p] = pn.Name()
		}
	}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil && d.Name.Name == "init" {
				r.ed.replace(r.off(d.Name.Pos()), r.off(d.Name.End()), "_")
			}
		case *ast.GenDecl:
			if d.Tok != token.VAR {
				continue
			}
			r.dead = nil
			for _, s := range d.Specs {
				r.spec(s.(*ast.ValueSpec), d.Lparen.IsValid())
			}
			if len(r.dead) > 0 {
				r.ed.insert(r.off(d.Pos()), "func _() { "+strings.Join(r.dead, "; ")+" }; ")
			}
		}
	}
	if len(r.added) > 0 {
		var specs []string
		for p, alias := range r.added {
			specs = append(specs, alias+" "+strconv.Quote(p))
		}
		sort.Strings(specs)
		r.ed.insert(r.off(f.Name.End()), "; import ("+strings.Join(specs, "; ")+")")
	}
}

// spec reduces the values of one variable specification, of a
// declaration with parentheses if grouped.
func (r *reducer) spec(vs *ast.ValueSpec, grouped bool) {
	if len(vs.Values) == 0 {
		return
	}
	if len(vs.Values) < len(vs.Names) {
		// var a, b = f(), or v, ok = m[k]: computed, never laid out.
		r.declare(vs, grouped)
		return
	}
	var gone []int // the values of which nothing is laid out
	for i, v := range vs.Values {
		if !r.reduce(v, r.varType(vs, vs.Names[i], v)) {
			gone = append(gone, i)
		}
	}
	if len(gone) == 0 || len(gone) == len(vs.Values) && r.declare(vs, grouped) {
		return
	}
	ctx := ctxTop
	if vs.Type != nil {
		ctx = ctxTyped
	}
	for _, i := range gone {
		if z, ok := r.zero(r.varType(vs, vs.Names[i], vs.Values[i]), ctx); ok {
			r.remove(vs.Values[i], z, "_")
		}
	}
}

// declare rewrites a specification none of whose values is laid out as
// one without values: var x T. It says whether it could name the types.
func (r *reducer) declare(vs *ast.ValueSpec, grouped bool) bool {
	var start token.Pos
	var text string
	if vs.Type != nil {
		start = vs.Type.End()
	} else {
		var names []string
		same := true
		for _, n := range vs.Names {
			t := r.varType(vs, n, nil)
			name, ok := r.typeName(t)
			if !ok {
				return false
			}
			names = append(names, name)
			same = same && types.Identical(t, r.varType(vs, vs.Names[0], nil))
		}
		if same {
			start, text = vs.Names[len(vs.Names)-1].End(), " "+names[0]
		} else {
			// var a, b = f() with a and b of different types.
			sep := "; var "
			if grouped {
				sep = "; "
			}
			var specs []string
			for i, n := range vs.Names {
				specs = append(specs, n.Name+" "+names[i])
			}
			start, text = vs.Names[0].Pos(), strings.Join(specs, sep)
		}
	}
	lhs := "_"
	if len(vs.Values) < len(vs.Names) {
		lhs = strings.TrimSuffix(strings.Repeat("_, ", len(vs.Names)), ", ")
	}
	for _, v := range vs.Values {
		r.dead = append(r.dead, lhs+" = "+r.flat(v.Pos(), v.End()))
	}
	r.ed.replace(r.off(start), r.off(vs.End()), text)
	return true
}

// varType is the type of the variable name declares.
func (r *reducer) varType(vs *ast.ValueSpec, name *ast.Ident, v ast.Expr) types.Type {
	if obj := r.info.Defs[name]; obj != nil {
		return obj.Type()
	}
	if vs.Type != nil {
		return r.info.Types[vs.Type].Type
	}
	if v != nil {
		return types.Default(r.info.Types[v].Type)
	}
	return types.Typ[types.Invalid]
}

// reduce makes e, whose value goes into a variable of type target, what
// the compiler lays out of it, and says whether that is anything: when it
// is not, e is left as it is, for the caller to replace with a zero.
// reduce edits inside e (the elements of a composite literal) only when
// it says yes.
func (r *reducer) reduce(e ast.Expr, target types.Type) bool {
	tv := r.info.Types[e]
	if tv.Value != nil || tv.IsNil() {
		return true
	}
	if types.IsInterface(target) && tv.Type != nil && !types.IsInterface(tv.Type) {
		// The interface is laid out with the value's type, and holds what
		// is laid out of the value: its zero if nothing.
		if r.reduce(e, tv.Type) {
			return true
		}
		z, ok := r.zero(tv.Type, ctxTop)
		if !ok {
			return false
		}
		r.remove(e, z, "_")
		return true
	}
	switch e := e.(type) {
	case *ast.ParenExpr:
		return r.reduce(e.X, target)
	case *ast.FuncLit:
		return true
	case *ast.Ident:
		return isFunc(r.info.Uses[e])
	case *ast.SelectorExpr:
		if sel := r.info.Selections[e]; sel != nil {
			return sel.Kind() == types.MethodExpr
		}
		return isFunc(r.info.Uses[e.Sel])
	case *ast.CompositeLit:
		return r.composite(e, e)
	case *ast.UnaryExpr:
		if e.Op != token.AND {
			return false
		}
		if lit, ok := ast.Unparen(e.X).(*ast.CompositeLit); ok {
			return r.composite(e, lit)
		}
		return r.staticPlace(e.X)
	case *ast.CallExpr:
		if fun := r.info.Types[e.Fun]; fun.IsType() {
			return r.conversion(e, fun.Type)
		}
		var fn types.Object
		switch f := ast.Unparen(e.Fun).(type) {
		case *ast.Ident:
			fn = r.info.Uses[f]
		case *ast.SelectorExpr:
			fn = r.info.Uses[f.Sel]
		}
		fun, ok := fn.(*types.Func)
		if !ok {
			return false
		}
		if r.constFuncs[fun] {
			return true
		}
		return fun.Pkg() != nil && fun.Pkg().Path() == "errors" && fun.Name() == "New" && r.info.Types[e.Args[0]].Value != nil
	}
	return false
}

// isFunc says whether obj is a function declared at package level.
func isFunc(obj types.Object) bool {
	fn, ok := obj.(*types.Func)
	return ok && fn.Type().(*types.Signature).Recv() == nil
}

// composite reduces a composite literal lit, which is e or which e takes
// the address of (or whose & is implicit, an element of a []*T{…}).
func (r *reducer) composite(e ast.Expr, lit *ast.CompositeLit) bool {
	t := r.info.Types[lit].Type
	pointer := e != ast.Expr(lit)
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t, pointer = p.Elem(), true
	}
	switch u := t.Underlying().(type) {
	case *types.Map:
		if !pointer {
			return false
		}
		// &map[K]V{…}: a pointer, laid out, to a map made by code.
		name, ok := r.typeName(t)
		if !ok {
			return false
		}
		r.dead = append(r.dead, "_ = &"+name+r.flat(lit.Lbrace, lit.End()))
		r.ed.replace(r.off(e.Pos()), r.off(e.End()), "new("+name+")")
		return true
	case *types.Struct:
		r.structFields(lit, u)
		return true
	case *types.Array:
		r.elements(lit, u.Elem())
		return true
	case *types.Slice:
		r.elements(lit, u.Elem())
		return true
	}
	return false
}

// elements reduces the elements of an array or slice literal: one not
// laid out becomes the zero of the element type.
func (r *reducer) elements(lit *ast.CompositeLit, elem types.Type) {
	for _, elt := range lit.Elts {
		v := elt
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			v = kv.Value
		}
		if r.reduce(v, elem) {
			continue
		}
		z, _ := r.zero(elem, ctxElement) // needs no type name
		r.remove(v, z, "_")
	}
}

// structFields reduces the fields of a struct literal: one not laid out is
// dropped from it, and a literal without keys gets them.
func (r *reducer) structFields(lit *ast.CompositeLit, st *types.Struct) {
	keyed := len(lit.Elts) > 0
	drop := make([]bool, len(lit.Elts))
	dropped := false
	for i, elt := range lit.Elts {
		v, field := elt, (*types.Var)(nil)
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			v = kv.Value
			if id, ok := kv.Key.(*ast.Ident); ok {
				field, _ = r.info.Uses[id].(*types.Var)
			}
		} else {
			keyed = false
			if i < st.NumFields() {
				field = st.Field(i)
			}
		}
		if field == nil || r.reduce(v, field.Type()) {
			continue
		}
		drop[i], dropped = true, true
		r.dead = append(r.dead, "_ = "+r.flat(v.Pos(), v.End()))
	}
	if !dropped {
		return
	}
	for i, elt := range lit.Elts {
		switch {
		case drop[i] && i+1 < len(lit.Elts):
			r.ed.replace(r.off(elt.Pos()), r.off(lit.Elts[i+1].Pos()), "")
		case drop[i]:
			r.ed.replace(r.off(elt.Pos()), r.off(elt.End()), "")
		case !keyed:
			r.ed.insert(r.off(elt.Pos()), st.Field(i).Name()+": ")
		}
	}
}

// conversion reduces a conversion of call.Args[0] to type t.
func (r *reducer) conversion(call *ast.CallExpr, t types.Type) bool {
	if len(call.Args) != 1 {
		return false
	}
	x := call.Args[0]
	xv := r.info.Types[x]
	switch {
	case xv.IsNil():
		return true
	case xv.Value != nil && xv.Value.Kind() == constant.String:
		// []byte("…") or []rune("…"): string(…) of a constant is a
		// constant, seen above.
		_, ok := t.Underlying().(*types.Slice)
		return ok
	case types.IsInterface(t):
		return r.reduce(x, t)
	case xv.Type != nil && sameRepresentation(t, xv.Type):
		return r.reduce(x, xv.Type)
	}
	return false
}

// sameRepresentation says whether a conversion between a and b changes
// the type only: the compiler looks through such a conversion.
func sameRepresentation(a, b types.Type) bool {
	if types.Identical(a.Underlying(), b.Underlying()) {
		return true
	}
	pa, ok1 := a.Underlying().(*types.Pointer)
	pb, ok2 := b.Underlying().(*types.Pointer)
	return ok1 && ok2 && types.Identical(pa.Elem().Underlying(), pb.Elem().Underlying())
}

// staticPlace says whether x, whose address is taken, is a place the
// compiler knows the address of: a package-level variable, a field of
// one, or an element of an array one at a constant index.
func (r *reducer) staticPlace(x ast.Expr) bool {
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		return isPackageVar(r.info.Uses[x])
	case *ast.SelectorExpr:
		if sel := r.info.Selections[x]; sel != nil {
			return sel.Kind() == types.FieldVal && !sel.Indirect() && r.staticPlace(x.X)
		}
		return isPackageVar(r.info.Uses[x.Sel])
	case *ast.IndexExpr:
		_, array := r.info.Types[x.X].Type.Underlying().(*types.Array)
		return array && r.info.Types[x.Index].Value != nil && r.staticPlace(x.X)
	}
	return false
}

func isPackageVar(obj types.Object) bool {
	v, ok := obj.(*types.Var)
	return ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
}

// remove replaces e with zero, and moves e into the declaration's func _
// as the right-hand side of an assignment to lhs.
func (r *reducer) remove(e ast.Expr, zero, lhs string) {
	text := r.flat(e.Pos(), e.End())
	if lit, ok := e.(*ast.CompositeLit); ok && lit.Type == nil {
		name, ok := r.typeName(r.info.Types[lit].Type)
		if !ok {
			return
		}
		text = name + text
	}
	r.dead = append(r.dead, lhs+" = "+text)
	start, end := r.off(e.Pos()), r.off(e.End())
	if strings.ContainsRune(string(r.src[start:end]), '\n') {
		// Keep the line open where e's lines were, so that Go inserts
		// no semicolon after the zero.
		r.ed.replaceOpen(start, end, "(", zero+")")
		return
	}
	r.ed.replace(start, end, zero)
}

// flat is the source of [from, to) on one line, for a func _.
func (r *reducer) flat(from, to token.Pos) string {
	return oneLine(r.src[r.off(from):r.off(to)])
}

// A zeroContext is where a zero value is written: what it may leave out.
type zeroContext int

const (
	ctxTop     zeroContext = iota // a variable's value, without a type: say it
	ctxTyped                      // a value whose type the context gives
	ctxElement                    // an element of a composite literal: {} for T{}
)

// zero writes the zero value of t.
func (r *reducer) zero(t types.Type, ctx zeroContext) (string, bool) {
	var lit string
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Info()&types.IsBoolean != 0:
			lit = "false"
		case u.Info()&types.IsString != 0:
			lit = `""`
		case u.Info()&types.IsNumeric != 0:
			lit = "0"
		default:
			lit = "nil"
		}
		if ctx != ctxTop {
			return lit, true
		}
		switch t {
		case types.Typ[types.Bool], types.Typ[types.String], types.Typ[types.Int]:
			return lit, true
		}
		if lit == "nil" {
			break
		}
		name, ok := r.typeName(t)
		return name + "(" + lit + ")", ok
	case *types.Struct, *types.Array:
		if ctx == ctxElement {
			return "{}", true
		}
		name, ok := r.typeName(t)
		return name + "{}", ok
	}
	if ctx != ctxTop {
		return "nil", true
	}
	name, ok := r.typeName(t)
	return "(" + name + ")(nil)", ok
}

// typeName writes t as this file can name it, adding an import of a
// package the file does not import; false when it cannot be named so.
func (r *reducer) typeName(t types.Type) (string, bool) {
	if !nameable(t, r.pkg) {
		return "", false
	}
	ok := true
	imported := func(p *types.Package) (string, bool) {
		if p == r.pkg {
			return "", true
		}
		name, found := r.names[p.Path()]
		if found && name == "." {
			return "", true
		}
		return name, found && name != "_"
	}
	types.TypeString(t, func(p *types.Package) string {
		if _, found := imported(p); !found {
			_, allowed := allow.Lookup(p.Path())
			ok = ok && allowed
		}
		return ""
	})
	if !ok {
		return "", false
	}
	return types.TypeString(t, func(p *types.Package) string {
		if name, found := imported(p); found {
			return name
		}
		alias, found := r.added[p.Path()]
		if !found {
			alias = importAlias(p.Path())
			r.added[p.Path()] = alias
		}
		return alias
	}), true
}

// nameable says whether every named type t is made of is exported or
// belongs to pkg.
func nameable(t types.Type, pkg *types.Package) bool {
	seen := map[types.Type]bool{}
	var walk func(types.Type) bool
	walk = func(t types.Type) bool {
		if seen[t] {
			return true
		}
		seen[t] = true
		switch t := t.(type) {
		case *types.Named:
			obj := t.Obj()
			if obj.Pkg() != nil && obj.Pkg() != pkg && !obj.Exported() {
				return false
			}
			if obj.Parent() != nil && obj.Pkg() != nil && obj.Parent() != obj.Pkg().Scope() {
				return false // declared in a function
			}
			for i := range t.TypeArgs().Len() {
				if !walk(t.TypeArgs().At(i)) {
					return false
				}
			}
			return true
		case *types.Alias:
			return walk(types.Unalias(t))
		case *types.Pointer:
			return walk(t.Elem())
		case *types.Slice:
			return walk(t.Elem())
		case *types.Array:
			return walk(t.Elem())
		case *types.Map:
			return walk(t.Key()) && walk(t.Elem())
		case *types.Chan:
			return walk(t.Elem())
		case *types.Struct:
			for i := range t.NumFields() {
				f := t.Field(i)
				if (!f.Exported() && f.Pkg() != pkg) || !walk(f.Type()) {
					return false
				}
			}
			return true
		case *types.Signature:
			return walk(t.Params()) && walk(t.Results())
		case *types.Tuple:
			for i := range t.Len() {
				if !walk(t.At(i).Type()) {
					return false
				}
			}
			return true
		case *types.Interface:
			for i := range t.NumMethods() {
				m := t.Method(i)
				if (!m.Exported() && m.Pkg() != pkg) || !walk(m.Type()) {
					return false
				}
			}
			for i := range t.NumEmbeddeds() {
				if !walk(t.EmbeddedType(i)) {
					return false
				}
			}
			return true
		case *types.Basic:
			return t.Kind() != types.Invalid && t.Info()&types.IsUntyped == 0
		}
		return false
	}
	return walk(t)
}
