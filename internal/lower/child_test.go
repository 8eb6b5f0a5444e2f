package lower

import (
	"bytes"
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

// childPrelude declares what the cases of TestChild use. Its imports are
// used by function values, which a child keeps: the prelude comes out of
// forChild as it went in.
const childPrelude = `package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

var _, _, _, _, _, _ = errors.Is, fmt.Sprint, io.Copy, os.Getpid, strings.ToUpper, time.Now

type point struct{ X, Y int }

type stock struct {
	N      int
	Prices map[string]int
}

func three() int      { return 3 }
func twice(n int) int { return 2 * n }
func label() string   { return "k" }
func count() int      { return counter }

var counter = 100

var pt = point{1, 2}

var arr = [2]int{4, 5}

func main() {}

`

// childSource returns what forChild makes of src, or fails.
func childSource(t *testing.T, src string) string {
	t.Helper()
	shared.mu.Lock()
	defer shared.mu.Unlock()
	shared.init()
	files := []File{{Name: "main.go", Src: []byte(src)}}
	asts, errs := parseFiles(files)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	pkg, info, errs := check("main", asts)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	out, _, _, _, err := forChild(files, asts, pkg, info)
	if err != nil {
		t.Fatal(err)
	}
	return string(out[0].Src)
}

// TestChild checks what a process started by workbook/proc sees of each
// package-level variable: the declaration as forChild rewrites it, where
// what the compiler does not lay out is zero, and moves into a func _.
// The values were checked against go run of the compiled program (see
// runner/testdata/proc/package_variables.go).
func TestChild(t *testing.T) {
	tests := []struct {
		name, decl, want string // want "" means decl unchanged
	}{
		// Laid out: kept as written.
		{"constant", "var n = 100", ""},
		{"constant expression", "var d = 2 * time.Second", ""},
		{"string", `var s = "shop"`, ""},
		{"typed constant", "var c = int64(7)", ""},
		{"nil", "var e error = nil", ""},
		{"constant in an interface", "var v any = 5", ""},
		{"slice literal", "var s = []int{1, 2, 3}", ""},
		{"array literal", "var a = [2]int{4, 5}", ""},
		{"struct literal", "var p = point{1, 2}", ""},
		{"pointer to a struct literal", "var p = &point{3, 4}", ""},
		{"nested literals", "var ps = []point{{1, 2}}", ""},
		{"empty slice", "var s = []int{}", ""},
		{"function", "var f = strings.ToUpper", ""},
		{"function of the program", "var f = three", ""},
		{"method expression", "var f = time.Duration.String", ""},
		{"function literal", "var f = func() int { return 7 }", ""},
		{"address of a variable", "var p = &counter", ""},
		{"address of a field", "var p = &pt.X", ""},
		{"address of an array element", "var p = &arr[1]", ""},
		{"bytes of a constant", `var b = []byte("hi")`, ""},
		{"runes of a constant", `var r = []rune("hé")`, ""},
		{"conversion of nil", "var w io.Writer = (*os.File)(nil)", ""},
		{"conversion that changes the type only", "type ints []int\n\nvar s = ints([]int{1})", ""},
		{"struct literal in an interface", "var v any = point{1, 2}", ""},
		{"function returning a constant", "var c = three()", ""},
		{"function returning a constant, in a literal", "var s = []int{three()}", ""},
		{"errors.New of a constant", `var errEmpty = errors.New("empty")`, ""},

		// Computed: zero.
		{"map", `var m = map[string]int{"a": 1}`,
			`func _() { _ = map[string]int{"a": 1} }; var m map[string]int`},
		{"empty map", `var m = map[string]int{}`,
			`func _() { _ = map[string]int{} }; var m map[string]int`},
		{"call with an argument", "var c = twice(21)",
			"func _() { _ = twice(21) }; var c int"},
		{"call of the library", `var u = strings.ToUpper("x")`,
			`func _() { _ = strings.ToUpper("x") }; var u string`},
		{"method call", "var b = time.Now().IsZero()",
			"func _() { _ = time.Now().IsZero() }; var b bool"},
		{"channel", "var ch = make(chan int)",
			"func _() { _ = make(chan int) }; var ch chan int"},
		{"new", "var p = new(int)",
			"func _() { _ = new(int) }; var p *int"},
		{"copy of a variable", "var c = counter",
			"func _() { _ = counter }; var c int"},
		{"operation on a variable", "var c = -counter",
			"func _() { _ = -counter }; var c int"},
		{"constant call in an operation", "var c = three() + 1",
			"func _() { _ = three() + 1 }; var c int"},
		{"function returning a variable", "var c = count()",
			"func _() { _ = count() }; var c int"},
		{"fmt.Errorf", `var e = fmt.Errorf("x")`,
			`func _() { _ = fmt.Errorf("x") }; var e error`},
		{"slice of an array", "var s = arr[:]",
			"func _() { _ = arr[:] }; var s []int"},
		{"method value", "var f = pt.String",
			"func _() { _ = pt.String }; var f func() string"},
		{"explicit type", `var e error = fmt.Errorf("x")`,
			`func _() { _ = fmt.Errorf("x") }; var e error`},
		{"blank", "var _ = twice(3)",
			"func _() { _ = twice(3) }; var _ int"},
		{"two values", "var a, b = twice(1), twice(2)",
			"func _() { _ = twice(1); _ = twice(2) }; var a, b int"},
		{"one laid out, one not", "var a, b = 1, twice(2)",
			"func _() { _ = twice(2) }; var a, b = 1, 0"},
		{"results of one call", `var n, err = fmt.Println("x")`,
			`func _() { _, _ = fmt.Println("x") }; var n int; var err error`},
		{"grouped", "var (\n\tx = 1\n\ty = twice(1)\n\tz, err = fmt.Println()\n)",
			"func _() { _ = twice(1); _, _ = fmt.Println() }; var (\n\tx = 1\n\ty int\n\tz int; err error\n)"},

		// In part: what is computed is zero, the rest kept.
		{"struct without keys", "var p = point{1, twice(2)}",
			"func _() { _ = twice(2) }; var p = point{X: 1, }"},
		{"struct with keys", "var p = point{Y: twice(2), X: 1}",
			"func _() { _ = twice(2) }; var p = point{X: 1}"},
		{"struct with a map field", `var st = stock{N: 3, Prices: map[string]int{"tea": 2}}`,
			`func _() { _ = map[string]int{"tea": 2} }; var st = stock{N: 3, }`},
		{"pointer to a struct", "var p = &point{X: 5, Y: twice(1)}",
			"func _() { _ = twice(1) }; var p = &point{X: 5, }"},
		{"slice", "var s = []int{1, twice(2), 3}",
			"func _() { _ = twice(2) }; var s = []int{1, 0, 3}"},
		{"struct elements", "var ps = [2]point{{1, 2}, pt}",
			"func _() { _ = pt }; var ps = [2]point{{1, 2}, {}}"},
		{"pointer elements", "var ps = []*point{{1, twice(3)}, nil}",
			"func _() { _ = twice(3) }; var ps = []*point{{X: 1, }, nil}"},
		{"map elements", `var ms = []map[string]int{{"a": 1}}`,
			`func _() { _ = map[string]int{"a": 1} }; var ms = []map[string]int{nil}`},
		{"pointer to a map", `var pm = &map[string]int{"a": 1}`,
			`func _() { _ = &map[string]int{"a": 1} }; var pm = new(map[string]int)`},

		// A computed value in an interface: the interface holds its type.
		{"pointer in an interface", "var w io.Writer = os.Stdout",
			"func _() { _ = os.Stdout }; var w io.Writer = (*os.File)(nil)"},
		{"number in an interface", "var s fmt.Stringer = time.Duration(counter)",
			"func _() { _ = time.Duration(counter) }; var s fmt.Stringer = time.Duration(0)"},
		{"int in an interface", "var v any = twice(5) + 1",
			"func _() { _ = twice(5) + 1 }; var v any = 0"},
		{"elements of interfaces", "var vs = []any{1, twice(1)}",
			"func _() { _ = twice(1) }; var vs = []any{1, 0}"},
		{"interface copied", `var e error = errors.New("x"); var e2 any = e`,
			`var e error = errors.New("x"); func _() { _ = e }; var e2 any`},

		// Lines stay where they were.
		{"values on several lines", "var s = []int{\n\t1,\n\ttwice(\n\t\t2),\n}",
			"func _() { _ = twice ( 2 ) }; var s = []int{\n\t1,\n\t(\n0),\n}"},
		{"a raw string on several lines", "var s = strings.Repeat(`a\nb`, 2)",
			`func _() { _ = strings . Repeat ( "a\nb" , 2 ) }; var s string` + "\n"},

		// No init function runs.
		{"init", "func init() { counter = 42 }", "func _() { counter = 42 }"},
		{"a method named init", "func (p point) init() {}", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := childPrelude + tt.decl + "\n"
			if strings.Contains(tt.decl, "pt.String") {
				src += "func (p point) String() string { return \"\" }\n"
			}
			got := childSource(t, src)
			rest, ok := strings.CutPrefix(got, childPrelude)
			if !ok {
				t.Fatalf("the prelude changed:\n%s", got)
			}
			want := tt.want
			if want == "" {
				want = tt.decl
			}
			rest = strings.TrimSuffix(rest, "\n")
			rest, _ = strings.CutSuffix(rest, "\nfunc (p point) String() string { return \"\" }")
			if rest != want {
				t.Errorf("for a child,\n%s\nbecomes\n%s\nwant\n%s", tt.decl, rest, want)
			}
			// The program, lowered whole, still parses and keeps its
			// lines.
			p, err := Lower([]File{{Name: "main.go", Src: []byte(src)}}, Run|Child)
			if err != nil {
				t.Fatal(err)
			}
			lowered := p.Files[0].Src
			if _, err := parser.ParseFile(token.NewFileSet(), "lowered.go", lowered, 0); err != nil {
				t.Errorf("lowered source does not parse: %v\n%s", err, lowered)
			}
			if a, b := strings.Count(src, "\n"), bytes.Count(lowered, []byte("\n")); a != b {
				t.Errorf("lowering changed the number of lines from %d to %d", a, b)
			}
		})
	}
}

// TestChildImports checks that a type the file does not import the
// package of is named through an import the rewrite adds.
func TestChildImports(t *testing.T) {
	src := "package main\n\nimport \"crypto/sha256\"\n\nvar h = sha256.New()\n\nfunc main() {}\n"
	got := childSource(t, src)
	want := "package main; import (__wbi_hash \"hash\")\n\nimport \"crypto/sha256\"\n\nfunc _() { _ = sha256.New() }; var h __wbi_hash.Hash\n\nfunc main() {}\n"
	if got != want {
		t.Errorf("for a child,\n%s\nbecomes\n%s\nwant\n%s", src, got, want)
	}
}

// TestChildModes checks that Child goes with Test as with Run, that a
// program without package-level variables or init functions is left as it
// is, and that positions still map to the learner's lines.
func TestChildModes(t *testing.T) {
	main := "package shop\n\nvar stock = map[string]int{\"tea\": 3}\n\nfunc Count() int { return len(stock) }\n"
	test := "package shop\n\nimport \"testing\"\n\nvar want = Count()\n\nfunc init() { want = 1 }\n\nfunc TestCount(t *testing.T) {\n\tif Count() != want {\n\t\tt.Fail()\n\t}\n}\n"
	p, err := Lower([]File{{Name: "shop.go", Src: []byte(main)}, {Name: "shop_test.go", Src: []byte(test)}}, Test|Child)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []struct{ file, line string }{
		{"shop.go", "var stock map[string]int"},
		{"shop_test.go", "var want int"},
		{"shop_test.go", "func _() { want = 1 }"},
	} {
		var src string
		for _, f := range p.Files {
			if f.Name == w.file {
				src = string(f.Src)
			}
		}
		if !strings.Contains(src, w.line) {
			t.Errorf("Lower(Test|Child) made %s\n%s\nwant it to contain %q", w.file, src, w.line)
		}
	}
	if len(p.Tests) != 1 || p.Tests[0] != "TestCount" {
		t.Errorf("Tests = %q; want [TestCount]", p.Tests)
	}
	// "return len(stock)" is on line 5 of shop.go, as the learner wrote it.
	f := string(p.Files[0].Src)
	line5 := strings.Split(f, "\n")[4]
	col := strings.Index(line5, "len") + 1
	if l, c := p.Position("shop.go", 5, col); l != 5 || c != strings.Index("func Count() int { return len(stock) }", "len")+1 {
		t.Errorf("Position(5, %d) = %d:%d; want 5:%d", col, l, c, strings.Index("func Count() int { return len(stock) }", "len")+1)
	}

	plain := "package main\n\nfunc main() { println(1) }\n"
	q, err := Lower([]File{{Name: "main.go", Src: []byte(plain)}}, Run|Child)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(q.Files[0].Src); got != plain {
		t.Errorf("Lower(Run|Child) of a program with nothing to reduce = %q; want it unchanged", got)
	}
}
