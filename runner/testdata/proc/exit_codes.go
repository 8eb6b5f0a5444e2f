// How processes end, as their exit codes say.
//
// want reason=exit code=0
// want stdout contains "ok 0, error 1, exit 3, panic 2, deadlock 2, kill -9, terminate -15"
// want stderr contains "fail: it went wrong"
// want stderr contains "panic: oh no"
// want stderr contains "fatal error: all goroutines are asleep - deadlock!"
package main

import (
	"errors"
	"fmt"
	"os"
	"time"

	"workbook/proc"
)

func fail(how string) error {
	switch how {
	case "error":
		return errors.New("it went wrong")
	case "exit":
		os.Exit(3)
	case "panic":
		panic("oh no")
	case "deadlock":
		<-make(chan int)
	case "sleep":
		time.Sleep(time.Minute)
	}
	return nil
}

func main() {
	for _, how := range []string{"ok", "error", "exit", "panic", "deadlock", "kill", "terminate"} {
		arg := how
		if how == "kill" || how == "terminate" {
			arg = "sleep"
		}
		p, err := proc.Start(fail, arg)
		if err != nil {
			panic(err)
		}
		switch how {
		case "kill":
			p.Kill()
		case "terminate":
			p.Terminate()
		}
		p.Join()
		sep := ", "
		if how == "terminate" {
			sep = "\n"
		}
		fmt.Printf("%s %d%s", how, p.ExitCode(), sep)
	}
}
