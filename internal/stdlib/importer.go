package stdlib

import (
	"bytes"
	"embed"
	"errors"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/gcexportdata"

	"workbook/internal/allow"
)

//go:embed types/*.x
var exportData embed.FS

// An Importer gives the type checker the packages of the allowlist, read
// from export data generated with the Go release the workbook was built
// with, and refuses every other path with the allowlist's explanation.
// It is not safe for concurrent use.
type Importer struct {
	fset     *token.FileSet
	packages map[string]*types.Package
	complete map[string]bool
}

// NewImporter returns an importer that records positions in fset.
func NewImporter(fset *token.FileSet) *Importer {
	return &Importer{fset: fset, packages: map[string]*types.Package{}, complete: map[string]bool{}}
}

// ErrRefused is wrapped by the errors of Import for paths outside the
// allowlist.
var ErrRefused = errors.New("package refused")

// Import implements types.Importer.
func (im *Importer) Import(path string) (*types.Package, error) {
	if im.complete[path] {
		return im.packages[path], nil
	}
	if _, ok := allow.Lookup(path); !ok {
		return nil, refusedError(allow.Refusal(path))
	}
	data, err := exportData.ReadFile("types/" + strings.ReplaceAll(path, "/", "_") + ".x")
	if err != nil {
		return nil, err
	}
	pkg, err := gcexportdata.Read(bytes.NewReader(data), im.fset, im.packages, path)
	if err != nil {
		return nil, err
	}
	im.complete[path] = true
	return pkg, nil
}

type refusedError string

func (e refusedError) Error() string { return string(e) }
func (e refusedError) Unwrap() error { return ErrRefused }
