package lower

import (
	"strings"
	"testing"
)

const counterPkg = `package counter

import "sync"

type Counter struct {
	mu sync.Mutex
	n  int
}

func (c *Counter) Inc() { c.mu.Lock(); c.n++; c.mu.Unlock() }

func (c *Counter) Value() int { c.mu.Lock(); defer c.mu.Unlock(); return c.n }

func helper() int { return 1 }
`

// TestExternalTests merges an external test package into the package it
// tests: the lowered test file is package counter, without the import, with
// names unqualified, and with the names P would see twice renamed.
func TestExternalTests(t *testing.T) {
	tests := []struct {
		name, xtest, want string
	}{
		{
			"qualified names",
			`package counter_test

import (
	"counter"
	"testing"
)

func TestInc(t *testing.T) {
	var c counter.Counter
	c.Inc()
	if c.Value() != 1 {
		t.Fatal("want 1")
	}
}
`,
			`package counter

import (
	
	"testing"
)

func TestInc(t *testing.T) {
	var c Counter
	c.Inc()
	if c.Value() != 1 {
		t.Fatal("want 1")
	}
}
`,
		},
		{
			"single import, alias, collisions",
			`package counter_test

import c "counter"
import "testing"

func helper() *c.Counter { return new(c.Counter) }

var sync = 3

func TestHelper(t *testing.T) {
	Counter := helper()
	x := c.Counter{}
	Counter.Inc()
	_, _ = x, sync
}
`,
			`package counter


import "testing"

func helper_xtest() *Counter { return new(Counter) }

var sync_xtest = 3

func TestHelper(t *testing.T) {
	Counter_xtest := helper_xtest()
	x := Counter{}
	Counter_xtest.Inc()
	_, _ = x, sync_xtest
}
`,
		},
		{
			"an import the package declares too",
			`package counter_test

import (
	"counter"
	"strings"
	"testing"
)

func TestStrings(t *testing.T) {
	var strings = strings.Repeat("a", 2)
	_ = strings
	_ = counter.Counter{}
}
`,
			`package counter

import (
	
	"strings"
	"testing"
)

func TestStrings(t *testing.T) {
	var strings = strings.Repeat("a", 2)
	_ = strings
	_ = Counter{}
}
`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			prog, err := Lower([]File{
				{Name: "counter.go", Src: []byte(counterPkg)},
				{Name: "counter_test.go", Src: []byte(tt.xtest)},
			}, Test)
			if err != nil {
				t.Fatalf("Lower: %v", err)
			}
			if prog.Package != "counter" {
				t.Errorf("Package = %q; want counter", prog.Package)
			}
			got := string(prog.Files[1].Src)
			if got != tt.want {
				t.Errorf("merged test file:\n%s\nwant:\n%s", got, tt.want)
			}
			if len(prog.Tests) != 1 || !strings.HasPrefix(prog.Tests[0], "Test") {
				t.Errorf("Tests = %q; want the one test", prog.Tests)
			}
			// Every line stays on its line, and positions map back.
			if strings.Count(got, "\n") != strings.Count(tt.xtest, "\n") {
				t.Errorf("merged file has %d lines; want %d", strings.Count(got, "\n"), strings.Count(tt.xtest, "\n"))
			}
		})
	}
}

// TestExternalTestErrors: an external test sees only what its package
// exports, and is told so as go test tells it.
func TestExternalTestErrors(t *testing.T) {
	tests := []struct {
		name, xtest, want string
	}{
		{"unexported", "package counter_test\nimport \"counter\"\nvar _ = counter.helper\n", "counter_test.go:3:17: name helper not exported by package counter"},
		{"unexported field", "package counter_test\nimport \"counter\"\nvar _ = counter.Counter{}.n\n", "counter_test.go:3:27: counter.Counter{}.n undefined"},
		{"undefined", "package counter_test\nimport \"counter\"\nvar _ = counter.Reset\n", "counter_test.go:3:17: undefined: counter.Reset"},
		{"refused", "package counter_test\nimport \"os/exec\"\nvar _ = exec.Command\n", "package os/exec is not available in the workbook sandbox"},
		{"test twice", "package counter_test\nimport \"testing\"\nfunc TestX(t *testing.T) {}\n", "TestX is declared in both package counter and its external test package counter_test"},
		{"wrong package", "package other_test\n", "found packages counter and other_test"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := []File{
				{Name: "counter.go", Src: []byte(counterPkg)},
				{Name: "counter_test.go", Src: []byte(tt.xtest)},
			}
			if tt.name == "test twice" {
				files = append(files, File{Name: "internal_test.go", Src: []byte("package counter\nimport \"testing\"\nfunc TestX(t *testing.T) {}\n")})
			}
			_, err := Lower(files, Test)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Lower = %v; want an error containing %q", err, tt.want)
			}
		})
	}
	// Not in Run mode, and not from a file that is not a test.
	_, err := Lower([]File{{Name: "main.go", Src: []byte("package main\nfunc main() {}\n")}, {Name: "x_test.go", Src: []byte("package main_test\n")}}, Run)
	if err == nil || !strings.Contains(err.Error(), "found packages main and main_test") {
		t.Errorf("Lower in Run mode = %v; want found packages", err)
	}
}

// TestExternalPositions: positions in a merged file map back to the
// learner's columns.
func TestExternalPositions(t *testing.T) {
	xtest := "package counter_test\n\nimport \"counter\"\n\nvar v = counter.Counter{}\n"
	prog, err := Lower([]File{{Name: "counter.go", Src: []byte(counterPkg)}, {Name: "counter_test.go", Src: []byte(xtest)}}, Test)
	if err != nil {
		t.Fatal(err)
	}
	// "var v = Counter{}": Counter is at column 9 of line 5 in the merged
	// file, column 17 in the learner's.
	if line, col := prog.Position("counter_test.go", 5, 9); line != 5 || col != 17 {
		t.Errorf("Position(5, 9) = %d, %d; want 5, 17", line, col)
	}
}
