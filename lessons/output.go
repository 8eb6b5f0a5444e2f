package lessons

import (
	"fmt"
	"regexp"
	"strings"
)

// An Output is the expected output of a runnable snippet (see the package
// documentation for its grammar).
type Output struct {
	Text string
	// Pattern makes "…" a wildcard; Unordered lets the lines come in any
	// order.
	Pattern   bool
	Unordered bool
}

// wildcard is the character that, in a pattern, matches any text.
const wildcard = "…"

func parseOutput(words []string, text string) (*Output, error) {
	o := &Output{Text: text}
	for _, w := range words {
		switch w {
		case "pattern":
			o.Pattern = true
		case "unordered":
			o.Unordered = true
		default:
			return nil, fmt.Errorf("unknown word %q after output: an output block is ```output, optionally followed by pattern and unordered", w)
		}
	}
	return o, nil
}

// Match reports whether got, what a program printed, is this output.
func (o *Output) Match(got string) bool {
	want := o.Text
	if !o.Pattern && !o.Unordered {
		// A block of Markdown ends its last line; the program may not.
		return strings.TrimSuffix(got, "\n") == strings.TrimSuffix(want, "\n")
	}
	wantLines, gotLines := lines(want), lines(got)
	if !o.Unordered {
		return matchLines(o.patterns(wantLines), gotLines)
	}
	// In any order: every line expected matches a line printed, each used
	// once. A wildcard line would take any number of them: it is not
	// allowed here, and matches nothing.
	used := make([]bool, len(gotLines))
	if len(wantLines) != len(gotLines) {
		return false
	}
next:
	for _, p := range o.patterns(wantLines) {
		for i, g := range gotLines {
			if !used[i] && p.line != nil && p.line.MatchString(g) {
				used[i] = true
				continue next
			}
		}
		return false
	}
	return true
}

// A linePattern matches one line, or (line nil) any number of lines.
type linePattern struct{ line *regexp.Regexp }

func (o *Output) patterns(want []string) []linePattern {
	ps := make([]linePattern, len(want))
	for i, w := range want {
		if o.Pattern && strings.TrimSpace(w) == wildcard {
			continue
		}
		expr := regexp.QuoteMeta(w)
		if o.Pattern {
			expr = strings.ReplaceAll(expr, wildcard, ".*?")
		}
		ps[i].line = regexp.MustCompile("^" + expr + "$")
	}
	return ps
}

// matchLines matches lines in order, a nil pattern taking any number of
// lines.
func matchLines(ps []linePattern, got []string) bool {
	if len(ps) == 0 {
		return len(got) == 0
	}
	if ps[0].line == nil {
		for skip := 0; skip <= len(got); skip++ {
			if matchLines(ps[1:], got[skip:]) {
				return true
			}
		}
		return false
	}
	return len(got) > 0 && ps[0].line.MatchString(got[0]) && matchLines(ps[1:], got[1:])
}

// lines splits text into lines; a final newline ends the last line rather
// than starting an empty one.
func lines(text string) []string {
	if text == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(text, "\n"), "\n")
}
