// The program's own methods are seen by the compiled library: fmt calls
// String and Error, errors.Is and As walk errors of the program's types,
// json calls MarshalJSON, and sort calls Len, Less and Swap.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strconv"
)

type celsius float64

func (c celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type QueryError struct {
	Query string
	Err   error
}

func (e *QueryError) Error() string { return e.Query + ": " + e.Err.Error() }
func (e *QueryError) Unwrap() error { return e.Err }

type code int

func (c code) Error() string { return "code " + strconv.Itoa(int(c)) }

var ErrBusy = code(503)

type httpError struct {
	status int
	text   string
}

func (e httpError) Error() string { return fmt.Sprint(e.status, " ", e.text) }

var ErrGone = httpError{410, "gone"}

type shape interface{ area() int }

func (c celsius) area() int { return int(c) }

type point struct{ x, y int }

func (p point) MarshalJSON() ([]byte, error) {
	return []byte(fmt.Sprintf("[%d,%d]", p.x, p.y)), nil
}

type byLen []string

func (b byLen) Len() int           { return len(b) }
func (b byLen) Less(i, j int) bool { return len(b[i]) < len(b[j]) }
func (b byLen) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

func query(q string) error { return &QueryError{q, context.Canceled} }

func main() {
	fmt.Println(celsius(21.5))
	fmt.Printf("%v %s %q\n", celsius(1), celsius(2), celsius(3))
	var s fmt.Stringer = celsius(4)
	fmt.Println(s, s.String())

	err := fmt.Errorf("run: %w", query("select"))
	fmt.Println(err)
	fmt.Println(errors.Is(err, context.Canceled), errors.Unwrap(errors.Unwrap(err)) == context.Canceled)
	var qe *QueryError
	fmt.Println(errors.As(err, &qe), qe.Query)
	if q, ok := errors.Unwrap(err).(*QueryError); ok {
		fmt.Println("assert:", q.Query)
	}
	switch e := errors.Unwrap(err).(type) {
	case code:
		fmt.Println("code", e)
	case *QueryError:
		fmt.Println("switch:", e.Query)
	}

	busy := fmt.Errorf("wrapped: %w", ErrBusy)
	var c code
	fmt.Println(errors.Is(busy, ErrBusy), errors.Is(busy, code(404)), errors.As(busy, &c), c)

	var declared error = code(1)
	var assigned error
	assigned = &QueryError{"q", os.ErrNotExist}
	converted := error(ErrBusy)
	fmt.Println(declared, assigned, converted, errors.Is(assigned, fs.ErrNotExist))

	joined := errors.Join(declared, assigned)
	fmt.Println(errors.Is(joined, fs.ErrNotExist), errors.As(joined, &qe), qe.Query)

	errc := make(chan error, 2)
	errc <- ErrBusy
	errc <- nil
	fmt.Println(<-errc, <-errc)

	var gone error = ErrGone
	h, isHTTP := gone.(httpError)
	var target httpError
	fmt.Println(gone == ErrGone, gone != error(httpError{404, "x"}), h.status, isHTTP, errors.As(gone, &target), target.text)
	fmt.Printf("%v|%d|%s|%5.1f|%q\n", gone, code(7), celsius(7), celsius(7), celsius(7))
	var sh shape = celsius(8)
	fmt.Println(sh, sh.area())

	b, _ := json.Marshal(point{1, 2})
	fmt.Println(string(b))

	words := byLen{"ccc", "a", "bb"}
	sort.Sort(words)
	fmt.Println(words)
}
