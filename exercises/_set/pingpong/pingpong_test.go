package pingpong_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"pingpong"
	"workbook/proc"
)

// A test binary built with the race detector sleeps a second before it
// exits, and so does every process proc starts from it, unless GORACE says
// otherwise. Processes started from here inherit this environment.
func init() {
	os.Setenv("GORACE", strings.TrimSpace("atexit_sleep_ms=0 "+os.Getenv("GORACE")))
}

// patience is how long a test waits for another process before it says
// that something hangs. A game of a few rounds takes milliseconds.
const patience = 3 * time.Second

// hung is set once a call of Play has not returned: its process may still
// be waiting, and the tests after it fail at once.
var hung string

// play calls pingpong.Play(rounds), and fails the test if it has not
// returned within patience.
func play(t *testing.T, rounds int) (pingpong.Game, error) {
	t.Helper()
	if hung != "" {
		t.Fatalf("not tried: an earlier call, %s, never returned (fix that first)", hung)
	}
	type result struct {
		g   pingpong.Game
		err error
	}
	done := make(chan result, 1)
	go func() {
		g, err := pingpong.Play(rounds)
		done <- result{g, err}
	}()
	select {
	case r := <-done:
		return r.g, r.err
	case <-time.After(patience):
		hung = fmt.Sprintf("Play(%d)", rounds)
		t.Fatalf("Play(%d) had not returned after %v: it waits for something that never comes. "+
			"Does Ponger's process end (close your end of the pipe, so that its Recv returns io.EOF) before you Join it?", rounds, patience)
		return pingpong.Game{}, nil
	}
}

// wantLog is the log of a game of n rounds.
func wantLog(n int) []string {
	var log []string
	for i := 1; i <= n; i++ {
		log = append(log, fmt.Sprintf("ping %d", i), fmt.Sprintf("pong %d", i))
	}
	return log
}

func TestPongerAnswersEachPing(t *testing.T) {
	here, there := proc.Pipe()
	defer here.Close()
	p, err := proc.Start(pingpong.Ponger, there)
	if err != nil {
		t.Fatalf("proc.Start(Ponger, conn) = %v; want Ponger to start in a new process", err)
	}
	there.Close()

	// Numbers out of order, so that Ponger must read each ping.
	nums := []int{rand.IntN(1000) + 10, rand.IntN(1000) + 2000, 7, rand.IntN(1000) + 5000}
	talked := make(chan string, 1)
	go func() {
		for _, n := range nums {
			ping := fmt.Sprintf("ping %d", n)
			if err := here.Send(ping); err != nil {
				talked <- fmt.Sprintf("sending %q to Ponger: %v", ping, err)
				return
			}
			var pong string
			if err := here.Recv(&pong); err != nil {
				talked <- fmt.Sprintf("after %q, receiving Ponger's answer: %v (Ponger's process ended, or did not answer)", ping, err)
				return
			}
			if want := fmt.Sprintf("pong %d", n); pong != want {
				talked <- fmt.Sprintf("Ponger answered %q with %q; want %q", ping, pong, want)
				return
			}
		}
		talked <- ""
	}()
	select {
	case problem := <-talked:
		if problem != "" {
			t.Fatal(problem)
		}
	case <-time.After(patience):
		t.Fatalf("Ponger, started in a process of its own and sent %q, had not answered after %v", fmt.Sprintf("ping %d", nums[0]), patience)
	}

	here.Close() // the game is over: Ponger's Recv returns io.EOF
	joined := make(chan bool)
	go func() {
		p.Join()
		close(joined)
	}()
	select {
	case <-joined:
	case <-time.After(patience):
		t.Fatalf("Ponger's process had not ended %v after the other end of its pipe was closed: Ponger should return when Recv returns io.EOF", patience)
	}
	if code := p.ExitCode(); code != 0 {
		t.Errorf("Ponger's process ended with exit code %d once the other end of its pipe was closed; want 0: when Recv returns io.EOF the game is over, and Ponger returns nil", code)
	}
}

func TestPlayLog(t *testing.T) {
	for _, rounds := range []int{1, 2, 3 + rand.IntN(8)} {
		g, err := play(t, rounds)
		if err != nil {
			t.Fatalf("Play(%d) returned the error %v; want a game of %d rounds", rounds, err, rounds)
		}
		if want := wantLog(rounds); !slices.Equal(g.Log, want) {
			t.Fatalf("Play(%d).Log = %q; want %q", rounds, g.Log, want)
		}
	}
}

func TestPlayRunsAnotherProcess(t *testing.T) {
	g, err := play(t, 2)
	if err != nil {
		t.Fatalf("Play(2) returned the error %v", err)
	}
	if g.Pid <= 0 {
		t.Fatalf("Play(2).Pid = %d; want the pid of the process that ran Ponger (p.Pid())", g.Pid)
	}
	if g.Pid == os.Getpid() {
		t.Fatalf("Play(2).Pid = %d, the pid of the process that called Play: Ponger must run in a new process, started with proc, not in a goroutine", g.Pid)
	}
}

func TestPlayJoinsPonger(t *testing.T) {
	g, err := play(t, 3)
	if g.ExitCode == -1 {
		t.Fatalf("Play(3).ExitCode = -1: Ponger's process had not ended when Play returned. " +
			"Close your end of the pipe, so that Ponger sees io.EOF and returns, then Join the process, and only then read its ExitCode")
	}
	if g.ExitCode != 0 {
		t.Fatalf("Play(3).ExitCode = %d; want 0 (Ponger returns nil once the game is over)", g.ExitCode)
	}
	if err != nil {
		t.Fatalf("Play(3) returned the error %v", err)
	}
}

func TestPlayInvalidRounds(t *testing.T) {
	for _, rounds := range []int{0, -1 - rand.IntN(100)} {
		g, err := play(t, rounds)
		if err == nil {
			t.Errorf("Play(%d) returned no error (and a log of %d lines); want an error: a game has at least 1 round", rounds, len(g.Log))
		}
	}
}
