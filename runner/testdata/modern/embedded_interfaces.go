// A struct embedding an interface (the program's or io.Writer) has its
// methods, called directly, through an interface, and by compiled code.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
)

type lockedWriter struct {
	io.Writer
	mu sync.Mutex
}

func (w *lockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.Writer.Write(p)
}

type countingReader struct {
	io.Reader
	n int
}

func (r *countingReader) Read(p []byte) (int, error) {
	n, err := r.Reader.Read(p)
	r.n += n
	return n, err
}

type Logger interface{ Log(string) }

type Service struct {
	Logger
	name string
}

type stdoutLogger struct{ prefix string }

func (l stdoutLogger) Log(s string) { fmt.Println(l.prefix + s) }

type upper struct{ w io.Writer }

func (u upper) Write(p []byte) (int, error) { return u.w.Write([]byte(strings.ToUpper(string(p)))) }

type prefixed struct {
	io.Writer
	prefix string
}

func main() {
	lw := &lockedWriter{Writer: os.Stdout}
	var wg sync.WaitGroup
	for i := range 3 {
		wg.Go(func() { fmt.Fprintf(lw, "line %d\n", i%1) })
	}
	wg.Wait()
	cr := &countingReader{Reader: strings.NewReader("hello world")}
	b, _ := io.ReadAll(cr)
	fmt.Println(string(b), cr.n)
	p := prefixed{Writer: upper{os.Stdout}, prefix: "> "}
	fmt.Fprintln(p, p.prefix+"shout")
	p.Write([]byte("direct\n"))

	svc := Service{Logger: stdoutLogger{"> "}, name: "svc"}
	svc.Log("started " + svc.name)
	var lg Logger = svc
	lg.Log("via interface")
}
