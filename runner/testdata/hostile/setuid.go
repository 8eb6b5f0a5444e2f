// Running as root, a program tries to leave a setuid or setgid file or
// directory of its choosing on the host: every way of setting those bits
// is refused (os.Root refuses them on creation, the engine's os.Chmod on
// chmod, and seccomp both, beneath them), and no such file exists. A
// file's own Chmod method is withheld: file_chmod.go.
//
// want reason=exit code=0
// want stdout contains "chmod: chmodat tool: operation not permitted"
// want stdout contains "create: openat tool2: unsupported file mode"
// want stdout contains "mkdir: mkdirat dir: unsupported file mode"
// want stdout contains "no setuid or setgid file"
package main

import (
	"fmt"
	"io/fs"
	"os"
)

func main() {
	os.WriteFile("tool", []byte("#!/bin/sh\nid\n"), 0o755)
	fmt.Println("chmod:", os.Chmod("tool", os.ModeSetuid|0o755))
	_, err := os.OpenFile("tool2", os.O_CREATE|os.O_WRONLY, os.ModeSetgid|0o755)
	fmt.Println("create:", err)
	fmt.Println("mkdir:", os.Mkdir("dir", os.ModeSetgid|0o777))
	os.Chmod(".", 0o777) // open to others: allowed, but nothing in it is setuid

	found := false
	fs.WalkDir(os.DirFS("."), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if fi, err := d.Info(); err == nil && fi.Mode()&(fs.ModeSetuid|fs.ModeSetgid) != 0 {
			fmt.Println(name, "is setuid or setgid:", fi.Mode())
			found = true
		}
		return nil
	})
	if !found {
		fmt.Println("no setuid or setgid file")
	}
}
