package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os/exec"
	"runtime"
	"time"

	"workbook/lessons"
	"workbook/runner"
	"workbook/site"
	"workbook/workspace"
)

// serveCommand is workbook serve.
type serveCommand struct{ stdout, stderr io.Writer }

func (*serveCommand) Name() string { return "serve" }
func (*serveCommand) Summary() string {
	return "read the lessons, run every example and solve the exercises in your browser"
}

const serveUsage = `Usage: workbook serve [flags]

Serve opens the workbook in your browser: the lessons, each example an
editor you can run (with the race detector too), and the exercises, checked
against their hidden tests.

Started in a workspace (workbook init makes one), the exercise pages edit
your files there: what you save in the browser, workbook check and watch
see, and the other way round. Without a workspace, your edits stay in the
browser.

The workbook runs the code its pages send it, so it listens on 127.0.0.1
only, unless you say otherwise.

Flags:
`

const serveExamples = `
Examples:

	workbook serve
	workbook serve --open
	workbook serve --addr 127.0.0.1:9000 --dir ~/concurrency
`

func (c *serveCommand) Run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "the address to listen on")
	open := fs.Bool("open", false, "open the workbook in your browser")
	dir := fs.String("dir", "", "the workspace (default: the one holding the current directory, if any)")
	fs.Usage = func() {
		fmt.Fprint(c.stderr, serveUsage)
		fs.PrintDefaults()
		fmt.Fprint(c.stderr, serveExamples)
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("serve takes no arguments, but was given %q\nRun 'workbook serve -h' for usage.", fs.Args())
	}
	var ws *workspace.Workspace
	var err error
	if *dir != "" {
		if ws, err = workspace.Open(*dir); err != nil {
			return err
		}
	} else if ws, err = workspace.Find("."); err != nil {
		if !errors.Is(err, workspace.ErrNotFound) {
			return err
		}
		ws = nil
	}
	ef := exerciseFlags{}
	set, _, err := ef.set(ws)
	if err != nil {
		return err
	}
	book, err := lessons.Load(lessons.Files)
	if err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(c.stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	runner.RaceStatus = func(msg string) { fmt.Fprintf(c.stderr, "workbook: %s\n", msg) }
	// Checks and race runs need the race-enabled child; get it ready now
	// (a build of about a minute, the first time), not at the first Check.
	go func() {
		if _, err := runner.RaceChild(); err != nil {
			fmt.Fprintf(c.stderr, "workbook: without the race detector, Check and Run with race detector will fail: %v\n", err)
		}
	}()
	pool := runner.NewPool(1, runner.PoolLog(log))
	defer pool.Close()
	grader, err := newGrader("builtin", lessons.Language(locale()), pool)
	if err != nil {
		return err
	}
	host, _, err := net.SplitHostPort(*addr)
	if err != nil {
		return fmt.Errorf("--addr %q is not host:port, as in 127.0.0.1:8080", *addr)
	}
	srv, err := site.New(site.Config{
		Book: book, Files: lessons.Files, Set: set, Workspace: ws,
		Runner: pool, Grader: grader, Hosts: []string{host}, Log: log,
	})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("%w\n(is another workbook serve running? choose another port with --addr 127.0.0.1:8081)", err)
	}
	url := "http://" + ln.Addr().String() + "/"
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		fmt.Fprintf(c.stderr, "WARNING: listening on %s, not on 127.0.0.1: anyone who can reach this address can run programs on this machine.\n\n", ln.Addr())
	}
	fmt.Fprintf(c.stdout, "The workbook is at %s\n", url)
	if ws != nil {
		fmt.Fprintf(c.stdout, "Exercises are saved in %s\n", ws.Dir)
	} else {
		fmt.Fprintln(c.stdout, "No workspace here: edits stay in the browser (workbook init makes a workspace).")
	}
	fmt.Fprintln(c.stdout, "Press Ctrl-C to stop.")
	if *open {
		openBrowser(url)
	}
	hs := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	hs.Shutdown(shutdown)
	return nil
}

// openBrowser opens url in the desktop's browser, if there is one.
func openBrowser(url string) {
	name := "xdg-open"
	if runtime.GOOS == "darwin" {
		name = "open"
	}
	if cmd := exec.Command(name, url); cmd.Start() == nil {
		go cmd.Wait()
	}
}
