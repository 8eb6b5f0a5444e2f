// Package lower checks a Go program the way the Go compiler does and lowers
// the Go of today into the Go that the interpreter runs.
//
// The interpreter (yaegi v0.16.1, kept in third_party/yaegi) speaks Go 1.21.
// The program is type-checked with go/types against the real API of the Go
// release the workbook is built with, so errors read like the compiler's
// ("declared and not used: x") and nothing the sandbox withholds gets past
// (see package allow). Then one walk over each file (lowerer.go) rewrites
// it in source, in two kinds of rewrite kept apart:
//
//   - modern.go translates the Go added after 1.21, which the interpreter
//     does not speak: loop variables captured by a closure or whose address
//     is taken get a fresh copy per iteration, in range loops and in
//     three-clause loops (where the copy carries the body's changes to the
//     next iteration); a range over an integer becomes a counting loop; a
//     range over a function becomes a call of it with the loop body as
//     yield function, break, continue and return becoming returns from it
//     with a control code the code after the call acts on; min, max and
//     clear become typed function literals; and the generic names of the
//     library (sync.OnceValue, atomic.Pointer…) are taken from source
//     implementations in package stdlib.
//   - workaround.go avoids bugs the interpreter has with Go 1.21 code, only
//     where a rewrite of a few lines replaces a change deep in its type
//     checking: constants computed and typed here, explicit conversions to
//     interfaces, inferred type arguments written out, method expressions
//     as function literals, and a few statements (parallel assignments,
//     select cases that assign, ranges over strings). Each names the bug it
//     avoids and the program that shows it, and goes when the interpreter
//     is fixed.
//
// A bug of the interpreter is fixed in one layer only: which one owns it,
// the interpreter, this package or the engine, is the rule "Which layer
// owns a fix" at the top of third_party/yaegi/PATCHES.md. By that rule the
// interpreter owns its bugs, and a workaround here is the exception.
//
// In mode Child, for a process that workbook/proc started, child.go first
// rewrites the program so that it starts as the compiled program's new
// process does: package-level variables hold only what the compiler lays
// out, and no init function runs. The result is checked again, then
// lowered as above.
//
// Every rewrite is a text edit that keeps each line on its line, so what
// the interpreter reports by line is the learner's line.
package lower

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"runtime"
	"sort"
	"strings"
	"sync"

	"workbook/internal/allow"
	"workbook/internal/stdlib"
)

// GoVersion is the language version programs are checked against: the one
// the workbook is built with.
var GoVersion = goVersion()

func goVersion() string {
	v := runtime.Version() // go1.26.8
	if i := strings.Index(v[2:], "."); i >= 0 {
		if j := strings.Index(v[2+i+1:], "."); j >= 0 {
			return v[:2+i+1+j]
		}
	}
	return v
}

// shared is the type information of imported packages, kept from one
// Lower to the next, and filled ahead of time by Preload.
var shared sharedTypes

type sharedTypes struct {
	mu   sync.Mutex
	fset *token.FileSet
	imp  *stdlib.Importer
}

// init makes the file set and importer on first use: a process that never
// lowers a program pays nothing. shared.mu is held.
func (sh *sharedTypes) init() {
	if sh.fset == nil {
		sh.fset = token.NewFileSet()
		sh.imp = stdlib.NewImporter(sh.fset)
	}
}

// Preload reads the type information of the packages at the given import
// paths, so that a later Lower of a program that imports them does not.
func Preload(paths ...string) {
	shared.mu.Lock()
	defer shared.mu.Unlock()
	shared.init()
	for _, p := range paths {
		shared.imp.Import(p)
	}
}

// A File is one source file of a program.
type File struct {
	Name string
	Src  []byte

	// For an external test file merged into its package: the learner's
	// source, and for each byte of Src the offset in it.
	orig    []byte
	offsets []int32
}

// A Program is a type-checked, lowered program, ready for the interpreter.
type Program struct {
	// Package is the package name of the program's files ("main" to run).
	Package string
	// Files are the lowered files, in the order given.
	Files []File
	// Imports lists the import paths the lowered files use, sorted,
	// including the source implementations of generic names.
	Imports []string
	// Tests lists the names of the TestXxx functions, in source order, when
	// test files were included.
	Tests []string
	// Accesses says where each variable and field is read and written,
	// keyed as accessKey says.
	Accesses map[string]*Access
	// Structs lists the field names of the program's named struct types,
	// by type name (see StructType).
	Structs map[string][]string
	// Waits says which operations may block a goroutine, by where they
	// are in the files the learner wrote (see Wait).
	Waits map[Pos]Wait

	orig map[string]origin
}

type origin struct {
	src     []byte
	offsets []int32 // lowered offset -> original offset
	lines   []int   // lowered line starts
}

// Position maps a line and column of a lowered file back to the file the
// learner wrote.
func (p *Program) Position(file string, line, col int) (int, int) {
	o, ok := p.orig[file]
	if !ok || line < 1 || line > len(o.lines) {
		return line, col
	}
	off := o.lines[line-1] + col - 1
	if off < 0 || off >= len(o.offsets) {
		return line, col
	}
	orig := int(o.offsets[off])
	l, c := 1, 1
	for i := 0; i < orig && i < len(o.src); i++ {
		if o.src[i] == '\n' {
			l, c = l+1, 1
		} else {
			c++
		}
	}
	return l, c
}

// An Error is one problem found in the program, at a position of the
// learner's source.
type Error struct {
	Pos token.Position
	Msg string
}

func (e Error) Error() string {
	if e.Pos.Filename == "" {
		return e.Msg
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.Pos.Filename, e.Pos.Line, e.Pos.Column, e.Msg)
}

// Errors is the list of problems of a program, sorted by position. Like
// the go command, it holds at most the first ten.
type Errors []Error

func (es Errors) Error() string {
	var b strings.Builder
	for i, e := range es {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

const maxErrors = 10

// Mode says what the program is for.
type Mode int

const (
	// Run checks a package main with a func main.
	Run Mode = iota
	// Test checks a package together with its _test.go files.
	Test
)

// Child, added to Run or Test (Run|Child), lowers the program for a
// process that package workbook/proc started, which calls its target
// where the compiled program would: before the program is initialized.
// Its package-level variables hold only what the compiler lays out in the
// binary, and its init functions do not run (forChild, child.go).
const Child Mode = 1 << 2

// ChildIf is Child if child is true, and otherwise adds nothing to a mode.
func ChildIf(child bool) Mode {
	if child {
		return Child
	}
	return 0
}

// Lower parses, type-checks and lowers the files of one package. In Test
// mode the files may include an external test package, which is merged
// into the package it tests (external.go). The error, when not nil, is an
// Errors.
func Lower(files []File, mode Mode) (*Program, error) {
	child := mode&Child != 0
	mode &^= Child
	shared.mu.Lock()
	defer shared.mu.Unlock()
	shared.init()
	asts, errs := parseFiles(files)
	if len(errs) > 0 {
		return nil, capErrors(errs)
	}
	if len(asts) == 0 {
		return nil, Errors{{Msg: "no Go files"}}
	}

	// The package is named by its first file that is not an external test.
	pkgName := ""
	for i, af := range asts {
		if !strings.HasSuffix(files[i].Name, "_test.go") || !strings.HasSuffix(af.Name.Name, "_test") {
			pkgName = af.Name.Name
			break
		}
	}
	if pkgName == "" {
		pkgName = strings.TrimSuffix(asts[0].Name.Name, "_test")
	}
	var base, xtest []int // indexes of the package's files and its external tests'
	for i, af := range asts {
		switch {
		case af.Name.Name == pkgName:
			base = append(base, i)
		case mode == Test && isExternal(files[i].Name, af, pkgName):
			xtest = append(xtest, i)
		default:
			errs = append(errs, Error{shared.fset.Position(af.Name.Pos()),
				fmt.Sprintf("found packages %s and %s in the same program", pkgName, af.Name.Name)})
		}
	}
	if mode == Run && pkgName != "main" {
		errs = append(errs, Error{shared.fset.Position(asts[0].Name.Pos()),
			fmt.Sprintf("package %s is not a main package: a program to run starts with package main", pkgName)})
	}
	if len(errs) > 0 {
		return nil, errs
	}
	if len(xtest) > 0 {
		var err error
		if files, asts, err = mergeTests(files, asts, base, xtest); err != nil {
			return nil, err
		}
	}
	return lowerPackage(files, asts, mode, child)
}

// parseFiles parses the files of a program. shared.mu is held.
func parseFiles(files []File) ([]*ast.File, Errors) {
	var asts []*ast.File
	var errs Errors
	for _, f := range files {
		af, err := parser.ParseFile(shared.fset, f.Name, f.Src, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			if list, ok := err.(scanner.ErrorList); ok {
				for _, e := range list {
					errs = append(errs, Error{e.Pos, syntaxMessage(e.Msg)})
				}
				continue
			}
			errs = append(errs, Error{Msg: err.Error()})
			continue
		}
		asts = append(asts, af)
	}
	return asts, errs
}

func newInfo() *types.Info {
	return &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
		Implicits:  map[ast.Node]types.Object{},
		Instances:  map[*ast.Ident]types.Instance{},
		Scopes:     map[ast.Node]*types.Scope{},
	}
}

// check type-checks the files of one package as the compiler would, with
// the allowlist's checks after. shared.mu is held.
func check(name string, files []*ast.File) (*types.Package, *types.Info, Errors) {
	var errs Errors
	info := newInfo()
	conf := types.Config{
		Importer:  shared.imp,
		GoVersion: GoVersion,
		Sizes:     types.SizesFor("gc", runtime.GOARCH),
		Error:     func(err error) { errs = append(errs, typeError(err)) },
	}
	pkg, _ := conf.Check(name, shared.fset, files, info)
	if len(errs) == 0 {
		errs = append(errs, checkAllowed(shared.fset, files, info)...)
	}
	return pkg, info, errs
}

func typeError(err error) Error {
	te := err.(types.Error)
	return Error{shared.fset.Position(te.Pos), typeMessage(te.Msg)}
}

// mergeTests checks a package and its external tests as go test does, and
// returns the files and syntax trees of the one package they merge into.
// shared.mu is held.
func mergeTests(files []File, asts []*ast.File, base, xtest []int) ([]File, []*ast.File, error) {
	pick := func(idx []int) []*ast.File {
		var out []*ast.File
		for _, i := range idx {
			out = append(out, asts[i])
		}
		return out
	}
	if len(base) == 0 {
		return nil, nil, Errors{{shared.fset.Position(asts[xtest[0]].Name.Pos()), "the external tests have no package to test: the package's own files are missing"}}
	}
	baseASTs, xASTs := pick(base), pick(xtest)
	pkg, _, errs := check(asts[base[0]].Name.Name, baseASTs)
	if len(errs) > 0 {
		return nil, nil, capErrors(errs)
	}
	xpkg, xinfo := checkExternal(shared.fset, pkg, xASTs, func(err error) { errs = append(errs, typeError(err)) })
	if len(errs) == 0 {
		errs = append(errs, checkAllowed(shared.fset, xASTs, xinfo)...)
	}
	if len(errs) > 0 {
		return nil, nil, capErrors(errs)
	}
	var srcs [][]byte
	for _, i := range xtest {
		srcs = append(srcs, files[i].Src)
	}
	ms, err := mergeExternal(shared.fset, pkg, baseASTs, xASTs, srcs, xpkg, xinfo)
	if err != nil {
		return nil, nil, err
	}
	out := append([]File(nil), files...)
	for k, i := range xtest {
		out[i] = File{Name: files[i].Name, Src: ms[k].src, orig: files[i].Src, offsets: ms[k].offsets}
	}
	outASTs, perrs := parseFiles(out)
	if len(perrs) > 0 {
		return nil, nil, fmt.Errorf("lower: merging the external tests: %v", perrs)
	}
	return out, outASTs, nil
}

// lowerPackage type-checks and lowers the files of one package, for a
// child of package proc if child is true. shared.mu is held.
func lowerPackage(files []File, asts []*ast.File, mode Mode, child bool) (*Program, error) {
	fset := shared.fset
	pkgName := asts[0].Name.Name
	pkg, info, errs := check(pkgName, asts)
	if mode == Run && len(errs) == 0 {
		if obj := pkg.Scope().Lookup("main"); obj == nil {
			errs = append(errs, Error{Msg: "function main is undeclared in the main package"})
		} else if _, ok := obj.(*types.Func); !ok {
			errs = append(errs, Error{fset.Position(obj.Pos()), "cannot declare main - must be func"})
		}
	}
	if len(errs) > 0 {
		return nil, capErrors(errs)
	}

	sts := structs(pkg)
	prog := &Program{Package: pkgName, orig: map[string]origin{}, Accesses: accesses(fset, asts, info, sts), Structs: map[string][]string{}}
	srcs := make([][]byte, len(files))
	for i, f := range files {
		srcs[i] = f.Src
	}
	prog.Waits = waits(fset, asts, srcs, info)
	for name, fields := range sts {
		for _, f := range fields {
			prog.Structs[name] = append(prog.Structs[name], f.Name())
		}
	}
	if child {
		// Accesses and Waits stay those of the learner's source, which
		// the rewrite only cuts down.
		var err error
		if files, asts, pkg, info, err = forChild(files, asts, pkg, info); err != nil {
			return nil, err
		}
	}
	imports := map[string]bool{}
	for i, af := range asts {
		l := newLowerer(fset, af, files[i].Src, pkg, info)
		if err := l.run(); err != nil {
			return nil, err
		}
		out, offsets, err := l.ed.apply()
		if err != nil {
			return nil, err
		}
		src := files[i].Src
		if files[i].orig != nil {
			src = files[i].orig
			offsets = composeOffsets(offsets, merged{files[i].Src, files[i].offsets})
		}
		prog.Files = append(prog.Files, File{Name: files[i].Name, Src: out})
		prog.orig[files[i].Name] = origin{src: src, offsets: offsets, lines: lineStarts(out)}
		for _, imp := range af.Imports {
			imports[strings.Trim(imp.Path.Value, `"`)] = true
		}
		for path := range l.added {
			imports[path] = true
		}
		if mode == Test && strings.HasSuffix(files[i].Name, "_test.go") {
			prog.Tests = append(prog.Tests, testNames(af)...)
		}
	}
	for path := range imports {
		prog.Imports = append(prog.Imports, path)
	}
	sort.Strings(prog.Imports)
	return prog, nil
}

func testNames(f *ast.File) []string {
	var names []string
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Recv != nil || !strings.HasPrefix(fd.Name.Name, "Test") {
			continue
		}
		if rest := fd.Name.Name[4:]; rest != "" && !(rest[0] < 'a' || rest[0] > 'z') {
			continue
		}
		params := fd.Type.Params.List
		if len(params) != 1 {
			continue
		}
		if star, ok := params[0].Type.(*ast.StarExpr); ok {
			if sel, ok := star.X.(*ast.SelectorExpr); ok && sel.Sel.Name == "T" {
				names = append(names, fd.Name.Name)
			}
		}
	}
	return names
}

func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, b := range src {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

func capErrors(errs Errors) Errors {
	sort.SliceStable(errs, func(i, j int) bool {
		a, b := errs[i].Pos, errs[j].Pos
		if a.Filename != b.Filename {
			return a.Filename < b.Filename
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
	if len(errs) > maxErrors {
		errs = append(errs[:maxErrors], Error{Msg: "too many errors"})
	}
	return errs
}

// syntaxMessage rewords go/parser's messages the way the compiler words
// them, where they differ in a way a newcomer would notice.
func syntaxMessage(msg string) string {
	if strings.HasPrefix(msg, "expected ") {
		return "syntax error: " + msg
	}
	return msg
}

// typeMessage passes go/types' messages through, but for imports the
// importer refused, whose message is the allowlist's explanation.
func typeMessage(msg string) string {
	if i := strings.Index(msg, "package "); strings.HasPrefix(msg, "could not import ") && i >= 0 {
		if j := strings.Index(msg, "is not available in the workbook sandbox"); j >= 0 {
			return strings.TrimSuffix(msg[i:], ")")
		}
	}
	return msg
}

// checkAllowed reports every use of a name the allowlist withholds, and
// every expression of type unsafe.Pointer: a program may come by one
// without importing unsafe (reflect.Value.UnsafePointer), and with one and
// a conversion it could read and write any memory of the child.
//
// Uses are found by what names resolve to, not by how they are written,
// so that a dot import reaches nothing more than a qualified name; and the
// methods the allowlist withholds are refused however they are reached:
// called, taken as a value or a method expression, promoted through an
// embedded field, or through an interface of the program that declares a
// method of their name. The allowlist must hold on its own, where the
// kernel offers no Landlock or seccomp.
func checkAllowed(fset *token.FileSet, files []*ast.File, info *types.Info) Errors {
	var errs Errors
	methodNames := allow.WithheldMethodNames()
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if e, ok := n.(ast.Expr); ok {
				if tv, ok := info.Types[e]; ok && tv.Type != nil && isUnsafePointer(tv.Type) {
					errs = append(errs, Error{fset.Position(e.Pos()), "unsafe.Pointer is not available in the workbook sandbox: the sandbox does not allow access to arbitrary memory"})
					return false
				}
			}
			switch n := n.(type) {
			case *ast.SelectorExpr:
				// A qualified name is told where it starts, as the
				// compiler tells it.
				if x, ok := n.X.(*ast.Ident); ok {
					if _, ok := info.Uses[x].(*types.PkgName); ok {
						if msg := withheldUse(info.Uses[n.Sel]); msg != "" {
							errs = append(errs, Error{fset.Position(n.Pos()), msg})
						}
						return false
					}
				}
			case *ast.Ident:
				if msg := withheldUse(info.Uses[n]); msg != "" {
					errs = append(errs, Error{fset.Position(n.Pos()), msg})
				}
			case *ast.InterfaceType:
				for _, m := range n.Methods.List {
					for _, name := range m.Names {
						if owner, ok := methodNames[name.Name]; ok {
							errs = append(errs, Error{fset.Position(name.Pos()), fmt.Sprintf(
								"an interface with a method %s is not available in the workbook sandbox: %s.%s is withheld, and would be called through it", name.Name, owner, name.Name)})
						}
					}
				}
			}
			return true
		})
	}
	return errs
}

// withheldUse says why obj, which a name of the program resolves to, is
// withheld, or "" when it is not: a package-level name of a package on
// the allowlist, or a method of one of its types.
func withheldUse(obj types.Object) string {
	if obj == nil || obj.Pkg() == nil {
		return ""
	}
	p, ok := allow.Lookup(obj.Pkg().Path())
	if !ok {
		return ""
	}
	if obj.Parent() == obj.Pkg().Scope() {
		if ok, _ := p.Allows(obj.Name()); !ok {
			return p.Withholding(obj.Name())
		}
		return ""
	}
	fn, ok := obj.(*types.Func)
	if !ok {
		return ""
	}
	recv := fn.Type().(*types.Signature).Recv()
	if recv == nil {
		return ""
	}
	t := recv.Type()
	if ptr, ok := t.(*types.Pointer); ok {
		t = ptr.Elem()
	}
	named, ok := t.(*types.Named)
	if !ok {
		return ""
	}
	withheld, instead := p.WithholdsMethod(named.Obj().Name(), fn.Name())
	if !withheld {
		return ""
	}
	msg := fmt.Sprintf("(%s.%s).%s is not available in the workbook sandbox", p.Path, named.Obj().Name(), fn.Name())
	if instead != "" {
		msg += ": " + instead
	}
	return msg
}

func isUnsafePointer(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.UnsafePointer
}
