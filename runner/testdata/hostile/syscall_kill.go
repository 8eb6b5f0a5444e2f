// Signals its parent with the syscall package.
//
// want reason=compile
// want diagnostic "package syscall is not available"
package main

import (
	"os"
	"syscall"
)

func main() {
	syscall.Kill(os.Getppid(), syscall.SIGKILL)
}
