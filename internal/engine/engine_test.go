package engine

import (
	"errors"
	"fmt"
	"testing"

	"workbook/internal/allow"
	"workbook/internal/wire"
)

func testChild(t *testing.T) *child {
	dir := t.TempDir()
	c := &child{limits: withDefaults(wire.Limits{})}
	var err error
	if c.files, err = confine(dir); err != nil {
		t.Fatal(err)
	}
	c.env = newEnviron(dir)
	c.monitor = newMonitor(c)
	return c
}

// TestReplacements holds the engine's replacements and the allowlist's
// Engine lists equal: a name the allowlist says the engine confines must
// not reach the program as the compiled function.
func TestReplacements(t *testing.T) {
	c := testChild(t)
	have := map[string]bool{}
	for _, n := range c.engineNames() {
		have[n] = true
	}
	for _, p := range allow.Packages {
		for _, name := range p.Engine {
			if !have[p.Path+"."+name] {
				t.Errorf("%s.%s: the allowlist says the engine replaces it, and it does not", p.Path, name)
			}
		}
	}
}

type stringer struct{}

func (stringer) String() string { return "from String" }

type myInt int
type myString string

func TestPanicValue(t *testing.T) {
	tests := []struct {
		v    any
		want string
	}{
		{"boom", "boom"},
		{42, "42"},
		{1.5, "1.5"},
		{errors.New("bad"), "bad"},
		{fmt.Errorf("wrapped %d", 1), "wrapped 1"},
		{stringer{}, "from String"},
		{myInt(3), "engine.myInt(3)"},
		{myString("x"), `engine.myString("x")`},
		{nil, "panic called with nil argument"},
	}
	for _, tt := range tests {
		if got := panicValue(tt.v); got != tt.want {
			t.Errorf("panicValue(%#v) = %q; want %q", tt.v, got, tt.want)
		}
	}
}

func TestProgramGoroutines(t *testing.T) {
	dump := []byte(`goroutine 1 [chan receive]:
main.main()
	/x/main.go:3 +0x1

goroutine 7 [sync.Mutex.Lock, 2 minutes]:
github.com/traefik/yaegi/interp.runCfg(...)

goroutine 8 [select (no cases)]:
github.com/traefik/yaegi/interp.call.func9()

goroutine 9 [sleep]:
github.com/traefik/yaegi/interp.callBin()
`)
	gs := programGoroutines(dump)
	want := []dumped{{7, "sync.Mutex.Lock"}, {8, "select (no cases)"}, {9, "sleep"}}
	if fmt.Sprint(gs) != fmt.Sprint(want) {
		t.Errorf("programGoroutines = %v; want %v", gs, want)
	}
	if allBlocked(gs) {
		t.Error("allBlocked with a sleeping goroutine")
	}
	if !allBlocked(gs[:2]) {
		t.Error("not allBlocked with a goroutine waiting on a lock and one in select {}")
	}
}

func TestRegionsFind(t *testing.T) {
	rs := regions{list: []region{
		{addr: 100, size: 16, name: "s"},
		{addr: 100, size: 8, name: "s.a"},
		{addr: 108, size: 8, name: "s.b"},
		{addr: 200, size: 8, name: "p"},
		{addr: 200, size: 8, name: "p.only"}, // a struct of one field
	}}
	for addr, want := range map[uintptr]string{100: "s.a", 104: "s.a", 108: "s.b", 115: "s.b", 200: "p.only"} {
		if r := rs.find(addr); r == nil || r.name != want {
			t.Errorf("find(%d) = %v; want %s", addr, r, want)
		}
	}
	if r := rs.find(116); r != nil {
		t.Errorf("find(116) = %v; want none", r)
	}
}

func TestConfinedPaths(t *testing.T) {
	c := testChild(t)
	if err := c.files.WriteFile("a.txt", []byte("hi"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/etc/passwd", "../x", "/proc/self/fd/1"} {
		if _, err := c.files.ReadFile(p); err == nil {
			t.Errorf("ReadFile(%q) succeeded", p)
		}
	}
	if err := c.files.Mkdir("d", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := c.files.Chdir("d"); err != nil {
		t.Fatal(err)
	}
	if err := c.files.WriteFile("b.txt", []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := c.files.Stat("../d/b.txt"); err != nil {
		t.Errorf("Stat(../d/b.txt) after Chdir(d): %v", err)
	}
	wd, _ := c.files.Getwd()
	if got, _ := c.files.Abs("b.txt"); got != wd+"/b.txt" {
		t.Errorf("Abs(b.txt) = %q; want %q", got, wd+"/b.txt")
	}
}

func TestEnvironment(t *testing.T) {
	t.Setenv("WORKBOOK_HOST_SECRET", "s3cr3t")
	e := newEnviron("/work")
	if e.Getenv("WORKBOOK_HOST_SECRET") != "" {
		t.Error("the host's environment leaks")
	}
	e.Setenv("A", "1")
	if v, ok := e.LookupEnv("A"); !ok || v != "1" {
		t.Errorf("LookupEnv(A) = %q, %v", v, ok)
	}
	if got := e.ExpandEnv("$HOME/$A"); got != "/work/1" {
		t.Errorf("ExpandEnv = %q", got)
	}
	e.Clearenv()
	if len(e.Environ()) != 0 {
		t.Errorf("Environ after Clearenv = %v", e.Environ())
	}
}
