// This file holds the walker: the lowerer, which visits each node of a
// file once, keeps the functions and breakable statements around it, and
// hands the node to the rewrites of modern.go and workaround.go; and the
// helpers they share.

package lower

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/scanner"
	"go/token"
	"go/types"
	"path"
	"sort"
	"strconv"
	"strings"
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

// text returns the source of [from, to) on one line (see oneLine).
func (l *lowerer) text(from, to token.Pos) string {
	return oneLine(l.src[l.off(from):l.off(to)])
}

// oneLine writes src on one line: the tokens, with the semicolons Go
// inserts at line ends written out, no comments, and a raw string that
// spans lines as an interpreted one.
func oneLine(src []byte) string {
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
		case tok == token.STRING && strings.ContainsRune(lit, '\n'):
			s, _ := strconv.Unquote(lit)
			b.WriteString(strconv.Quote(s))
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

// enter hands n to the rewrites that concern it as the walk reaches it.
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

// leave closes what enter opened for n, once its children are walked.
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

func (l *lowerer) push(f *frame) {
	if l.fn != nil {
		l.fn.frames = append(l.fn.frames, f)
	}
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
	alias := importAlias(p)
	l.added[p] = alias
	return alias
}

// importAlias is the name an import the lowering adds goes by.
func importAlias(path string) string {
	return "__wbi_" + strings.NewReplacer("/", "_", ".", "_").Replace(path)
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

func isUntyped(t types.Type) bool {
	b, ok := t.(*types.Basic)
	return ok && b.Info()&types.IsUntyped != 0
}
