// Package upstream runs upstream yaegi's own test programs with the
// workbook's copy of the interpreter, so that a patch of the fork that
// breaks what upstream tested is seen. It has tests only.
//
// The programs are in third_party/yaegi/_test, copied from yaegi v0.16.1.
// Each is interpreted as upstream's interp/interp_file_test.go does: with
// GOPATH set so that its imports of github.com/traefik/yaegi/_test/… (or
// the GOPATH its "// GOPATH:" comment names) are found, its output
// compared with its "// Output:" comment, or its error with its
// "// Error:" comment. The symbol tables are the workbook's
// (internal/stdlib), not upstream's, with the method lookups the engine
// gives fmt, log and encoding/json.
//
// Not every program applies: one that imports a package the workbook's
// symbol tables lack, uses a name they withhold, has nothing to compare
// with, or depends on the machine (standard input, the clock, random
// numbers) is not run. The rest either pass or are known failures.
// third_party/yaegi/_test/KNOWN_FAILURES lists both, one line per program
// with the reason; the test fails when a program fails that it does not
// list (a regression of the fork), and when one it lists passes or no
// longer applies (so that the list stays true).
//
//	go test ./internal/upstream                 # check
//	go test ./internal/upstream -update         # rewrite KNOWN_FAILURES
//	go test ./internal/upstream -run 'Programs/closure3.go' -v   # see why one fails
//
// Each program runs in a child process, the test binary started again, with
// a deadline: an interpreter bug that loops, deadlocks or crashes the Go
// runtime fails that program only.
package upstream
