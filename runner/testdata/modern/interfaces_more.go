// Interfaces: embedded in interfaces, method values, typed nil pointers in
// an interface (not nil, methods called with a nil receiver), a
// sort.Interface printed, an io.Writer of the program given to Fprintf.
package main

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
)

type Reader interface{ Read() string }
type Writer interface{ Write(string) }
type RW interface {
	Reader
	Writer
}

type buf struct{ data []string }

func (b *buf) Read() string {
	if len(b.data) == 0 {
		return ""
	}
	s := b.data[0]
	b.data = b.data[1:]
	return s
}
func (b *buf) Write(s string) { b.data = append(b.data, s) }

type myErr struct{}

func (*myErr) Error() string { return "my" }

func mayFail(fail bool) error {
	var e *myErr
	if fail {
		e = &myErr{}
	}
	return e // a non-nil interface holding a nil pointer when !fail
}

type byName []string

func (b byName) Len() int           { return len(b) }
func (b byName) Less(i, j int) bool { return b[i] < b[j] }
func (b byName) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

type T struct{ name string }

func (t *T) String() string { return "T:" + t.name }

type Safe struct{}

func (s *Safe) String() string {
	if s == nil {
		return "nil Safe"
	}
	return "Safe"
}

func find(ok bool) error {
	var e *myErr
	if !ok {
		e = &myErr{}
	}
	return e
}

type shout struct{ w io.Writer }

func (s shout) Write(p []byte) (int, error) { return s.w.Write([]byte(strings.ToUpper(string(p)))) }

func nilReceivers() {
	var t *T
	fmt.Println(t)
	var s *Safe
	fmt.Println(s)
	var st fmt.Stringer = s
	fmt.Println(st != nil, st)
	err := find(true)
	fmt.Println(err == nil, err != nil)
	var me *myErr
	fmt.Println(errors.As(find(false), &me), me != nil)
}

func main() {
	nilReceivers()
	var out io.Writer
	var sb strings.Builder
	out = shout{&sb}
	fmt.Fprintf(out, "hello %d", 1)
	fmt.Println(sb.String())

	var rw RW = &buf{}
	var w Writer = rw
	w.Write("a")
	w.Write("b")
	var r Reader = rw
	read := r.Read
	fmt.Println(read(), rw.Read(), rw.Read() == "")
	_, isRW := w.(RW)
	fmt.Println(isRW)
	fmt.Println(mayFail(true) != nil, mayFail(false) != nil, mayFail(false) == nil)
	var s sort.Interface = byName{"c", "a", "b"}
	sort.Sort(s)
	fmt.Println(s, sort.IsSorted(s))
	var rd io.Reader = strings.NewReader("xyz")
	b := make([]byte, 2)
	n, _ := rd.Read(b)
	fmt.Println(n, string(b))
	var x, y any = 1, 1
	fmt.Println(x == y, x != nil)
	var rw2 RW = &buf{}
	fmt.Println(rw == rw2, rw == rw)
	m := map[Reader]int{rw: 1}
	fmt.Println(m[rw], len(m))
}
