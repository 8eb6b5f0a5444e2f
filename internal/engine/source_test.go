package engine

import (
	"testing"

	"workbook/internal/lower"
	"workbook/internal/wire"
)

// TestPlace: a position in a hidden file is told without its name or line.
func TestPlace(t *testing.T) {
	c := &child{req: wire.Request{Files: []wire.File{{Name: "main.go"}, {Name: "check_test.go", Hidden: true}}}}
	tests := []struct {
		file     string
		line     int
		wantFile string
		wantLine int
	}{
		{"main.go", 12, "main.go", 12},
		{"check_test.go", 7, wire.HiddenFile, 0},
		{"other.go", 3, "other.go", 3},
	}
	for _, tt := range tests {
		if f, l := c.place(tt.file, tt.line); f != tt.wantFile || l != tt.wantLine {
			t.Errorf("place(%q, %d) = %q, %d; want %q, %d", tt.file, tt.line, f, l, tt.wantFile, tt.wantLine)
		}
	}
}

func TestFuncName(t *testing.T) {
	tests := []struct {
		pkg, name, want string
	}{
		{"", "./prog.worker", "main.worker"}, // no program: main
		{"main", "./prog.worker", "main.worker"},
		{"main", "prog.(*Counter).Inc", "main.(*Counter).Inc"},
		{"bank", "./prog.TestDeposit.func1", "bank.TestDeposit.func1"},
		{"main", "fmt.Println", "fmt.Println"},
		{"main", "program.worker", "program.worker"},
	}
	for _, tt := range tests {
		c := &child{}
		if tt.pkg != "" {
			c.prog = &lower.Program{Package: tt.pkg}
		}
		if got := c.funcName(tt.name); got != tt.want {
			t.Errorf("funcName(%q) in package %q = %q; want %q", tt.name, tt.pkg, got, tt.want)
		}
	}
}
