package lower

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
)

// An edit replaces the bytes [start, end) of a file with text.
type edit struct {
	start, end int
	text       string
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
	e.edits = append(e.edits, edit{start, end, text})
}

func (e *editor) insert(at int, text string) { e.replace(at, at, text) }

// apply returns the edited source and, for each of its bytes, the offset in
// the original it stands for (generated text stands for the start of what
// it replaced). It fails if two edits overlap: a bug in a pass, reported
// rather than turned into wrong code.
func (e *editor) apply() ([]byte, []int32, error) {
	sort.SliceStable(e.edits, func(i, j int) bool {
		if e.edits[i].start != e.edits[j].start {
			return e.edits[i].start < e.edits[j].start
		}
		return e.edits[i].end < e.edits[j].end // insertions first
	})
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
