package engine

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"go/token"
	"io"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/traefik/yaegi/interp"
)

// A run of tests is go test's, inside the child: the testing package's
// own runner (testing.MainStart) runs the program's TestXxx functions,
// selected by -run and repeated by -count as go test does, with testDeps
// in place of the go command's hooks. The program's tests get T, a
// testing.T whose log is located at the program's lines, which the
// testing package cannot find among the interpreter's frames. The engine
// records each test as it runs (testlog.go) and reports its verdict.

// runTests runs the TestXxx functions of the program (package lower found
// them, in source order) with the testing package's own runner, as go test
// does, and reports each verdict on the report channel when the test and
// its subtests are over: the output is the program's to write, the
// verdicts are the engine's to tell (testlog.go).
func (c *child) runTests(i *interp.Interpreter) {
	c.monitor.start()
	done := make(chan int, 1)
	go func() {
		c.monitor.enterMain()
		if err := i.RunCompiled(); err != nil {
			c.panicked(1, panicArg(err))
		}
		syms := i.Symbols("./" + progDir)["./"+progDir]
		var tests []testing.InternalTest
		for _, name := range c.prog.Tests {
			if fn, ok := syms[name]; ok {
				tests = append(tests, testing.InternalTest{Name: name, F: c.testFunc(fn)})
			}
		}
		m := testing.MainStart(testDeps{}, tests, nil, nil, nil)
		if c.req.TestRun != "" {
			flag.Set("test.run", c.req.TestRun)
		}
		if c.req.TestCount > 1 {
			flag.Set("test.count", strconv.Itoa(c.req.TestCount))
		}
		flag.CommandLine.Parse(nil)
		done <- m.Run()
	}()
	c.exit(<-done)
}

// testFunc wraps the program's test function fn: it gets the engine's T,
// its panic fails it, and its verdict is reported once its subtests are
// over too.
func (c *child) testFunc(fn reflect.Value) func(*testing.T) {
	return func(t *testing.T) {
		c.runTest(t, func(tt *T) { fn.Call([]reflect.Value{reflect.ValueOf(tt)}) })
	}
}

// runTest runs one test or subtest, recorded.
func (c *child) runTest(t *testing.T, f func(*T)) {
	rec := c.tests.begin(t)
	t.Cleanup(func() { c.tests.end(rec, t) })
	// The goroutine the testing package started for the test is one of
	// the program's: a deadlock report says where it waits.
	var from int64
	var parent int
	if strings.Contains(t.Name(), "/") {
		from, parent = creator() // the t.Run of the parent test
	}
	g := adopt(from, parent)
	defer g.setDone()
	tt := &T{T: t, c: c, rec: rec}
	returned := false
	defer func() {
		if !returned && !t.Failed() && !t.Skipped() {
			// runtime.Goexit, not by FailNow or SkipNow: go test fails
			// the test (and ends the run) too.
			if r := recover(); r != nil {
				panic(r)
			}
			tt.log("", "test executed panic(nil) or runtime.Goexit")
			t.Fail()
		}
	}()
	defer c.testPanic(tt)
	f(tt)
	returned = true
}

// testDeps is what testing.MainStart needs of the go test tooling: test
// selection by regular expression, and nothing of profiles, coverage or
// fuzzing.
type testDeps struct{}

func (testDeps) ImportPath() string { return "" }
func (testDeps) ModulePath() string { return "" }
func (testDeps) MatchString(pat, str string) (bool, error) {
	re, err := regexp.Compile(pat)
	if err != nil {
		return false, err
	}
	return re.MatchString(str), nil
}
func (testDeps) SetPanicOnExit0(bool)                        {}
func (testDeps) StartCPUProfile(io.Writer) error             { return errNotHere }
func (testDeps) StopCPUProfile()                             {}
func (testDeps) StartTestLog(io.Writer)                      {}
func (testDeps) StopTestLog() error                          { return nil }
func (testDeps) WriteProfileTo(string, io.Writer, int) error { return errNotHere }
func (testDeps) CoordinateFuzzing(time.Duration, int64, time.Duration, int64, int, []corpusEntry, []reflect.Type, string, string) error {
	return errNotHere
}
func (testDeps) RunFuzzWorker(func(corpusEntry) error) error { return errNotHere }
func (testDeps) ReadCorpus(string, []reflect.Type) ([]corpusEntry, error) {
	return nil, nil
}
func (testDeps) CheckCorpus([]any, []reflect.Type) error { return nil }
func (testDeps) ResetCoverage()                          {}
func (testDeps) SnapshotCoverage()                       {}
func (testDeps) InitRuntimeCoverage() (string, func(string, string) (string, error), func() float64) {
	return "", nil, nil
}

// corpusEntry is the testing package's, which it declares as an alias of
// this struct type.
type corpusEntry = struct {
	Parent     string
	Path       string
	Data       []byte
	Values     []any
	Generation int
	IsSeed     bool
}

var errNotHere = errors.New("not available in the workbook")

// testPanic turns a panic of a test into its failure, with the trace at
// the program's lines: one test's panic does not hide the other tests'
// verdicts.
func (c *child) testPanic(t *T) {
	r := recover()
	if r == nil {
		return
	}
	p := c.panicOf(r)
	var b strings.Builder
	fmt.Fprintf(&b, "panic: %s\n", p.Value)
	b.WriteString(p.StackText())
	t.write(b.String()) // as the runtime prints a trace, not as a log line
	t.T.FailNow()
}

// panicArg is what RunCompiled's error says was panicked.
func panicArg(err error) any {
	if p, ok := err.(interp.Panic); ok {
		return p.Value
	}
	return err
}

// T is testing.T as the program's tests see it: the same test, but what
// they log is located at the program's lines, which the testing package
// cannot find among the interpreter's frames.
type T struct {
	*testing.T
	c   *child
	rec *testRecord
}

// TB is testing.TB as the program's tests see it; the real one has a
// private method only the testing package's types have.
type TB interface {
	Cleanup(func())
	Error(args ...any)
	Errorf(format string, args ...any)
	Fail()
	FailNow()
	Failed() bool
	Fatal(args ...any)
	Fatalf(format string, args ...any)
	Helper()
	Log(args ...any)
	Logf(format string, args ...any)
	Name() string
	Setenv(key, value string)
	Skip(args ...any)
	SkipNow()
	Skipf(format string, args ...any)
	Skipped() bool
	TempDir() string
	Context() context.Context
}

// where is the line of the program that called the method the test is
// in (the engine's At hook knows it), as the log shows it; nothing in a
// hidden file. It is read before the arguments are formatted: a String
// method they call moves it.
func (t *T) where() string {
	if g := current(); g != nil {
		if pos := tokenPos(g.getAt()); pos.IsValid() {
			if f := t.c.frameAt(pos); f != nil && f.File != "" && f.Line > 0 {
				return f.Location() + ": "
			}
		}
	}
	return ""
}

// log writes an entry of the test's log, located where, and records it.
func (t *T) log(where, s string) { t.write(logText(where, s)) }

// write writes s to the test's output, and records it in its log.
func (t *T) write(s string) {
	fmt.Fprint(t.T.Output(), s)
	t.c.tests.logged(t.rec, s)
}

// logText is an entry of a test's log as go test -v prints it, less the
// four spaces the test's output writer puts before every line: located,
// its second and later lines indented four spaces more, so that an entry
// of several lines reads as one, and ended by one newline. (The testing
// package's common.log, which the engine cannot call: it would locate
// the entry among the interpreter's frames.)
func logText(where, s string) string {
	s = strings.TrimSuffix(s, "\n")
	s = strings.ReplaceAll(s, "\n", "\n    ")
	return where + s + "\n"
}

// Log is testing.T.Log.
func (t *T) Log(args ...any) { t.log(t.where(), fmt.Sprintln(args...)) }

// Logf is testing.T.Logf.
func (t *T) Logf(format string, args ...any) { t.log(t.where(), fmt.Sprintf(format, args...)) }

// Error is testing.T.Error.
func (t *T) Error(args ...any) { t.log(t.where(), fmt.Sprintln(args...)); t.T.Fail() }

// Errorf is testing.T.Errorf.
func (t *T) Errorf(format string, args ...any) {
	t.log(t.where(), fmt.Sprintf(format, args...))
	t.T.Fail()
}

// Fatal is testing.T.Fatal.
func (t *T) Fatal(args ...any) { t.log(t.where(), fmt.Sprintln(args...)); t.T.FailNow() }

// Fatalf is testing.T.Fatalf.
func (t *T) Fatalf(format string, args ...any) {
	t.log(t.where(), fmt.Sprintf(format, args...))
	t.T.FailNow()
}

// Skip is testing.T.Skip.
func (t *T) Skip(args ...any) { t.log(t.where(), fmt.Sprintln(args...)); t.T.SkipNow() }

// Skipf is testing.T.Skipf.
func (t *T) Skipf(format string, args ...any) {
	t.log(t.where(), fmt.Sprintf(format, args...))
	t.T.SkipNow()
}

// Helper is testing.T.Helper: the lines are the program's already.
func (t *T) Helper() {}

// Setenv is testing.T.Setenv, on the program's environment.
func (t *T) Setenv(key, value string) {
	old, had := t.c.env.LookupEnv(key)
	t.c.env.Setenv(key, value)
	t.T.Cleanup(func() {
		if had {
			t.c.env.Setenv(key, old)
		} else {
			t.c.env.Unsetenv(key)
		}
	})
}

// Run is testing.T.Run.
func (t *T) Run(name string, f func(t *T)) bool {
	return t.T.Run(name, func(rt *testing.T) { t.c.runTest(rt, f) })
}

// testingSymbols are the engine's replacements in package testing.
func testingSymbols() map[string]reflect.Value {
	return map[string]reflect.Value{
		"T":  reflect.ValueOf((*T)(nil)),
		"TB": reflect.ValueOf((*TB)(nil)),
	}
}

func tokenPos(p int64) token.Pos { return token.Pos(p) }
