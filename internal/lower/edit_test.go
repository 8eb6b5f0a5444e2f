package lower

import "testing"

func TestEditsNest(t *testing.T) {
	src := "a, b = x, f(y)"
	tests := []struct {
		name  string
		edits func(e *editor)
		want  string
	}{
		{"outer made first", func(e *editor) {
			e.wrap(7, 14, "func() (T, U) { return ", " }()")
			e.wrap(10, 14, "(any)(", ")")
		}, "a, b = func() (T, U) { return x, (any)(f(y)) }()"},
		{"inner made first", func(e *editor) {
			e.wrap(10, 14, "(any)(", ")")
			e.wrap(7, 14, "func() (T, U) { return ", " }()")
		}, "a, b = func() (T, U) { return x, (any)(f(y)) }()"},
		{"same span", func(e *editor) {
			e.wrap(10, 14, "(any)(", ")")
			e.wrap(10, 14, "int(", ")")
		}, "a, b = x, (any)(int(f(y)))"},
		{"closing before opening", func(e *editor) {
			e.wrap(7, 8, "g(", ")")
			e.wrap(8, 9, "h(", ")")
		}, "a, b = g(x)h(,) f(y)"},
		{"replaced opening", func(e *editor) {
			e.replace(0, 7, "{ r = ")
			e.close(0, 14, " }")
			e.wrap(10, 14, "(any)(", ")")
		}, "{ r = x, (any)(f(y)) }"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &editor{src: []byte(src)}
			tt.edits(e)
			out, _, err := e.apply()
			if err != nil {
				t.Fatal(err)
			}
			if string(out) != tt.want {
				t.Errorf("got  %s\nwant %s", out, tt.want)
			}
		})
	}
}
