package main

import (
	"strings"
	"testing"
)

func TestWrap(t *testing.T) {
	tests := []struct {
		text  string
		width int
		want  []string
	}{
		{"one two three four", 20, []string{"one two three four"}},
		{"aaaa bbbb cccc dddd eeee ffff", 20, []string{"aaaa bbbb cccc dddd", "eeee ffff"}},
		{"averyveryverylongwordindeed fits", 20, []string{"averyveryverylongwordindeed", "fits"}},
		// Chinese breaks between characters, two columns each, and never
		// before closing punctuation.
		{"进程拥有自己的内存启动一个进程", 20, []string{"进程拥有自己的内存启", "动一个进程"}},
		{"进程拥有自己的内存，启动一个进程", 20, []string{"进程拥有自己的内存，", "启动一个进程"}},
		{"进程拥有自己的内存启，动一个进程", 20, []string{"进程拥有自己的内存启，", "动一个进程"}},
		// A line is filled to the width: a Latin word does not push the
		// Chinese after it to the next line, and a Latin run inside
		// Chinese moves whole.
		{"用 workbook/proc 试一试", 20, []string{"用 workbook/proc 试", "一试"}},
		{"只好交给多进程。goroutine 能", 20, []string{"只好交给多进程。", "goroutine 能"}},
	}
	for _, tt := range tests {
		got := wrap(tt.text, tt.width)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("wrap(%q, %d) = %q; want %q", tt.text, tt.width, got, tt.want)
		}
		for _, l := range got {
			if strings.Contains(l, " ") && columns(l) > tt.width+2 {
				t.Errorf("wrap(%q, %d): %q is %d columns wide", tt.text, tt.width, l, columns(l))
			}
		}
	}
}
