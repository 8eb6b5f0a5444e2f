package allow

import (
	"sort"
	"strings"
	"testing"
)

func TestPackagesAreSorted(t *testing.T) {
	if !sort.SliceIsSorted(Packages, func(i, j int) bool { return Packages[i].Path < Packages[j].Path }) {
		t.Error("Packages is not sorted by path: Lookup needs it to be")
	}
}

func TestLookup(t *testing.T) {
	for _, p := range Packages {
		got, ok := Lookup(p.Path)
		if !ok || got.Path != p.Path {
			t.Errorf("Lookup(%q) = %v, %v", p.Path, got, ok)
		}
	}
	for _, path := range []string{"net", "os/exec", "unsafe", "syscall", "example.com/x"} {
		if _, ok := Lookup(path); ok {
			t.Errorf("Lookup(%q) found a package that must be refused", path)
		}
	}
}

func TestEngineNamesAreAllowed(t *testing.T) {
	for _, p := range Packages {
		for _, name := range p.Engine {
			if ok, _ := p.Allows(name); !ok {
				t.Errorf("%s.%s is replaced by the engine but not allowed", p.Path, name)
			}
		}
	}
}

func TestRefusals(t *testing.T) {
	tests := []struct{ path, want string }{
		{"os/exec", "workbook/proc"},
		{"net/http", "no network"},
		{"unsafe", "arbitrary memory"},
		{"example.com/lib", "not on the workbook's list"},
	}
	for _, tt := range tests {
		if got := Refusal(tt.path); !strings.Contains(got, tt.want) || !strings.HasPrefix(got, "package "+tt.path+" is not available") {
			t.Errorf("Refusal(%q) = %q; want it to mention %q", tt.path, got, tt.want)
		}
	}
}

func TestWithholding(t *testing.T) {
	os, _ := Lookup("os")
	if ok, _ := os.Allows("Getenv"); !ok {
		t.Error("os.Getenv withheld")
	}
	for _, name := range []string{"StartProcess", "NewFile", "Chown"} {
		if ok, _ := os.Allows(name); ok {
			t.Errorf("os.%s allowed", name)
		}
	}
	if got := os.Withholding("StartProcess"); !strings.Contains(got, "proc.Start") {
		t.Errorf("Withholding(StartProcess) = %q", got)
	}
}
