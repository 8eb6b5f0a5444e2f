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
	"strings"

	"workbook/lessons"
)

// listCommand is workbook list: the lessons, in order.
type listCommand struct {
	stdout, stderr io.Writer
}

func (*listCommand) Name() string    { return "list" }
func (*listCommand) Summary() string { return "list the lessons" }

const listUsage = `Usage: workbook list [flags]

List prints the lessons in the order they are meant to be read: each one's
number, name and title, and what it is about.

The edition follows the locale ($LC_ALL, $LC_MESSAGES, $LANG): Chinese for
zh_*, English otherwise; -lang chooses one.

Flags:
`

const listExamples = `
Examples:

	workbook list
	workbook list -lang zh
	workbook list -json
	workbook list -dir ./lessons    # lessons being written, read from disk
`

func (c *listCommand) Run(ctx context.Context, args []string) error {
	flags := flag.NewFlagSet("list", flag.ContinueOnError)
	flags.SetOutput(c.stderr)
	lang := flags.String("lang", lessons.Language(locale()), "the edition: "+strings.Join(lessons.Languages, " or "))
	dir := flags.String("dir", "", "read the lessons from this directory instead of those built in")
	jsonOut := flags.Bool("json", false, "print the lessons as JSON")
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
	if !slices.Contains(lessons.Languages, *lang) {
		return fmt.Errorf("there is no %q edition of the lessons: -lang is one of %s", *lang, strings.Join(lessons.Languages, ", "))
	}
	var fsys fs.FS = lessons.Files
	if *dir != "" {
		fsys = os.DirFS(*dir)
	}
	book, err := lessons.Load(fsys)
	if err != nil {
		return fmt.Errorf("the lessons cannot be read:\n%w", err)
	}
	ls := book.Lessons(*lang)
	if *jsonOut {
		type entry struct {
			Order   int    `json:"order"`
			Slug    string `json:"slug"`
			Title   string `json:"title"`
			Summary string `json:"summary"`
			Path    string `json:"path"`
		}
		var out []entry
		for _, l := range ls {
			out = append(out, entry{l.Order, l.Slug, l.Title, l.Summary, l.Path()})
		}
		enc := json.NewEncoder(c.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	width := 0
	for _, l := range ls {
		width = max(width, len(l.Slug))
	}
	for _, l := range ls {
		fmt.Fprintf(c.stdout, "%2d  %-*s  %s\n", l.Order, width, l.Slug, l.Title)
		fmt.Fprintf(c.stdout, "    %*s  %s\n", width, "", l.Summary)
	}
	return nil
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
