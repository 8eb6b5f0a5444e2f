// Command workbook is an interactive workbook on concurrency in Go:
// lessons with runnable snippets, exercises graded by a checker that
// catches data races, in the browser or the terminal.
//
// Usage:
//
//	workbook <command> [arguments]
//
// Run workbook -h for the commands, and workbook <command> -h for one.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"workbook/runner"
)

// A command is one subcommand of workbook.
type command interface {
	// Name is the word that selects the command.
	Name() string
	// Summary is the one line workbook -h shows.
	Summary() string
	// Run runs the command with its arguments (without its name).
	Run(ctx context.Context, args []string) error
}

// commands lists the subcommands, in the order workbook -h shows them.
func commands(stdin io.Reader, stdout, stderr io.Writer) []command {
	return []command{
		&serveCommand{stdout: stdout, stderr: stderr},
		&runCommand{stdin: stdin, stdout: stdout, stderr: stderr},
		&listCommand{stdout: stdout, stderr: stderr},
		&initCommand{stdout: stdout, stderr: stderr},
		&checkCommand{stdout: stdout, stderr: stderr},
		&watchCommand{stdin: stdin, stdout: stdout, stderr: stderr},
		&hintCommand{stdout: stdout, stderr: stderr},
		&resetCommand{stdout: stdout, stderr: stderr},
	}
}

// exitError asks main to exit with a status, having said what there was
// to say already.
type exitError int

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

func main() {
	runner.Child()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is main without os.Exit, for tests.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cmds := commands(stdin, stdout, stderr)
	if len(args) == 0 || args[0] == "-h" || args[0] == "-help" || args[0] == "--help" || args[0] == "help" {
		usage(stdout, cmds)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range cmds {
		if c.Name() != args[0] {
			continue
		}
		err := c.Run(ctx, args[1:])
		var code exitError
		switch {
		case err == nil:
			return 0
		case errors.As(err, &code):
			return int(code)
		case errors.Is(err, flag.ErrHelp):
			return 0
		default:
			fmt.Fprintf(stderr, "workbook %s: %v\n", c.Name(), err)
			return 2
		}
	}
	fmt.Fprintf(stderr, "workbook: unknown command %q\nRun 'workbook -h' for the list of commands.\n", args[0])
	return 2
}

func usage(w io.Writer, cmds []command) {
	fmt.Fprint(w, `workbook is an interactive workbook on concurrency in Go.

Usage:

	workbook <command> [arguments]

Commands:

`)
	for _, c := range cmds {
		fmt.Fprintf(w, "\t%-8s %s\n", c.Name(), c.Summary())
	}
	fmt.Fprint(w, `
Run 'workbook <command> -h' for more about a command.
`)
}
