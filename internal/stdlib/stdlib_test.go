package stdlib

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"io/fs"
	"path"
	"strings"
	"testing"

	"workbook/internal/allow"
)

// TestGenericNamesHaveSources checks that every generic name of a binary
// package, which the front end points at its source implementation, has
// one, and every source package of the allowlist exists.
func TestGenericNamesHaveSources(t *testing.T) {
	declared := func(dir string) map[string]bool {
		names := map[string]bool{}
		entries, err := fs.ReadDir(Source, "src/"+dir)
		if err != nil {
			return names
		}
		for _, e := range entries {
			if e.IsDir() {
				continue
			}
			src, err := fs.ReadFile(Source, path.Join("src", dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			f, err := parser.ParseFile(token.NewFileSet(), e.Name(), src, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range f.Decls {
				switch d := d.(type) {
				case *ast.FuncDecl:
					if d.Recv == nil {
						names[d.Name.Name] = true
					}
				case *ast.GenDecl:
					for _, s := range d.Specs {
						if ts, ok := s.(*ast.TypeSpec); ok {
							names[ts.Name.Name] = true
						}
					}
				}
			}
		}
		return names
	}
	for _, g := range genericNames {
		i := strings.LastIndex(g, ".")
		pkg, name := g[:i], g[i+1:]
		if !declared(strings.TrimPrefix(GenericPath(pkg), ""))[name] {
			t.Errorf("%s is generic but src/%s declares no %s", g, GenericPath(pkg), name)
		}
	}
	for _, p := range allow.Packages {
		if p.Source && len(declared(p.Path)) == 0 {
			t.Errorf("package %s is a source package but src/%s is empty", p.Path, p.Path)
		}
	}
}

// TestSourcePackagesMatchTheAPI checks that each source package declares
// the exported functions of the real package it stands for.
func TestSourcePackagesMatchTheAPI(t *testing.T) {
	imp := NewImporter(token.NewFileSet())
	for _, p := range allow.Packages {
		if !p.Source {
			continue
		}
		real, err := imp.Import(p.Path)
		if err != nil {
			t.Fatal(err)
		}
		entries, _ := fs.ReadDir(Source, "src/"+p.Path)
		var src strings.Builder
		for _, e := range entries {
			if e.IsDir() {
				continue
			}
			b, _ := fs.ReadFile(Source, path.Join("src", p.Path, e.Name()))
			src.Write(b)
		}
		for _, name := range real.Scope().Names() {
			obj := real.Scope().Lookup(name)
			if !obj.Exported() {
				continue
			}
			if _, isFunc := obj.(*types.Func); !isFunc {
				continue
			}
			if !strings.Contains(src.String(), "func "+name+"[") && !strings.Contains(src.String(), "func "+name+"(") {
				t.Errorf("src/%s does not implement %s.%s", p.Path, p.Path, name)
			}
		}
	}
}

func TestImporterRefuses(t *testing.T) {
	imp := NewImporter(token.NewFileSet())
	if _, err := imp.Import("fmt"); err != nil {
		t.Fatalf("Import(fmt): %v", err)
	}
	_, err := imp.Import("net")
	if err == nil || !strings.Contains(err.Error(), "not available in the workbook sandbox") {
		t.Errorf("Import(net) = %v; want a refusal", err)
	}
}
