// A program the runner started as root runs as nobody: whatever got past
// the other layers would have no more rights on the host than that user,
// and the files it makes are nobody's. (Run by a user other than root, the
// program is that user, which is not root either.)
//
// want reason=exit code=0
// want stdout contains "uid not root, gid not root"
// want stdout contains "file not root's"
package main

import (
	"fmt"
	"os"
)

func main() {
	who := func(id int) string {
		if id == 0 {
			return "root"
		}
		return "not root"
	}
	fmt.Printf("uid %s, gid %s\n", who(os.Geteuid()), who(os.Getegid()))
	if err := os.WriteFile("mine.txt", []byte("x"), 0o644); err != nil {
		fmt.Println(err)
	}
	fi, err := os.Stat("mine.txt")
	if err != nil {
		fmt.Println(err)
		return
	}
	// The file's owner is out of the allowlist's reach (syscall is
	// withheld), but root's rights are not: root writes a read-only file.
	os.Chmod("mine.txt", 0o444)
	if f, err := os.OpenFile("mine.txt", os.O_WRONLY, 0); err != nil {
		fmt.Println("file not root's")
	} else {
		f.Close()
		fmt.Println("file writable without permission: root's", fi.Mode())
	}
}
