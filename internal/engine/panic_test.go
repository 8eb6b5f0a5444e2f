package engine

import (
	"errors"
	"fmt"
	"testing"
)

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
