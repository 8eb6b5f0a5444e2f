// Waits on timers and a context deadline: slow, but not a deadlock.
//
// want code=0
// want stdout contains "done"
package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	<-time.After(300 * time.Millisecond)
	t := time.NewTimer(300 * time.Millisecond)
	<-t.C
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	<-ctx.Done()
	fmt.Println("done")
}
