package lower

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"runtime"
	"strconv"
	"strings"
)

// External test packages.
//
// A package's tests may be an external test package, package P_test, in
// _test.go files beside package P. go test builds it as a second package
// that imports P; the interpreter runs one package. So the front end
// checks the two packages as go test does (an external test sees only what
// P exports, and is told so in the compiler's words), then merges P_test
// into P, in source, keeping every line on its line:
//
//   - the package clause becomes package P, the import of P goes, and each
//     qualified name P.X becomes X;
//   - a name of P_test that P's files would see twice (one of P's own
//     package-level names or file imports, or a local of P_test that would
//     hide an X once unqualified) gets the suffix _xtest, everywhere it is
//     used.
//
// The external test imports the package under test by the package's name:
// import "counter" for package counter, which is how the workbook's
// exercises name it (see package exercises) and the module path they are
// graded in with the real toolchain.

// xtestSuffix is appended to the names of P_test that would collide in P.
const xtestSuffix = "_xtest"

// isExternal reports whether f, a _test.go file named name, belongs to the
// external test package of pkgName.
func isExternal(name string, f *ast.File, pkgName string) bool {
	return strings.HasSuffix(name, "_test.go") && f.Name.Name == pkgName+"_test"
}

// checkExternal type-checks the external test files xfiles against pkg,
// the package they test, and returns their type information; the errors
// go to report.
func checkExternal(fset *token.FileSet, pkg *types.Package, xfiles []*ast.File, report func(error)) (*types.Package, *types.Info) {
	info := newInfo()
	conf := types.Config{
		Importer:  importerFunc(func(path string) (*types.Package, error) { return importUnder(pkg, path) }),
		GoVersion: GoVersion,
		Sizes:     types.SizesFor("gc", runtime.GOARCH),
		Error:     report,
	}
	xpkg, _ := conf.Check(pkg.Name()+"_test", fset, xfiles, info)
	return xpkg, info
}

// importUnder imports path for the external tests of pkg: pkg itself by
// its name, anything else as for any program. shared.mu is held.
func importUnder(pkg *types.Package, path string) (*types.Package, error) {
	if path == pkg.Path() {
		return pkg, nil
	}
	return shared.imp.Import(path)
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// merged is an external test file rewritten into the package it tests,
// with, for each of its bytes, the offset in the learner's file it stands
// for.
type merged struct {
	src     []byte
	offsets []int32
}

// mergeExternal rewrites the external test files into package pkg. base are
// the files of pkg, whose file imports the merged files must not redeclare.
func mergeExternal(fset *token.FileSet, pkg *types.Package, base []*ast.File, xfiles []*ast.File, srcs [][]byte, xpkg *types.Package, info *types.Info) ([]merged, error) {
	// The names P's files see at package level, and through their imports.
	taken := map[string]bool{}
	for _, n := range pkg.Scope().Names() {
		taken[n] = true
	}
	for _, f := range base {
		for _, imp := range f.Imports {
			if imp.Name != nil {
				taken[imp.Name.Name] = true
			} else if path, err := strconv.Unquote(imp.Path.Value); err == nil {
				taken[importName(path)] = true
			}
		}
	}

	// The objects of P_test to rename.
	rename := map[types.Object]bool{}
	for _, n := range xpkg.Scope().Names() {
		if !taken[n] {
			continue
		}
		obj := xpkg.Scope().Lookup(n)
		if fn, ok := obj.(*types.Func); ok && isTestFunc(fn) {
			return nil, Errors{{fset.Position(obj.Pos()), fmt.Sprintf("%s is declared in both package %s and its external test package %s_test: rename one of them", n, pkg.Name(), pkg.Name())}}
		}
		rename[obj] = true
	}
	for id, obj := range info.Defs {
		if pn, ok := obj.(*types.PkgName); ok && taken[id.Name] && pn.Imported() != pkg {
			rename[obj] = true
		}
	}
	for _, obj := range info.Implicits {
		if pn, ok := obj.(*types.PkgName); ok && taken[pn.Name()] && pn.Imported() != pkg {
			rename[obj] = true
		}
	}
	// A qualified P.X becomes X: whatever P_test declares as X where it is
	// used would hide it.
	for id, obj := range info.Uses {
		if obj.Pkg() != pkg || obj.Parent() != pkg.Scope() {
			continue
		}
		if _, ok := obj.(*types.PkgName); ok {
			continue
		}
		scope := xpkg.Scope().Innermost(id.Pos())
		if scope == nil {
			continue
		}
		if _, hiding := scope.LookupParent(id.Name, id.Pos()); hiding != nil && hiding.Pkg() == xpkg {
			rename[hiding] = true
		}
	}

	out := make([]merged, len(xfiles))
	for i, f := range xfiles {
		tf := fset.File(f.Pos())
		off := func(p token.Pos) int { return tf.Offset(p) }
		ed := editor{src: srcs[i]}
		ed.replace(off(f.Name.Pos()), off(f.Name.End()), pkg.Name())
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.IMPORT {
				continue
			}
			for _, spec := range gd.Specs {
				imp := spec.(*ast.ImportSpec)
				path, _ := strconv.Unquote(imp.Path.Value)
				switch {
				case path == pkg.Path() && !gd.Lparen.IsValid():
					ed.replace(off(gd.Pos()), off(gd.End()), "")
				case path == pkg.Path():
					ed.replace(off(imp.Pos()), off(imp.End()), "")
				case imp.Name == nil:
					// An implicit import name being renamed gets an alias.
					if pn, ok := info.Implicits[imp].(*types.PkgName); ok && rename[pn] {
						ed.insert(off(imp.Pos()), pn.Name()+xtestSuffix+" ")
					}
				}
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SelectorExpr:
				if x, ok := n.X.(*ast.Ident); ok {
					if pn, ok := info.Uses[x].(*types.PkgName); ok && pn.Imported() == pkg {
						ed.replace(off(x.Pos()), off(n.Sel.Pos()), "")
						return false
					}
				}
			case *ast.Ident:
				obj := info.Defs[n]
				if obj == nil {
					obj = info.Uses[n]
				}
				if obj != nil && rename[obj] {
					ed.replace(off(n.Pos()), off(n.End()), n.Name+xtestSuffix)
				}
			}
			return true
		})
		src, offsets, err := ed.apply()
		if err != nil {
			return nil, err
		}
		out[i] = merged{src: src, offsets: offsets}
	}
	return out, nil
}

// importName is the name a package goes by when imported without one: the
// last element of its path, but a major version ("math/rand/v2").
func importName(path string) string {
	elems := strings.Split(path, "/")
	name := elems[len(elems)-1]
	if len(elems) > 1 && len(name) > 1 && name[0] == 'v' && strings.Trim(name[1:], "0123456789") == "" {
		name = elems[len(elems)-2]
	}
	return name
}

// isTestFunc reports whether fn is a test the testing package would run.
func isTestFunc(fn *types.Func) bool {
	name := fn.Name()
	if !strings.HasPrefix(name, "Test") || (len(name) > 4 && name[4] >= 'a' && name[4] <= 'z') {
		return false
	}
	sig := fn.Type().(*types.Signature)
	return sig.Recv() == nil && sig.Params().Len() == 1
}

// composeOffsets maps each byte of a file lowered from a merged one to the
// byte of the learner's file it stands for.
func composeOffsets(lowered []int32, m merged) []int32 {
	out := make([]int32, len(lowered))
	for i, o := range lowered {
		if int(o) < len(m.offsets) {
			out[i] = m.offsets[o]
		} else if len(m.offsets) > 0 {
			out[i] = m.offsets[len(m.offsets)-1] + 1
		}
	}
	return out
}
