// Sleeps: that is not a deadlock.
//
// run timeout=1s
// want reason=limit limit=time code=81
package main

import "time"

func main() {
	time.Sleep(time.Hour)
}
