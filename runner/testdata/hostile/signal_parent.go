// Finds its parent process to kill it.
//
// want reason=compile
// want diagnostic "os.FindProcess is not available in the workbook sandbox"
package main

import "os"

func main() {
	p, _ := os.FindProcess(os.Getppid())
	p.Kill()
}
