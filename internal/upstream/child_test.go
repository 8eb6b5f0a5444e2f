package upstream

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sync"
	"testing"

	"github.com/traefik/yaegi/interp"

	"workbook/internal/engine"
	"workbook/internal/stdlib"
)

// The parent tells the child what to run through the environment.
const (
	envProgram = "WORKBOOK_UPSTREAM_PROGRAM" // the program, as upstream names it: ../_test/x.go
	envGoPath  = "WORKBOOK_UPSTREAM_GOPATH"  // the interpreter's GOPATH
	envResult  = "WORKBOOK_UPSTREAM_RESULT"  // where the child writes its result
)

// A result is what the child reports of one program.
type result struct {
	// Stdout is what the program wrote to standard output.
	Stdout string
	// Output is what it wrote to standard output and standard error, in the
	// order written: print and println write to standard output in
	// upstream's yaegi, whose expected outputs include what they print, and
	// to standard error in the workbook's, as in Go.
	Output string
	// Err is the error EvalPath returned, if any.
	Err string
	// Panicked says the interpreter itself panicked (Err holds the value).
	Panicked bool
}

func TestMain(m *testing.M) {
	if p := os.Getenv(envProgram); p != "" {
		os.Exit(child(p))
	}
	os.Exit(m.Run())
}

// child interprets the program at path and writes its result, as JSON, to
// the file named by envResult. Exiting without a result is a crash.
func child(path string) int {
	var stdout, output syncBuffer
	res := evalPath(path, io.MultiWriter(&stdout, &output), &output)
	res.Stdout, res.Output = stdout.String(), output.String()
	b, err := json.Marshal(res)
	if err == nil {
		err = os.WriteFile(os.Getenv(envResult), b, 0o600)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	return 0
}

// evalPath runs the program as upstream's runCheck does, with the
// workbook's symbol tables in place of upstream's stdlib.Symbols.
func evalPath(path string, stdout, stderr io.Writer) (res result) {
	defer func() {
		if r := recover(); r != nil {
			res = result{Err: fmt.Sprint(r), Panicked: true}
		}
	}()
	i := interp.New(interp.Options{GoPath: os.Getenv(envGoPath), Stdout: stdout, Stderr: stderr})
	if err := i.Use(interp.Symbols); err != nil {
		return result{Err: err.Error()}
	}
	if err := i.Use(symbols()); err != nil {
		return result{Err: err.Error()}
	}
	if _, err := i.EvalPath(path); err != nil {
		return result{Err: err.Error()}
	}
	return result{}
}

// symbols returns every symbol table of internal/stdlib, with the method
// method lookups of the engine (fmt, log, encoding/json…).
func symbols() interp.Exports {
	exports := interp.Exports{}
	for key, build := range stdlib.Lazy {
		exports[key] = build()
	}
	engine.WithMethodLookups(exports)
	return exports
}

// syncBuffer is a bytes.Buffer the program's goroutines may write to at
// once.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
