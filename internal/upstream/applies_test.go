package upstream

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"workbook/internal/stdlib"
)

// notApplicable lists the programs that do not apply for a reason the
// test cannot see in their imports: what they print depends on the machine
// or the clock, or they never end by design.
var notApplicable = map[string]string{
	"import4.go":     "prints a number of math/rand after rand.Seed, which does nothing since Go 1.24 (GODEBUG randseednop) in a module of Go 1.26",
	"issue-1425.go":  "depends on upstream's stdlib/wrapper-composed.go, through which io.Copy finds the reader's WriteTo",
	"restricted1.go": "depends on upstream's stdlib/restricted.go, where os.Exit panics (the engine replaces os.Exit its own way)",
	"restricted3.go": "depends on upstream's stdlib/restricted.go, where log.Logger's Fatal panics",
}

// interpPath is the import path of the interpreter, which upstream's test
// gives programs (interp.Symbols) and this one too.
const interpPath = "github.com/traefik/yaegi/interp"

// tables maps the import path of each package of internal/stdlib to the
// names its symbol table holds.
var tables = sync.OnceValue(func() map[string]map[string]bool {
	m := map[string]map[string]bool{}
	for key, build := range stdlib.Lazy {
		names := map[string]bool{}
		for name := range build() {
			names[name] = true
		}
		m[path.Dir(key)] = names
	}
	return m
})

// whyNot returns why the program at file, run with GOPATH goPath, does not
// apply, or "" if it does: the packages it (or a package of its own it
// imports) needs and internal/stdlib lacks, or the names of theirs it uses
// that the allowlist withholds.
func whyNot(file, goPath string) string {
	var lacks, withheld []string
	seen := map[string]bool{}
	var visit func(files []string)
	visit = func(files []string) {
		for _, f := range files {
			a, err := parser.ParseFile(token.NewFileSet(), f, nil, 0)
			if err != nil {
				continue // the interpreter reports it
			}
			for _, spec := range a.Imports {
				p, _ := strconv.Unquote(spec.Path.Value)
				if p == interpPath {
					continue
				}
				if names, ok := tables()[p]; ok {
					for _, name := range used(a, localName(spec, p)) {
						if !names[name] {
							withheld = append(withheld, p+"."+name)
						}
					}
					continue
				}
				if first, _, _ := strings.Cut(p, "/"); !strings.Contains(first, ".") {
					lacks = append(lacks, p)
					continue
				}
				// A package of the program's own, in GOPATH.
				dir := filepath.Join(goPath, "src", p)
				if seen[dir] {
					continue
				}
				seen[dir] = true
				sources, _ := filepath.Glob(filepath.Join(dir, "*.go"))
				visit(slices.DeleteFunc(sources, func(s string) bool { return strings.HasSuffix(s, "_test.go") }))
			}
		}
	}
	visit([]string{file})
	switch {
	case len(lacks) > 0:
		return "imports " + list(lacks) + ", not in internal/stdlib"
	case len(withheld) > 0:
		return "uses " + list(withheld) + ", withheld by internal/allow"
	}
	return ""
}

// localName returns the name the import spec gives the package p.
func localName(spec *ast.ImportSpec, p string) string {
	if spec.Name != nil {
		return spec.Name.Name
	}
	if p == "math/rand/v2" {
		return "rand"
	}
	return path.Base(p)
}

// used returns the names the file selects from the package it imports as
// pkg.
func used(f *ast.File, pkg string) []string {
	var names []string
	ast.Inspect(f, func(n ast.Node) bool {
		if s, ok := n.(*ast.SelectorExpr); ok {
			// An unresolved identifier is a package name, not a variable.
			if x, ok := s.X.(*ast.Ident); ok && x.Name == pkg && x.Obj == nil {
				names = append(names, s.Sel.Name)
			}
		}
		return true
	})
	return names
}

// list returns the sorted, distinct items, separated by commas.
func list(items []string) string {
	slices.Sort(items)
	return strings.Join(slices.Compact(items), ", ")
}
