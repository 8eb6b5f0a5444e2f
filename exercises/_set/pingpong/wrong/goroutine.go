// Wrong: Ponger runs in a goroutine of the process that calls Play, not in a process of its own.
// Fails: TestPlayRunsAnotherProcess

// Package pingpong plays ping-pong between two processes over a proc.Pipe.
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
func Play(rounds int) (Game, error) {
	if rounds < 1 {
		return Game{}, fmt.Errorf("Play(%d): a game has at least 1 round", rounds)
	}
	here, there := proc.Pipe()
	done := make(chan error, 1)
	go func() { done <- Ponger(there) }() // a goroutine, not a process

	g := Game{Pid: os.Getpid()}
	var playErr error
	for i := 1; i <= rounds; i++ {
		ping := fmt.Sprintf("ping %d", i)
		if playErr = here.Send(ping); playErr != nil {
			break
		}
		g.Log = append(g.Log, ping)
		var pong string
		if playErr = here.Recv(&pong); playErr != nil {
			// io.EOF here means Ponger's process ended mid-game: since we
			// closed our copy of there, Recv cannot wait forever.
			break
		}
		g.Log = append(g.Log, pong)
	}

	here.Close() // Ponger sees io.EOF and returns
	if err := <-done; err != nil {
		g.ExitCode = 1
	}
	if playErr != nil {
		return g, fmt.Errorf("Play: %w", playErr)
	}
	if g.ExitCode != 0 {
		return g, fmt.Errorf("Play: Ponger's process ended with exit code %d", g.ExitCode)
	}
	return g, nil
}
