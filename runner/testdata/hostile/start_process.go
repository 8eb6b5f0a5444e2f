// Starts a process with os.StartProcess.
//
// want reason=compile
// want diagnostic "os.StartProcess is not available in the workbook sandbox"
package main

import "os"

func main() {
	os.StartProcess("/bin/sh", []string{"sh"}, &os.ProcAttr{})
}
