package lower

import (
	"bytes"
	"flag"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the lowered.go sections of testdata/*.txtar")

func lowerOne(src string, mode Mode) (*Program, error) {
	return Lower([]File{{Name: "main.go", Src: []byte(src)}}, mode)
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"unused variable", "package main\nfunc main() { x := 1 }", "main.go:2:15: declared and not used: x"},
		{"unused import", "package main\nimport \"os\"\nfunc main() {}", `"os" imported and not used`},
		{"not main", "package lib\nfunc main() {}", "package lib is not a main package"},
		{"no main", "package main\nfunc helper() {}", "function main is undeclared in the main package"},
		{"syntax", "package main\nfunc main() { if }", "syntax error"},
		{"refused package", "package main\nimport \"net/http\"\nfunc main() { http.Get(\"x\") }", "package net/http is not available in the workbook sandbox: the sandbox has no network"},
		{"withheld name", "package main\nimport \"os\"\nfunc main() { os.Executable() }", "os.Executable is not available in the workbook sandbox"},
		{"withheld name, qualified, told where it starts", "package main\nimport \"os\"\nfunc main() { os.Executable() }", "main.go:3:15: os.Executable"},
		{"dot import", "package main\nimport . \"os\"\nfunc main() { StartProcess(\"/bin/sh\", nil, nil) }", "main.go:3:15: os.StartProcess is not available in the workbook sandbox: start processes with workbook/proc"},
		{"dot import, a value", "package main\nimport . \"os\"\nvar start = StartProcess\nfunc main() { _ = start }", "os.StartProcess is not available"},
		{"withheld method", "package main\nimport \"text/template\"\nfunc main() { template.New(\"x\").ParseFiles(\"/etc/passwd\") }", "(text/template.Template).ParseFiles is not available in the workbook sandbox: read the file with os.ReadFile and call Parse"},
		{"withheld method value", "package main\nimport \"text/template\"\nfunc main() { f := template.New(\"x\").ParseGlob; f(\"/etc/*\") }", "(text/template.Template).ParseGlob is not available"},
		{"withheld method expression", "package main\nimport \"text/template\"\nfunc main() { f := (*template.Template).ParseFiles; f(template.New(\"x\"), \"/etc/passwd\") }", "(text/template.Template).ParseFiles is not available"},
		{"withheld method, promoted", "package main\nimport \"text/template\"\ntype T struct{ *template.Template }\nfunc main() { T{template.New(\"x\")}.ParseFiles(\"/etc/passwd\") }", "(text/template.Template).ParseFiles is not available"},
		{"withheld method, through an interface", "package main\nimport \"text/template\"\ntype parser interface{ ParseFiles(...string) (*template.Template, error) }\nfunc main() { var p parser = template.New(\"x\"); p.ParseFiles(\"/etc/passwd\") }", "an interface with a method ParseFiles is not available in the workbook sandbox"},
		{"withheld method, by reflection", "package main\nimport (\"reflect\"; \"text/template\")\nfunc main() { reflect.ValueOf(template.New(\"x\")).MethodByName(\"ParseFiles\") }", "(reflect.Value).MethodByName is not available"},
		{"a file-opening function of a pure package", "package main\nimport \"archive/zip\"\nfunc main() { zip.OpenReader(\"/etc/passwd\") }", "archive/zip.OpenReader is not available in the workbook sandbox: open the file with os.Open"},
		{"unsafe pointer", "package main\nimport \"reflect\"\nfunc main() { x := 0; _ = reflect.ValueOf(&x).UnsafePointer() }", "unsafe.Pointer is not available"},
		{"type error", "package main\nfunc main() { var s string = 1; _ = s }", "cannot use 1 (untyped int constant) as string value in variable declaration"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := lowerOne(tt.src, Run)
			if err == nil {
				t.Fatalf("Lower(%q) succeeded; want an error containing %q", tt.src, tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Lower(%q) = %q; want it to contain %q", tt.src, err, tt.want)
			}
		})
	}
}

func TestErrorsAreCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString("package main\nfunc main() {\n")
	for i := 0; i < 20; i++ {
		b.WriteString("\tundefinedName()\n")
	}
	b.WriteString("}\n")
	_, err := lowerOne(b.String(), Run)
	errs, ok := err.(Errors)
	if !ok {
		t.Fatalf("Lower = %v; want Errors", err)
	}
	if len(errs) != maxErrors+1 || errs[maxErrors].Msg != "too many errors" {
		t.Errorf("got %d errors, last %q; want %d and \"too many errors\"", len(errs), errs[len(errs)-1].Msg, maxErrors+1)
	}
}

// TestGolden lowers the input.go of each testdata/*.txtar and compares the
// result with its lowered.go; the lowered file must parse and keep every
// line on its line.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	if len(files) == 0 {
		t.Fatal("no testdata/*.txtar")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var input, want []byte
			for _, f := range ar.Files {
				switch f.Name {
				case "input.go":
					input = f.Data
				case "lowered.go":
					want = f.Data
				}
			}
			p, err := Lower([]File{{Name: "input.go", Src: input}}, Run)
			if err != nil {
				t.Fatal(err)
			}
			got := p.Files[0].Src
			if _, err := parser.ParseFile(token.NewFileSet(), "lowered.go", got, 0); err != nil {
				t.Errorf("lowered source does not parse: %v\n%s", err, got)
			}
			if a, b := bytes.Count(input, []byte("\n")), bytes.Count(got, []byte("\n")); a != b {
				t.Errorf("lowering changed the number of lines from %d to %d", a, b)
			}
			if *update {
				for i := range ar.Files {
					if ar.Files[i].Name == "lowered.go" {
						ar.Files[i].Data = got
					}
				}
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if !bytes.Equal(got, want) {
				t.Errorf("lowered source differs (go test -update to accept)\n got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// TestWorkarounds checks the rewrites of workaround.go that no program of
// runner/testdata or testdata/*.txtar shows: each case is named for the
// function that makes the rewrite, whose doc comment names the bug.
func TestWorkarounds(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // lines of the lowered source, trimmed
	}{
		{"rangeCount", "package main\nfunc main() {\n\tvar p *[3]int\n\tfor i := range p {\n\t\tprintln(i)\n\t}\n}\n",
			[]string{"for _, __wbi1 := p, 0; __wbi1 < 3; __wbi1++ { i := __wbi1;"}},
		{"selectAssign", "package main\ntype S struct{ a int }\nfunc main() {\n\tc := make(chan int, 1)\n\tvar s S\n\tselect {\n\tcase s.a = <-c:\n\tcase v := (<-c):\n\t\tprintln(v)\n\t}\n\tprintln(s.a)\n}\n",
			[]string{"case __wbsel1_0 := <-c: s.a = __wbsel1_0;", "case v := <-c:"}},
		{"interfaceSwitch", "package main\nfunc main() {\n\tvar b any = true\n\tswitch {\n\tcase b:\n\t\tprintln(b)\n\t}\n}\n",
			[]string{"case (b) == true:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := lowerOne(tt.src, Run)
			if err != nil {
				t.Fatal(err)
			}
			got := string(p.Files[0].Src)
			lines := map[string]bool{}
			for _, l := range strings.Split(got, "\n") {
				lines[strings.TrimSpace(l)] = true
			}
			for _, w := range tt.want {
				if !lines[w] {
					t.Errorf("Lower(%q) =\n%s\nwant a line %q", tt.src, got, w)
				}
			}
		})
	}
}

func TestPositionMapsBack(t *testing.T) {
	src := "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfor i := range 3 { fmt.Println(i) }\n}\n"
	p, err := lowerOne(src, Run)
	if err != nil {
		t.Fatal(err)
	}
	lowered := string(p.Files[0].Src)
	line6 := strings.Split(lowered, "\n")[5]
	col := strings.Index(line6, "fmt.Println") + 1
	if l, c := p.Position("main.go", 6, col); l != 6 || c != strings.Index(src[strings.Index(src, "\tfor"):], "fmt")+1 {
		t.Errorf("Position(6, %d) = %d:%d; want 6:%d", col, l, c, strings.Index("\tfor i := range 3 { fmt.Println(i) }", "fmt")+1)
	}
}

func TestAccesses(t *testing.T) {
	src := `package main

var counter int

type S struct{ hits int }

func main() {
	s := &S{}
	n := 0
	counter++
	s.hits = n
	println(counter, s.hits, n, T{}.hits, T{}.miss)
}

type T struct{ hits, miss int }
`
	p, err := lowerOne(src, Run)
	if err != nil {
		t.Fatal(err)
	}
	check := func(key string, reads, writes []int) {
		t.Helper()
		a := p.Accesses[key]
		if a == nil {
			t.Fatalf("no accesses for %s; have %v", key, p.Accesses)
		}
		lines := func(ls []Line) (out []int) {
			for _, l := range ls {
				out = append(out, l.Line)
			}
			return out
		}
		if got := lines(a.Reads); !equal(got, reads) {
			t.Errorf("%s reads at %v; want %v", key, got, reads)
		}
		if got := lines(a.Writes); !equal(got, writes) {
			t.Errorf("%s writes at %v; want %v", key, got, writes)
		}
	}
	check("var:counter", []int{10, 12}, []int{10})
	check("field:hits", []int{12}, []int{11}) // a line counts once
	check("field:S.hits", []int{12}, []int{11})
	check("field:T.hits", []int{12}, nil)
	check("local:main.main.n", []int{11, 12}, nil) // n := 0 declares: no race there
	for _, tt := range []struct {
		fields []string
		want   string
	}{
		{[]string{"hits"}, "S"},
		{[]string{"hits", "miss"}, "T"},
		{[]string{"miss", "hits"}, ""},
	} {
		if got := p.StructType(tt.fields); got != tt.want {
			t.Errorf("StructType(%q) = %q; want %q", tt.fields, got, tt.want)
		}
	}
}

func equal(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// FuzzLower checks that lowering never panics, and that what it produces
// parses and keeps the lines of the input.
func FuzzLower(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.txtar")
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			continue
		}
		for _, fl := range ar.Files {
			if fl.Name == "input.go" {
				f.Add(fl.Data)
			}
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		p, err := Lower([]File{{Name: "main.go", Src: src}}, Run)
		if err != nil {
			return
		}
		got := p.Files[0].Src
		if _, err := parser.ParseFile(token.NewFileSet(), "lowered.go", got, 0); err != nil {
			t.Errorf("lowered source does not parse: %v\n%s", err, got)
		}
		if a, b := bytes.Count(src, []byte("\n")), bytes.Count(got, []byte("\n")); a != b {
			t.Errorf("lowering changed the number of lines from %d to %d", a, b)
		}
	})
}
