package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"workbook/exercises"
	"workbook/runner"
	"workbook/workspace"
)

// watchCommand is workbook watch.
type watchCommand struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

func (*watchCommand) Name() string { return "watch" }
func (*watchCommand) Summary() string {
	return "check each exercise as you save it, and move on when it passes"
}

const watchUsage = `Usage: workbook watch [flags]

Watch checks the first exercise of the workspace not yet solved, then
checks again each time you save a file of an exercise, and moves on to
the next one when it passes. It keeps a child ready, so that a verdict
comes within a second of a save.

While it watches, type a letter and Enter: h for a hint, l for the list
of exercises, c to check again, q to quit (or Ctrl-C).

Flags:
`

// debounce is how long watch waits after a save for the editor to be done
// writing (editors write a file in several steps).
const debounce = 80 * time.Millisecond

func (c *watchCommand) Run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("watch", flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	var ef exerciseFlags
	ef.register(fs)
	fs.Usage = func() {
		fmt.Fprint(c.stderr, watchUsage)
		fs.PrintDefaults()
		fmt.Fprint(c.stderr, "\nExamples:\n\n\tcd workbook-exercises && workbook watch\n\tworkbook watch --dir ~/concurrency -lang zh\n")
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("watch takes no arguments, but was given %q\nRun 'workbook watch -h' for usage.", fs.Arg(0))
	}
	if err := ef.checkLang(); err != nil {
		return err
	}
	ws, err := ef.workspace()
	if err != nil {
		return err
	}
	set, _, err := ef.set(ws)
	if err != nil {
		return err
	}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("watching files: %w", err)
	}
	defer w.Close()
	for _, e := range set.Exercises() {
		if err := w.Add(ws.ExerciseDir(e.Name)); err != nil {
			fmt.Fprintf(c.stderr, "workbook: not watching %s: %v\n", e.Name, err)
		}
	}
	pool := runner.NewPool(1)
	defer pool.Close()
	g, err := newGrader("builtin", ef.lang, pool)
	if err != nil {
		return err
	}
	s := &watchSession{c: c, ws: ws, set: set, g: g, lang: ef.lang, color: isTerminal(c.stdout)}
	s.current = ws.Next(set)
	if s.current == nil {
		fmt.Fprintf(c.stdout, "All %d exercises pass. Well done!\n", len(set.Exercises()))
		return nil
	}
	fmt.Fprintf(c.stdout, "Watching %s: save a file to check it. Type h and Enter for a hint, l for the list, q to quit.\n", ws.Dir)
	if s.check(ctx, s.current) {
		return nil
	}

	keys := make(chan string)
	go func() {
		sc := bufio.NewScanner(c.stdin)
		for sc.Scan() {
			select {
			case keys <- strings.TrimSpace(sc.Text()):
			case <-ctx.Done():
				return
			}
		}
	}()
	var timer <-chan time.Time
	var pending *exercises.Exercise
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if e := s.exerciseOf(ev); e != nil {
				pending = e
				timer = time.After(debounce)
			}
		case err, ok := <-w.Errors:
			if ok {
				fmt.Fprintf(c.stderr, "workbook: watching files: %v\n", err)
			}
		case <-timer:
			timer = nil
			if s.check(ctx, pending) {
				return nil
			}
		case k := <-keys:
			switch k {
			case "h", "hint":
				fmt.Fprintf(c.stdout, "\n%s\n\n", s.current.HintText(s.lang))
			case "l", "list":
				s.list()
			case "c", "check", "":
				if s.check(ctx, s.current) {
					return nil
				}
			case "q", "quit", "exit":
				return nil
			default:
				fmt.Fprintln(c.stdout, "h: hint, l: list, c: check again, q: quit")
			}
		}
	}
}

// A watchSession is the state of one workbook watch.
type watchSession struct {
	c       *watchCommand
	ws      *workspace.Workspace
	set     *exercises.Set
	g       *exercises.Grader
	lang    string
	color   bool
	current *exercises.Exercise // the exercise being worked on
}

// exerciseOf returns the exercise a file event is about: a Go file
// written in an exercise's directory.
func (s *watchSession) exerciseOf(ev fsnotify.Event) *exercises.Exercise {
	if !strings.HasSuffix(ev.Name, ".go") || ev.Op&(fsnotify.Write|fsnotify.Create|fsnotify.Rename) == 0 {
		return nil
	}
	if strings.HasPrefix(filepath.Base(ev.Name), ".") {
		return nil // an editor's temporary file
	}
	e, _ := s.set.Lookup(filepath.Base(filepath.Dir(ev.Name)))
	return e
}

// check checks e and tells the verdict; after a pass it moves on to the
// next exercise not yet solved. It reports whether every exercise passes.
func (s *watchSession) check(ctx context.Context, e *exercises.Exercise) bool {
	out := s.c.stdout
	fmt.Fprintf(out, "\n%s %s %s\n", paint(s.color, dim, "──"), e.Name, paint(s.color, dim, time.Now().Format("15:04:05")+" ──"))
	files, err := s.ws.Files(e)
	var r *exercises.Result
	if err == nil {
		r, err = s.g.Grade(ctx, e, files)
	}
	if err != nil {
		if ctx.Err() == nil {
			fmt.Fprintf(out, "workbook: %v\n", err)
		}
		return false
	}
	printResult(out, r, s.color, false)
	if err := s.ws.Record(r); err != nil {
		fmt.Fprintf(s.c.stderr, "workbook: keeping your progress: %v\n", err)
	}
	if !r.Passed() {
		fmt.Fprintf(out, "Edit %s/%s and save; h and Enter for a hint.\n", e.Name, e.Files[0])
		return false
	}
	if e != s.current && s.current != nil {
		return false
	}
	s.current = s.ws.Next(s.set)
	if s.current == nil {
		fmt.Fprintf(out, "\nAll %d exercises pass. Well done!\n", len(s.set.Exercises()))
		return true
	}
	n := s.current
	fmt.Fprintf(out, "\n%s passes. Next: %s — %s\nRead %s/README.md, then edit %s/%s.\n", e.Name, n.Name, n.Title(s.lang), n.Name, n.Name, n.Files[0])
	return s.check(ctx, n)
}

// list shows every exercise with its progress.
func (s *watchSession) list() {
	fmt.Fprintln(s.c.stdout)
	printExercises(s.c.stdout, s.set, s.ws, s.lang, s.color)
}
