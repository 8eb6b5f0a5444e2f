// Two ends of a pipe: what one sends, the other receives; the end learns
// when the other process is gone.
//
// want reason=exit code=0
// want stdout contains "PING PONG EOF"
package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"workbook/proc"
)

func echo(c *proc.Conn) {
	for range 2 {
		var s string
		c.Recv(&s)
		c.Send(strings.ToUpper(s))
	}
}

func main() {
	here, there := proc.Pipe()
	p, err := proc.Start(echo, there)
	if err != nil {
		panic(err)
	}
	there.Close()
	for _, s := range []string{"ping", "pong"} {
		here.Send(s)
		var got string
		here.Recv(&got)
		fmt.Print(got, " ")
	}
	var s string
	if err := here.Recv(&s); errors.Is(err, io.EOF) {
		fmt.Println("EOF")
	} else {
		fmt.Println("not EOF:", err)
	}
	p.Join()
}
