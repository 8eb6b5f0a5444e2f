package main

import (
	"embed"
	"io/fs"

	"github.com/traefik/yaegi"

	"workbook/runner"
)

// source is the workbook's own source: go.mod, go.sum and every package
// the command is built from, with the files they embed. The runner builds
// the race-enabled child from it, so that --race works from a binary that
// was installed or copied away from its checkout. TestRaceFromInstalledBinary
// checks that it is complete: a package added to the command must be added
// here.
//
//go:embed go.mod go.sum *.go
//go:embed internal/allow/*.go internal/engine/*.go internal/lower/*.go internal/procwire/*.go internal/wire/*.go
//go:embed internal/stdlib/*.go internal/stdlib/src internal/stdlib/types
//go:embed exercises/*.go exercises/_set lessons/*.go lessons/en lessons/zh lessons/img
//go:embed proc/*.go runner/*.go timeline/*.go workspace/*.go
//go:embed site/*.go site/static site/templates site/lexers
var source embed.FS

// The interpreter, third_party/yaegi, is a module of its own, which
// embeds its own source.
func init() {
	runner.Source = map[string]fs.FS{".": source, "third_party/yaegi": yaegi.Source}
}
