// Package yaegi holds the source of this copy of the interpreter, which
// the workbook embeds so that an installed workbook can build its
// race-enabled child. It changes nothing of the interpreter.
package yaegi

import "embed"

// Source is this module's go.mod, its license, this file and the packages
// the workbook uses.
//
//go:embed go.mod LICENSE *.go interp internal
var Source embed.FS
