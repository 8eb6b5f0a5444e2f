// A new process calls its target before the program is initialized, as
// the compiled program's does: a package-level variable holds only what
// the compiler lays out in the binary (constants, literals of them,
// functions, addresses of variables); what code computes is zero, a map
// is nil, and no init function has run. The child's lines were recorded
// from go run of this file.
//
// want reason=exit code=0
// want stdout contains "parent: map[a:1] 42 42 X"
// want stdout contains "child constants: 100 \"shop\" 2s 3 [104 105] 5"
// want stdout contains "child literals: [1 2 3] [4 5] {1 2} &{3 4} [{1 2}] true true true"
// want stdout contains "child computed: map[] true 0 \"\" false <nil> <nil> \"\""
// want stdout contains "child copies: 0 0"
// want stdout contains "child in part: {1 0} [1 0 3] {N:3 Prices:map[]} true"
// want stdout contains "child through functions: \"k\" 0"
// want stdout contains "child interfaces: empty *os.File false true"
// want stdout contains "child init: 0"
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"workbook/proc"
)

type point struct{ X, Y int }

type stock struct {
	N      int
	Prices map[string]int
}

func three() int         { return 3 }
func twice(n int) int    { return 2 * n }
func label() string      { return "k" }
func getCounter() int    { return counter }
func (p point) Sum() int { return p.X + p.Y }

var (
	counter     = 100
	name        = "shop"
	dur         = 2 * time.Second
	call        = three()      // inlined into the constant 3
	bs          = []byte("hi") // a constant string converted
	anyv    any = 5            // a constant in an interface

	sl     = []int{1, 2, 3}
	arr    = [2]int{4, 5}
	pt     = point{1, 2}
	ppt    = &point{3, 4}
	nested = []point{{1, 2}}
	fn     = three
	lit    = func() int { return 7 }
	ptrc   = &counter

	m       = map[string]int{"a": 1} // maps are made by code
	call2   = twice(21)              // a call with an argument
	upper   = strings.ToUpper("x")
	started = time.Now().IsZero()
	ch      = make(chan int)
	errv    = fmt.Errorf("x")
	str2    = name + "!"

	// A copy of another variable, after a call like strings.ToUpper
	// above: not laid out.
	copyc = counter
	sum   = pt.Sum()

	partial  = point{1, twice(2)}
	partial2 = []int{1, twice(2), 3}
	st       = stock{N: 3, Prices: map[string]int{"tea": 2}}

	viaConst = label()      // returns a constant: laid out
	viaVar   = getCounter() // returns a variable: computed

	errEmpty           = errors.New("empty") // the compiler inlines errors.New
	out      io.Writer = os.Stdout           // an interface holding a nil *os.File
)

var inited int

func init() { inited = 42 }

func show() {
	fmt.Printf("child constants: %v %q %v %v %v %v\n", counter, name, dur, call, bs, anyv)
	fmt.Println("child literals:", sl, arr, pt, ppt, nested, fn != nil, lit != nil, ptrc == &counter)
	fmt.Printf("child computed: %v %v %v %q %v %v %v %q\n", m, m == nil, call2, upper, started, ch, errv, str2)
	fmt.Println("child copies:", copyc, sum)
	fmt.Printf("child in part: %v %v %+v %v\n", partial, partial2, st, st.Prices == nil)
	fmt.Printf("child through functions: %q %v\n", viaConst, viaVar)
	f, _ := out.(*os.File)
	fmt.Printf("child interfaces: %v %T %v %v\n", errEmpty, out, out == nil, f == nil)
	fmt.Println("child init:", inited)
}

func main() {
	fmt.Println("parent:", m, call2, inited, upper)
	p := proc.New(show)
	if err := p.Start(); err != nil {
		panic(err)
	}
	p.Join()
}
