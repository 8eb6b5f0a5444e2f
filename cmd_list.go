package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"workbook/exercises"
	"workbook/lessons"
	"workbook/workspace"
)

// listCommand is workbook list: the lessons, in order, and the exercises
// with the workspace's progress.
type listCommand struct {
	stdout, stderr io.Writer
}

func (*listCommand) Name() string    { return "list" }
func (*listCommand) Summary() string { return "list the lessons, and the exercises with your progress" }

const listUsage = `Usage: workbook list [flags]

List prints the lessons in the order they are meant to be read: each one's
number, name and title, and what it is about. Then the exercises, in
order: in a workspace (see workbook init), with which pass, and the points.

The edition follows the locale ($LC_ALL, $LC_MESSAGES, $LANG): Chinese for
zh_*, English otherwise; -lang chooses one.

Flags:
`

const listExamples = `
Examples:

	workbook list
	workbook list -lang zh
	workbook list -json
	workbook list -lessons ./lessons    # lessons being written, read from disk
`

func (c *listCommand) Run(ctx context.Context, args []string) error {
	flags := flag.NewFlagSet("list", flag.ContinueOnError)
	flags.SetOutput(c.stderr)
	var ef exerciseFlags
	ef.register(flags)
	lessonDir := flags.String("lessons", "", "read the lessons from this directory instead of those built in")
	jsonOut := flags.Bool("json", false, "print the lessons and exercises as JSON")
	flags.Usage = func() {
		fmt.Fprint(c.stderr, listUsage)
		flags.PrintDefaults()
		fmt.Fprint(c.stderr, listExamples)
	}
	if err := flags.Parse(args); err != nil {
		return err
	}
	if flags.NArg() > 0 {
		return fmt.Errorf("list takes no arguments, but was given %q\nRun 'workbook list -h' for usage.", flags.Arg(0))
	}
	if !slices.Contains(lessons.Languages, ef.lang) {
		return fmt.Errorf("there is no %q edition of the lessons: -lang is one of %s", ef.lang, strings.Join(lessons.Languages, ", "))
	}
	var fsys fs.FS = lessons.Files
	if *lessonDir != "" {
		fsys = os.DirFS(*lessonDir)
	}
	book, err := lessons.Load(fsys)
	if err != nil {
		return fmt.Errorf("the lessons cannot be read:\n%w", err)
	}
	// The exercises, with progress in a workspace (when there is one).
	ws, err := ef.workspace()
	if ef.dir != "" && err != nil {
		return err
	}
	if err != nil {
		ws = nil
	}
	set, _, err := ef.set(ws)
	if err != nil {
		return err
	}
	ls := book.Lessons(ef.lang)
	if *jsonOut {
		return c.json(ls, set, ws, ef.lang)
	}
	width := 0
	for _, l := range ls {
		width = max(width, len(l.Slug))
	}
	indent := strings.Repeat(" ", 4+width+2)
	for _, l := range ls {
		fmt.Fprintf(c.stdout, "%2d  %-*s  %s\n", l.Order, width, l.Slug, l.Title)
		for _, line := range wrap(l.Summary, listWidth-len(indent)) {
			fmt.Fprintf(c.stdout, "%s%s\n", indent, line)
		}
	}
	if *lessonDir != "" {
		return nil
	}
	fmt.Fprintln(c.stdout)
	printExercises(c.stdout, set, ws, ef.lang, isTerminal(c.stdout))
	return nil
}

func (c *listCommand) json(ls []*lessons.Lesson, set *exercises.Set, ws *workspace.Workspace, lang string) error {
	type lessonEntry struct {
		Order   int    `json:"order"`
		Slug    string `json:"slug"`
		Title   string `json:"title"`
		Summary string `json:"summary"`
		Path    string `json:"path"`
	}
	type exerciseEntry struct {
		Order  int    `json:"order"`
		Name   string `json:"name"`
		Title  string `json:"title"`
		Topic  string `json:"topic"`
		Lesson string `json:"lesson,omitempty"`
		Points int    `json:"points"`
		// Status is the last check's verdict, in a workspace.
		Status exercises.Status `json:"status,omitempty"`
	}
	var out struct {
		Lessons   []lessonEntry   `json:"lessons"`
		Exercises []exerciseEntry `json:"exercises"`
	}
	for _, l := range ls {
		out.Lessons = append(out.Lessons, lessonEntry{l.Order, l.Slug, l.Title, l.Summary, l.Path()})
	}
	for _, e := range set.Exercises() {
		x := exerciseEntry{Order: e.Order, Name: e.Name, Title: e.Title(lang), Topic: e.Topic, Lesson: e.Lesson, Points: e.Points}
		if ws != nil {
			x.Status = ws.State.Progress[e.Name].Status
		}
		out.Exercises = append(out.Exercises, x)
	}
	enc := json.NewEncoder(c.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// printExercises lists the exercises of set in order; in a workspace, with
// which pass (✓), which failed when last checked (✗), and the points.
func printExercises(w io.Writer, set *exercises.Set, ws *workspace.Workspace, lang string, color bool) {
	list := set.Exercises()
	width := 0
	for _, e := range list {
		width = max(width, len(e.Name))
	}
	done, earned, possible := 0, 0, 0
	for _, e := range list {
		possible += e.Points
		mark := " "
		if ws != nil {
			p := ws.State.Progress[e.Name]
			switch p.Status {
			case exercises.Pass:
				mark = paint(color, green, "✓")
				done++
				earned += p.Points
			case exercises.Fail, exercises.Error:
				mark = paint(color, red, "✗")
			default:
				mark = "·"
			}
		}
		fmt.Fprintf(w, "%s %2d  %-*s  %-11s  %s\n", mark, e.Order, width, e.Name, e.Topic, e.Title(lang))
	}
	if ws == nil {
		fmt.Fprintln(w, "\nworkbook init makes a workspace with these exercises; workbook watch checks them as you work.")
		return
	}
	fmt.Fprintf(w, "\n%d of %d exercises pass; %d of %d points.\n", done, len(list), earned, possible)
	if next := ws.Next(set); next != nil {
		fmt.Fprintf(w, "Next: %s — %s/%s\n", next.Name, next.Name, next.Files[0])
	}
}

// listWidth is the width the list is wrapped to: a terminal's, as
// $COLUMNS says, or 80.
var listWidth = func() int {
	if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n >= 40 {
		return n
	}
	return 80
}()

// wrap breaks text into lines at most width columns wide: at spaces, and
// anywhere between wide (Chinese) characters, which take two columns and
// are not separated by spaces.
func wrap(text string, width int) []string {
	width = max(width, 20)
	var lines []string
	var line strings.Builder
	cols := 0
	flush := func() {
		if s := strings.TrimSpace(line.String()); s != "" {
			lines = append(lines, s)
		}
		line.Reset()
		cols = 0
	}
	for _, word := range strings.Fields(text) {
		w := columns(word)
		// A word with Chinese in it breaks between any two of its wide
		// characters (below), so only its first must fit on this line.
		if wide := w > len([]rune(word)); wide {
			w = columns(string([]rune(word)[0]))
		}
		if cols > 0 && cols+1+w > width {
			flush()
		}
		if cols > 0 {
			line.WriteByte(' ')
			cols++
		}
		runes := []rune(word)
		for i, r := range runes {
			rw := columns(string(r))
			switch {
			case rw == 2:
				// Chinese closing punctuation never starts a line: it
				// overhangs the width instead.
				if cols+rw > width && !strings.ContainsRune("，。、；：？！）」』》”", r) {
					flush()
				}
			case i > 0 && columns(string(runes[i-1])) == 2:
				// A Latin run after Chinese moves to the next line whole.
				run := 0
				for _, q := range runes[i:] {
					if columns(string(q)) == 2 {
						break
					}
					run++
				}
				if cols > 0 && cols+run > width {
					flush()
				}
			}
			line.WriteRune(r)
			cols += rw
		}
	}
	flush()
	return lines
}

// columns is how many terminal columns s takes: two for an East Asian wide
// character, one for others.
func columns(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r), unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r),
			unicode.Is(unicode.Hangul, r), r >= 0x3000 && r <= 0x303f, r >= 0xff00 && r <= 0xff60:
			n += 2
		default:
			n++
		}
	}
	return n
}

// locale is the user's locale for messages, by POSIX precedence.
func locale() string {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := os.Getenv(v); s != "" {
			return s
		}
	}
	return ""
}
