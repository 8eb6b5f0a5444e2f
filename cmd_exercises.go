package main

import (
	"context"
	"embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"workbook/exercises"
	"workbook/lessons"
	"workbook/runner"
	"workbook/workspace"
)

// moduleSource is what the go engine needs of the workbook module to grade
// an exercise that imports workbook/proc with the real toolchain.
//
//go:embed go.mod go.sum proc/*.go internal/procwire/*.go
var moduleSource embed.FS

// exerciseFlags are the flags every exercise command has: which workspace,
// which exercise set, which language.
type exerciseFlags struct {
	dir, exercises, lang string
}

func (f *exerciseFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.dir, "dir", "", "the workspace (default: the one holding the current directory)")
	fs.StringVar(&f.exercises, "exercises", "", "an exercise set of your own, a directory of exercises (default: the workspace's, or the built-in one)")
	fs.StringVar(&f.lang, "lang", lessons.Language(locale()), "the language of READMEs and hints: "+strings.Join(exercises.Languages, " or "))
}

// workspace opens the workspace the flags name.
func (f *exerciseFlags) workspace() (*workspace.Workspace, error) {
	if f.dir != "" {
		return workspace.Open(f.dir)
	}
	return workspace.Find(".")
}

// set loads the exercise set: --exercises, else the workspace's, else the
// built-in one.
func (f *exerciseFlags) set(ws *workspace.Workspace) (*exercises.Set, string, error) {
	dir := f.exercises
	if dir == "" && ws != nil {
		dir = ws.State.Exercises
	}
	if dir == "" {
		set, err := exercises.Load(exercises.Builtin)
		return set, "", err
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, "", fmt.Errorf("the exercise set %s is not a directory", dir)
	}
	set, err := exercises.Load(os.DirFS(dir))
	if err != nil {
		return nil, "", fmt.Errorf("the exercise set in %s cannot be read:\n%w", dir, err)
	}
	return set, dir, nil
}

// checkLang refuses a language there are no READMEs in.
func (f *exerciseFlags) checkLang() error {
	if !slices.Contains(exercises.Languages, f.lang) {
		return fmt.Errorf("there is no %q edition of the exercises: -lang is one of %s", f.lang, strings.Join(exercises.Languages, ", "))
	}
	return nil
}

// pick returns the exercises of set that names name, or all of them.
func pick(set *exercises.Set, names []string) ([]*exercises.Exercise, error) {
	if len(names) == 0 {
		return set.Exercises(), nil
	}
	var out []*exercises.Exercise
	for _, n := range names {
		n = strings.TrimSuffix(strings.TrimPrefix(n, "./"), "/")
		e, ok := set.Lookup(n)
		if !ok {
			return nil, fmt.Errorf("there is no exercise %q; the exercises are: %s", n, strings.Join(set.Names(), ", "))
		}
		out = append(out, e)
	}
	return out, nil
}

// newGrader returns the grader of an engine, with its language.
func newGrader(engine, lang string, pool *runner.Pool) (*exercises.Grader, error) {
	if !slices.Contains(exercises.Engines, engine) {
		return nil, fmt.Errorf("unknown engine %q: --engine is one of %s", engine, strings.Join(exercises.Engines, ", "))
	}
	mod, err := exercises.ModuleFiles(moduleSource)
	if err != nil {
		return nil, err
	}
	return &exercises.Grader{Engine: engine, Pool: pool, Lang: lang, GoModule: mod}, nil
}

// initCommand is workbook init.
type initCommand struct{ stdout, stderr io.Writer }

func (*initCommand) Name() string { return "init" }
func (*initCommand) Summary() string {
	return "make a workspace with every exercise, to solve in your editor"
}

const initUsage = `Usage: workbook init [flags] [DIR]

Init writes every exercise's starter file and README into a workspace, DIR
(default ./workbook-exercises): counter/counter.go, counter/README.md, and
so on. Edit the files in your own editor, and check them with workbook
check or workbook watch.

Init never overwrites a file: run it again in a workspace to get back what
is missing. workbook reset writes one exercise's starter again.

Flags:
`

const initExamples = `
Examples:

	workbook init
	workbook init ~/concurrency
	workbook init --exercises ./course-exercises ./assignment   # an instructor's set
`

func (c *initCommand) Run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("init", flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	var ef exerciseFlags
	fs.StringVar(&ef.exercises, "exercises", "", "an exercise set of your own, a directory of exercises (default: the built-in one)")
	fs.Usage = func() {
		fmt.Fprint(c.stderr, initUsage)
		fs.PrintDefaults()
		fmt.Fprint(c.stderr, initExamples)
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 1 {
		return fmt.Errorf("init takes one directory, but was given %d: %s\nRun 'workbook init -h' for usage.", fs.NArg(), strings.Join(fs.Args(), " "))
	}
	dir := workspace.DefaultDir
	if fs.NArg() == 1 {
		dir = fs.Arg(0)
	}
	// A workspace there already keeps the set it was made from.
	ws, err := workspace.Open(dir)
	if err != nil {
		ws = nil
	}
	set, setDir, err := ef.set(ws)
	if err != nil {
		return err
	}
	rep, err := workspace.Init(dir, set, setDir)
	if err != nil {
		return err
	}
	n := len(set.Exercises())
	switch {
	case len(rep.Written) == 0:
		fmt.Fprintf(c.stdout, "%s holds the %d exercises already; nothing was written.\n", rep.Dir, n)
	case len(rep.Kept) > 0:
		fmt.Fprintf(c.stdout, "Wrote %d files to %s; kept the %d that were there.\n", len(rep.Written), rep.Dir, len(rep.Kept))
	default:
		fmt.Fprintf(c.stdout, "Wrote %d exercises to %s.\n", n, rep.Dir)
	}
	first := set.Exercises()[0]
	fmt.Fprintf(c.stdout, "\nStart with %s: read %s/README.md, edit %s/%s, then\n\n\tcd %s\n\tworkbook watch\n\n",
		first.Name, first.Name, first.Name, first.Files[0], dir)
	fmt.Fprintln(c.stdout, "watch checks an exercise each time you save it, and moves on when it passes.")
	fmt.Fprintln(c.stdout, "Or work in the browser, on the same files: workbook serve, in the workspace.")
	if fi, err := os.Stat(filepath.Join(rep.Dir, "lessons")); err == nil && fi.IsDir() {
		fmt.Fprintln(c.stdout, "The lessons the exercises practise are in lessons/, to read in your editor.")
	}
	return nil
}

// hintCommand is workbook hint.
type hintCommand struct{ stdout, stderr io.Writer }

func (*hintCommand) Name() string    { return "hint" }
func (*hintCommand) Summary() string { return "show the hints of an exercise" }

func (c *hintCommand) Run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("hint", flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	var ef exerciseFlags
	ef.register(fs)
	fs.Usage = func() {
		fmt.Fprint(c.stderr, "Usage: workbook hint [flags] [NAME]\n\nHint prints the hints of an exercise (in a workspace, without NAME: the\nfirst one not yet solved), from gentle to nearly the answer.\n\nFlags:\n")
		fs.PrintDefaults()
		fmt.Fprint(c.stderr, "\nExamples:\n\n\tworkbook hint counter\n\tworkbook hint -lang zh bank\n")
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := ef.checkLang(); err != nil {
		return err
	}
	if fs.NArg() > 1 {
		return fmt.Errorf("hint takes one exercise, but was given %d\nRun 'workbook hint -h' for usage.", fs.NArg())
	}
	ws, wsErr := ef.workspace()
	if wsErr != nil && fs.NArg() == 0 {
		return fmt.Errorf("%w\n(or name an exercise: workbook hint counter)", wsErr)
	}
	if wsErr != nil {
		ws = nil
	}
	set, _, err := ef.set(ws)
	if err != nil {
		return err
	}
	var e *exercises.Exercise
	if fs.NArg() == 1 {
		list, err := pick(set, fs.Args())
		if err != nil {
			return err
		}
		e = list[0]
	} else if e = ws.Next(set); e == nil {
		fmt.Fprintln(c.stdout, "Every exercise passes: no hints needed.")
		return nil
	}
	text := e.HintText(ef.lang)
	if text == "" {
		return fmt.Errorf("%s has no hints", e.Name)
	}
	fmt.Fprintf(c.stdout, "%s — %s\n\n%s\n", e.Name, e.Title(ef.lang), text)
	return nil
}

// resetCommand is workbook reset.
type resetCommand struct{ stdout, stderr io.Writer }

func (*resetCommand) Name() string { return "reset" }
func (*resetCommand) Summary() string {
	return "start an exercise again from its starter, keeping a backup"
}

func (c *resetCommand) Run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("reset", flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	var ef exerciseFlags
	ef.register(fs)
	fs.Usage = func() {
		fmt.Fprint(c.stderr, "Usage: workbook reset [flags] NAME...\n\nReset writes the starter files of the named exercises again, after\ncopying your files to .workbook/backup/NAME/TIME/ in the workspace.\n\nFlags:\n")
		fs.PrintDefaults()
		fmt.Fprint(c.stderr, "\nExamples:\n\n\tworkbook reset counter\n")
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return errors.New("reset needs the name of an exercise: workbook reset counter\nRun 'workbook reset -h' for usage.")
	}
	ws, err := ef.workspace()
	if err != nil {
		return err
	}
	set, _, err := ef.set(ws)
	if err != nil {
		return err
	}
	list, err := pick(set, fs.Args())
	if err != nil {
		return err
	}
	for _, e := range list {
		backup, err := ws.Reset(e)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "%s: %s is the starter again.", e.Name, strings.Join(e.Files, ", "))
		if backup != "" {
			fmt.Fprintf(c.stdout, " Your version is in %s.", relTo(ws.Dir, backup))
		}
		fmt.Fprintln(c.stdout)
	}
	return nil
}

// relTo is path relative to dir, when it is inside it.
func relTo(dir, path string) string {
	if rel, ok := strings.CutPrefix(path, dir+string(os.PathSeparator)); ok {
		return rel
	}
	return path
}
