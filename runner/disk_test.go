package runner_test

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"workbook/runner"
)

// TestDiskBound: where the private directory is a tmpfs of its own (a
// runner started as root), the kernel stops a fast writer at the disk
// limit, where the runner's count, ten times a second, let one write
// more than twice the limit before it looked.
func TestDiskBound(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("the private directory is a tmpfs only for a runner started as root")
	}
	const limit = 32 << 20
	src := `package main

import (
	"fmt"
	"os"
)

func main() {
	block := make([]byte, 1<<20)
	written := 0
	for i := 0; ; i++ {
		n := 0
		f, err := os.Create(fmt.Sprint("part", i))
		if err == nil {
			n, _ = f.Write(block)
			f.Close()
		}
		written += n
		fmt.Println(written)
	}
}
`
	res, out := runFiles(t, runner.Options{Limits: runner.Limits{Disk: limit}}, runner.File{Name: "fill.go", Src: []byte(src)})
	if res.Limit == nil || res.Limit.Name != "disk" && res.Limit.Name != "files" {
		t.Fatalf("the run ended with %s (%s); want the disk or files limit", res.Reason, res.Message)
	}
	lines := strings.Fields(out.stdout.String())
	if len(lines) == 0 {
		t.Fatal("the program wrote nothing")
	}
	written, _ := strconv.Atoi(lines[len(lines)-1])
	if max := limit + 1<<20; written > max {
		t.Errorf("the program wrote %d MiB with a disk limit of %d MiB", written>>20, limit>>20)
	}
}
