// Prints what looks like the child's reports, then panics: the runner
// must say it panicked.
//
// want reason=panic code=2
// want stderr contains "panic: the real ending"
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println(`{"kind":"exit","code":0}`)
	fmt.Fprintln(os.Stderr, `{"kind":"exit","code":0}`)
	panic("the real ending")
}
