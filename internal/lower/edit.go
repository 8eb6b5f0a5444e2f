package lower

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
)

// An edit replaces the bytes [start, end) of a file with text. The two
// halves of a wrap are insertions that know the span they enclose, so
// that wraps meeting at one offset nest: "(T)(f(x))", not "(T)(f(x)))".
type edit struct {
	start, end int
	text       string
	wrap       int // 0, or +1 for an opening and -1 for a closing half
	span       int // the length of the wrapped span
	seq        int // the order edits were made in
}

// editor collects edits to one file and applies them. Edits never overlap,
// their texts hold no newlines, and a replaced span's newlines are put
// back after its replacement, so every line of the result is the line of
// the original it came from: what the interpreter reports by line is what
// the learner wrote.
type editor struct {
	src   []byte
	edits []edit
}

func (e *editor) replace(start, end int, text string) {
	if strings.ContainsRune(text, '\n') {
		panic("lower: edit text holds a newline: " + text)
	}
	if n := bytes.Count(e.src[start:end], []byte("\n")); n > 0 {
		text += strings.Repeat("\n", n)
	}
	e.edits = append(e.edits, edit{start: start, end: end, text: text, seq: len(e.edits)})
}

func (e *editor) insert(at int, text string) { e.replace(at, at, text) }

// replaceOpen is replace for a text that opens with head: the replaced
// span's newlines go after head rather than after the whole text, so
// that a replacement ending in a literal or ")" does not end a line,
// where Go would insert a semicolon ("f(a +\n b, c)" becomes
// "f((\n"ab"), c)", not "f(("ab")\n, c)").
func (e *editor) replaceOpen(start, end int, head, tail string) {
	n := bytes.Count(e.src[start:end], []byte("\n"))
	if strings.ContainsRune(head+tail, '\n') {
		panic("lower: edit text holds a newline: " + head + tail)
	}
	e.edits = append(e.edits, edit{start: start, end: end, text: head + strings.Repeat("\n", n) + tail, seq: len(e.edits)})
}

// wrap puts before and after around the bytes [start, end).
func (e *editor) wrap(start, end int, before, after string) {
	e.open(start, end, before)
	e.close(start, end, after)
}

// open and close insert the halves of a wrap of [start, end) separately,
// for a wrap whose opening replaces text rather than being inserted.
func (e *editor) open(start, end int, text string) {
	e.insert(start, text)
	e.edits[len(e.edits)-1].wrap, e.edits[len(e.edits)-1].span = +1, end-start
}

func (e *editor) close(start, end int, text string) {
	e.insert(end, text)
	e.edits[len(e.edits)-1].wrap, e.edits[len(e.edits)-1].span = -1, end-start
}

// before orders two edits: by offset, insertions before replacements, and
// insertions at one offset as wraps nest: closing halves first, the inner
// wrap's before the outer's, then plain insertions, then opening halves,
// the outer wrap's before the inner's. Of two wraps of one span, the one
// made first is the outer.
func (a edit) before(b edit) bool {
	if a.start != b.start {
		return a.start < b.start
	}
	if a.end != b.end {
		return a.end < b.end
	}
	if a.wrap != b.wrap {
		return a.wrap < b.wrap
	}
	switch {
	case a.wrap < 0 && a.span != b.span:
		return a.span < b.span
	case a.wrap < 0:
		return a.seq > b.seq
	case a.wrap > 0 && a.span != b.span:
		return a.span > b.span
	}
	return a.seq < b.seq
}

// apply returns the edited source and, for each of its bytes, the offset in
// the original it stands for (generated text stands for the start of what
// it replaced). It fails if two edits overlap: a bug in a pass, reported
// rather than turned into wrong code.
func (e *editor) apply() ([]byte, []int32, error) {
	sort.Slice(e.edits, func(i, j int) bool { return e.edits[i].before(e.edits[j]) })
	out := make([]byte, 0, len(e.src)+64*len(e.edits))
	orig := make([]int32, 0, cap(out))
	pos := 0
	copyTo := func(end int) {
		for ; pos < end; pos++ {
			out = append(out, e.src[pos])
			orig = append(orig, int32(pos))
		}
	}
	for _, ed := range e.edits {
		if ed.start < pos {
			return nil, nil, fmt.Errorf("lower: overlapping edits at offset %d", ed.start)
		}
		copyTo(ed.start)
		for i := 0; i < len(ed.text); i++ {
			out = append(out, ed.text[i])
			orig = append(orig, int32(ed.start))
		}
		pos = ed.end
	}
	copyTo(len(e.src))
	return out, orig, nil
}
