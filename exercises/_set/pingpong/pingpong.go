// Package pingpong plays ping-pong between two processes over a proc.Pipe.
//
// Read README.md first. Then run `workbook check pingpong`.
package pingpong

import (
	"fmt"
	"io"
	"os"

	"workbook/proc"
)

// A Game is what Play saw of one game.
type Game struct {
	Log      []string // the exchange in order: "ping 1", "pong 1", "ping 2", …
	Pid      int      // the pid of the process that ran Ponger
	ExitCode int      // that process's exit code, once it had ended
}

// Ponger answers each "ping N" it receives on conn with "pong N", and
// returns nil once the other end is closed.
func Ponger(conn *proc.Conn) error {
	for {
		var msg string
		err := conn.Recv(&msg)
		if err == io.EOF {
			return nil // the other player has left: game over
		}
		if err != nil {
			return err
		}
		var n int
		if _, err := fmt.Sscanf(msg, "ping %d", &n); err != nil {
			return fmt.Errorf("Ponger: %q is not a ping", msg)
		}
		if err := conn.Send(fmt.Sprintf("pong %d", n)); err != nil {
			return err
		}
	}
}

// Play starts Ponger in a new process, plays rounds rounds with it (send
// "ping i", wait for "pong i"), then lets it go and joins it.
//
// This version already plays a good game, but not between two processes:
// Ponger runs in a goroutine of the very process that calls Play.
func Play(rounds int) (Game, error) {
	// TODO: a game has at least 1 round; say so with an error.

	here, there := proc.Pipe()

	// TODO: run Ponger in a process of its own (proc.New, Start), and
	// close your copy of the end you gave it.
	go Ponger(there)

	g := Game{Pid: os.Getpid()} // TODO: the pid of Ponger's process
	for i := 1; i <= rounds; i++ {
		ping := fmt.Sprintf("ping %d", i)
		if err := here.Send(ping); err != nil {
			return g, err
		}
		g.Log = append(g.Log, ping)
		var pong string
		if err := here.Recv(&pong); err != nil {
			return g, err
		}
		g.Log = append(g.Log, pong)
	}
	here.Close() // Ponger sees io.EOF and returns

	// TODO: wait for Ponger's process to end, and fill in g.ExitCode.
	return g, nil
}
