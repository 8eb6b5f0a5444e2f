package lower

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"
)

// An Access lists where the program reads and writes one variable or
// struct field: what a race report needs to point at the learner's lines,
// since the race detector only sees the interpreter's.
type Access struct {
	Reads  []Line
	Writes []Line
}

// A Line is a line of a file of the program.
type Line struct {
	File string
	Line int
}

// Access keys.
//
//	"var:counter"          a package-level variable
//	"local:main.main.n"    a local variable of a function (its top-level
//	                       function, for those of function literals)
//	"field:hits"           a struct field, whatever its struct
//	"field:Stats.hits"     a field of the struct type Stats (see
//	                       Program.Structs), recorded besides "field:hits"
func accessKey(obj *types.Var, fset *token.FileSet, files []*ast.File) string {
	switch {
	case obj.IsField():
		return "field:" + obj.Name()
	case obj.Parent() == obj.Pkg().Scope():
		return "var:" + obj.Name()
	}
	return "local:" + enclosingFunc(obj.Pos(), files) + "." + obj.Name()
}

// enclosingFunc names the top-level function holding pos, as the
// interpreter names functions: "main.worker", "main.(*T).Inc".
func enclosingFunc(pos token.Pos, files []*ast.File) string {
	for _, f := range files {
		if pos < f.Pos() || pos > f.End() {
			continue
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || pos < fd.Pos() || pos > fd.End() {
				continue
			}
			name := f.Name.Name + "."
			if fd.Recv != nil && len(fd.Recv.List) == 1 {
				t := fd.Recv.List[0].Type
				star := false
				if s, ok := t.(*ast.StarExpr); ok {
					star, t = true, s.X
				}
				if ix, ok := t.(*ast.IndexExpr); ok {
					t = ix.X
				}
				if ix, ok := t.(*ast.IndexListExpr); ok {
					t = ix.X
				}
				if id, ok := t.(*ast.Ident); ok {
					if star {
						name += "(*" + id.Name + ")."
					} else {
						name += id.Name + "."
					}
				}
			}
			return name + fd.Name.Name
		}
	}
	return ""
}

// accesses finds, for every variable and field the files use, the lines
// that read it and those that write it. A field of one of the package's
// named struct types (named, from structs) is also recorded under its type.
func accesses(fset *token.FileSet, files []*ast.File, info *types.Info, named map[string][]*types.Var) map[string]*Access {
	table := map[string]*Access{}
	owners := map[*types.Var]string{} // field → the named struct type declaring it
	for name, fields := range named {
		for _, f := range fields {
			owners[f] = name
		}
	}
	add := func(id *ast.Ident, write, read bool) {
		obj, ok := info.Uses[id].(*types.Var)
		if !ok {
			obj, ok = info.Defs[id].(*types.Var)
			if !ok || obj == nil {
				return
			}
		}
		if obj.Pkg() == nil {
			return
		}
		keys := []string{accessKey(obj, fset, files)}
		if t := owners[obj]; t != "" {
			keys = append(keys, "field:"+t+"."+obj.Name())
		}
		p := fset.Position(id.Pos())
		l := Line{p.Filename, p.Line}
		for _, k := range keys {
			a := table[k]
			if a == nil {
				a = &Access{}
				table[k] = a
			}
			if write {
				a.Writes = appendLine(a.Writes, l)
			}
			if read {
				a.Reads = appendLine(a.Reads, l)
			}
		}
	}
	// target returns the identifier an assignment to e writes: the
	// variable, or the field of a selector.
	target := func(e ast.Expr) *ast.Ident {
		for {
			switch x := e.(type) {
			case *ast.ParenExpr:
				e = x.X
			case *ast.Ident:
				return x
			case *ast.SelectorExpr:
				return x.Sel
			case *ast.IndexExpr:
				// s[i] = v writes the element; count it against s.
				e = x.X
			case *ast.StarExpr:
				e = x.X
			default:
				return nil
			}
		}
	}
	for _, f := range files {
		written := map[*ast.Ident]bool{}
		both := map[*ast.Ident]bool{}
		// Declarations and the keys of struct literals initialise a
		// variable no other goroutine can see yet: no race can be there,
		// and a report must not point at them.
		initial := map[*ast.Ident]bool{}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CompositeLit:
				for _, e := range n.Elts {
					if kv, ok := e.(*ast.KeyValueExpr); ok {
						if id, ok := kv.Key.(*ast.Ident); ok {
							if _, field := info.Uses[id].(*types.Var); field {
								initial[id] = true
							}
						}
					}
				}
			case *ast.AssignStmt:
				for _, lhs := range n.Lhs {
					if id := target(lhs); id != nil {
						if _, def := info.Defs[id]; def && n.Tok == token.DEFINE && id == lhs {
							initial[id] = true
							continue
						}
						if n.Tok == token.ASSIGN || n.Tok == token.DEFINE {
							written[id] = true
						} else {
							both[id] = true
						}
					}
				}
			case *ast.IncDecStmt:
				if id := target(n.X); id != nil {
					both[id] = true
				}
			case *ast.RangeStmt:
				if n.Tok == token.ASSIGN {
					for _, e := range []ast.Expr{n.Key, n.Value} {
						if id := target(e); id != nil {
							written[id] = true
						}
					}
				}
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					if id := target(n.X); id != nil {
						both[id] = true
					}
				}
			}
			return true
		})
		ast.Inspect(f, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok {
				return true
			}
			switch {
			case initial[id]:
			case both[id]:
				add(id, true, true)
			case written[id]:
				add(id, true, false)
			default:
				if _, def := info.Defs[id]; !def {
					add(id, false, true)
				}
			}
			return true
		})
	}
	return table
}

func appendLine(ls []Line, l Line) []Line {
	for _, x := range ls {
		if x == l {
			return ls
		}
	}
	ls = append(ls, l)
	sort.Slice(ls, func(i, j int) bool {
		if ls[i].File != ls[j].File {
			return ls[i].File < ls[j].File
		}
		return ls[i].Line < ls[j].Line
	})
	return ls
}

// structs lists the fields of the package's named struct types
// (generic ones included), by type name.
func structs(pkg *types.Package) map[string][]*types.Var {
	out := map[string][]*types.Var{}
	if pkg == nil {
		return out
	}
	for _, name := range pkg.Scope().Names() {
		tn, ok := pkg.Scope().Lookup(name).(*types.TypeName)
		if !ok {
			continue
		}
		st, ok := tn.Type().Underlying().(*types.Struct)
		if !ok {
			continue
		}
		for i := range st.NumFields() {
			out[name] = append(out[name], st.Field(i))
		}
	}
	return out
}

// StructType names the program's struct type whose fields have these
// names, in this order, if exactly one has: a race on a field of it is
// keyed "field:Type.name", and finds the lines of that type's field only.
func (p *Program) StructType(fields []string) string {
	found := ""
	for name, fs := range p.Structs {
		if slices.Equal(fs, fields) {
			if found != "" {
				return ""
			}
			found = name
		}
	}
	return found
}
