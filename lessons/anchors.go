package lessons

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
)

// ParseContext is the goldmark parser context a lesson is parsed in: the
// site renders with it, so that the anchors checked are the anchors shown.
func ParseContext() parser.Context {
	return parser.NewContext(parser.WithIDs(&anchors{used: map[string]bool{}}))
}

// anchors makes heading ids the way GitHub does, so that a link written
// while reading a lesson there works here too, in every language: lower
// case, letters and digits of any script kept, spaces made dashes, other
// punctuation dropped, and -1, -2… added to repeats. ("Go 没有 GIL" is
// go-没有-gil, not goldmark's default go--gil.)
type anchors struct{ used map[string]bool }

func (a *anchors) Generate(value []byte, kind ast.NodeKind) []byte {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(string(value))) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_':
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('-')
		}
	}
	id := b.String()
	if id == "" {
		id = "section"
	}
	unique := id
	for n := 1; a.used[unique]; n++ {
		unique = id + "-" + strconv.Itoa(n)
	}
	a.used[unique] = true
	return []byte(unique)
}

func (a *anchors) Put(value []byte) { a.used[string(value)] = true }
