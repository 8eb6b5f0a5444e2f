// A file's own Chmod would reach the kernel without the check os.Chmod
// makes of the mode: it is withheld, whatever way the program reaches it.
//
// want reason=compile code=1
// want diagnostic "(os.File).Chmod is not available in the workbook sandbox: call os.Chmod with the file's name"
package main

import (
	"os"
)

type file struct{ *os.File }

func main() {
	f, _ := os.Create("tool")
	f.Chmod(os.ModeSetuid | 0o755)
	file{f}.Chmod(os.ModeSetuid | 0o755)
	chmod := f.Chmod
	chmod(os.ModeSetuid | 0o755)
}
