// Package stdlib holds what the workbook knows of the standard library it
// lets programs use, all generated from the allowlist in package allow:
//
//   - Lazy: yaegi symbol tables of the binary packages, built on first use;
//   - Importer: a go/types importer reading export data of the same packages,
//     so that the front end checks programs against the real Go API;
//   - Source: implementations, in Go source, of what reflection cannot call —
//     the generic packages (slices, maps, iter, cmp) and the generic names of
//     binary ones (sync.OnceValue, atomic.Pointer…).
package stdlib

//go:generate go run ./gen

import (
	"embed"
	"reflect"
	"slices"
)

// Lazy maps "path/name" keys, as yaegi's Use expects them, to functions that
// build the symbol table of one package.
var Lazy = map[string]func() map[string]reflect.Value{}

// Source holds the source implementations, laid out as a GOPATH: the
// package with import path p is in src/p.
//
//go:embed src
var Source embed.FS

// genericPrefix is where the source implementations of the generic names
// of binary packages live: the generic half of package sync is
// wbgeneric/sync.
const genericPrefix = "wbgeneric/"

// IsGenericName reports whether name, of the binary package with the given
// import path, is generic and so comes from Source.
func IsGenericName(path, name string) bool {
	_, found := slices.BinarySearch(genericNames, path+"."+name)
	return found
}

// GenericPath returns the import path of the source implementation of the
// generic names of the binary package path.
func GenericPath(path string) string { return genericPrefix + path }
