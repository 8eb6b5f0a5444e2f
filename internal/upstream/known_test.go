package upstream

import (
	"bufio"
	"bytes"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
)

// knownHeader opens KNOWN_FAILURES.
const knownHeader = `# Upstream yaegi's test programs (this directory) that fail with the
# workbook's copy of the interpreter, and those that do not apply to it:
# one line per program, "name.go  reason", grouped by reason. A program not
# listed passes. internal/upstream runs them and fails when a program that
# is not listed fails, and when a listed one passes or no longer applies.
#
# Regenerate with: go test ./internal/upstream -update
# It keeps the reason written here for a program that still fails: edit a
# reason to say why (which patch, which Go version). A reason it writes
# says what the run saw; go test ./internal/upstream -run 'Programs/name.go' -v
# shows the output or error.
`

// naPrefix starts the reason of a program that does not apply.
const naPrefix = "not applicable: "

// readKnown reads the list at file: program name to reason.
func readKnown(file string) (map[string]string, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	known := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, reason, _ := strings.Cut(line, " ")
		reason = strings.TrimSpace(reason)
		if reason == "" {
			return nil, fmt.Errorf("%s:%d: %q has no reason", file, n, name)
		}
		if _, dup := known[name]; dup {
			return nil, fmt.Errorf("%s:%d: %s is listed twice", file, n, name)
		}
		known[name] = reason
	}
	return known, sc.Err()
}

// formatKnown returns the list of the programs and their reasons, grouped
// by reason: those that do not apply first, then the failures.
func formatKnown(known map[string]string) []byte {
	groups := map[string][]string{}
	for name, reason := range known {
		groups[reason] = append(groups[reason], name)
	}
	reasons := slices.SortedFunc(maps.Keys(groups), func(a, b string) int {
		if na, nb := strings.HasPrefix(a, naPrefix), strings.HasPrefix(b, naPrefix); na != nb {
			if na {
				return -1
			}
			return 1
		}
		return strings.Compare(a, b)
	})
	var b bytes.Buffer
	b.WriteString(knownHeader)
	for _, reason := range reasons {
		b.WriteString("\n")
		names := groups[reason]
		slices.Sort(names)
		width := len(slices.MaxFunc(names, func(a, b string) int { return len(a) - len(b) }))
		for _, name := range names {
			fmt.Fprintf(&b, "%-*s  %s\n", width, name, reason)
		}
	}
	return b.Bytes()
}
