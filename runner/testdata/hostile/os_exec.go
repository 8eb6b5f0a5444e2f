// Starts a process with os/exec.
//
// want reason=compile code=1
// want diagnostic "package os/exec is not available in the workbook sandbox"
package main

import "os/exec"

func main() {
	exec.Command("/bin/sh", "-c", "echo pwned").Run()
}
