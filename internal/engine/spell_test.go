package engine

import (
	"runtime"
	"strings"
	"testing"
)

// TestSpell spells numbers and reads them back from the stack of the
// function spell calls, innermost first as the race detector prints it.
func TestSpell(t *testing.T) {
	if !raceEnabled {
		t.Skip("spell spells only with the race detector (go test -race)")
	}
	for _, n := range []int{1, 2, 5, 17, 1000, 123457} {
		var funcs []string
		spell(n, func() {
			pcs := make([]uintptr, 100)
			frames := runtime.CallersFrames(pcs[:runtime.Callers(1, pcs)])
			for {
				f, more := frames.Next()
				funcs = append(funcs, f.Function+"()")
				if !more {
					break
				}
			}
		})
		got, ok := readNumber(funcs)
		if !ok || got != n {
			t.Errorf("spell(%d): read back %d, %v from\n%s", n, got, ok, strings.Join(funcs, "\n"))
		}
	}
}

// TestReadNumber reads the chains of real race reports, and refuses one
// cut short.
func TestReadNumber(t *testing.T) {
	tests := []struct {
		funcs []string
		n     int
		ok    bool
	}{
		{[]string{"github.com/traefik/yaegi/interp.runCfg()", "workbook/internal/engine.bit0()", "workbook/internal/engine.bit0()", "workbook/internal/engine.bit0()",
			"workbook/internal/engine.bit1()", "workbook/internal/engine.bit1()", "workbook/internal/engine.spelled()", "workbook/internal/engine.(*monitor).goroutine()"}, 24, true},
		{[]string{"workbook/internal/engine.bit1()", "workbook/internal/engine.spelled()"}, 1, true},
		{[]string{"workbook/internal/engine.bit1()", "workbook/internal/engine.bit0()"}, 0, false},
		{[]string{"main.main()"}, 0, false},
		{nil, 0, false},
	}
	for _, tt := range tests {
		if n, ok := readNumber(tt.funcs); n != tt.n || ok != tt.ok {
			t.Errorf("readNumber(%q) = %d, %v; want %d, %v", tt.funcs, n, ok, tt.n, tt.ok)
		}
	}
}

// TestRaceGoroutine numbers the goroutines of race reports: from the chain
// of the access's stack, else from what an earlier stack of the same
// goroutine of the race detector's spelled; main is 1.
func TestRaceGoroutine(t *testing.T) {
	chain := func(bits ...string) []string {
		out := []string{"github.com/traefik/yaegi/interp.runCfg()"}
		for _, b := range bits {
			out = append(out, "workbook/internal/engine."+b+"()")
		}
		return append(out, "workbook/internal/engine.spelled()")
	}
	c := &child{monitor: &monitor{mainG: &gstate{id: 5}}}
	steps := []struct {
		id    int // the race detector's
		stack []string
		want  int
	}{
		{16, chain("bit0", "bit0", "bit0", "bit1", "bit1"), 24},
		{16, nil, 24}, // the stack could not be restored: learnt before
		{17, []string{"[failed to restore the stack]"}, 0}, // never seen
		{3, chain("bit1", "bit0", "bit1"), 1},              // 5 is main
		{3, nil, 1},
	}
	for i, s := range steps {
		if got := c.raceGoroutine(s.id, s.stack); got != s.want {
			t.Errorf("step %d: goroutine %d of the race detector is %d; want %d", i, s.id, got, s.want)
		}
	}
	for _, tt := range []struct {
		g    int
		want string
	}{
		{7, "Read at 0x00c000010000 by goroutine 7:"},
		{1, "Read at 0x00c000010000 by main goroutine:"},
		{0, "Read at 0x00c000010000 by a goroutine the race detector lost track of:"},
	} {
		if got := accessHead("Read at 0x00c000010000 by goroutine 16:", tt.g); got != tt.want {
			t.Errorf("accessHead(…, %d) = %q; want %q", tt.g, got, tt.want)
		}
	}
}
