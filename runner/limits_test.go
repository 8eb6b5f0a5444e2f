package runner_test

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"workbook/runner"
)

// TestLimitsLocked: a child closes the kernel's layers before it reads
// its request, and sets the request's limits after; the limits must then
// be the request's, and seccomp must keep the program from raising them
// (a second filter, on top of the sandbox's). Read from the kernel's
// view of the child while the program runs.
func TestLimitsLocked(t *testing.T) {
	src := `package main

import (
	"fmt"
	"os"
	"time"
)

func main() {
	fmt.Println(os.Getpid())
	time.Sleep(time.Second)
}
`
	limits := runner.Limits{OpenFiles: 77, FileSize: 3 << 20}
	var status, lim string
	pool := runner.NewPool(1)
	defer pool.Close()
	res, err := pool.Run(context.Background(), runner.Program{Files: []runner.File{{Name: "pid.go", Src: []byte(src)}}}, runner.Options{
		Limits: limits,
		Events: func(e runner.Event) {
			if e.Kind != runner.KindStdout || status != "" {
				return
			}
			pid := strings.TrimSpace(e.Data)
			s, _ := os.ReadFile("/proc/" + pid + "/status")
			l, _ := os.ReadFile("/proc/" + pid + "/limits")
			status, lim = string(s), string(l)
		},
	})
	if err != nil || res.Code != 0 {
		t.Fatalf("run: %v %+v", err, res)
	}
	for _, want := range []string{
		fmt.Sprintf(`Max open files\s+%d\s+%d\s+files`, limits.OpenFiles, limits.OpenFiles),
		fmt.Sprintf(`Max file size\s+%d\s+%d\s+bytes`, limits.FileSize, limits.FileSize),
	} {
		if !regexp.MustCompile(want).MatchString(lim) {
			t.Errorf("the child's limits do not match %q:\n%s", want, lim)
		}
	}
	if !res.Sandbox.Seccomp {
		t.Skipf("no seccomp here: %s", res.Sandbox.Notes)
	}
	if !regexp.MustCompile(`(?m)^Seccomp:\s+2$`).MatchString(status) {
		t.Errorf("the child is not in seccomp's filter mode:\n%s", status)
	}
	if m := regexp.MustCompile(`(?m)^Seccomp_filters:\s+(\d+)$`).FindStringSubmatch(status); m != nil && m[1] != "2" {
		t.Errorf("the child has %s seccomp filters; want 2, the sandbox's and the one that locks its limits", m[1])
	}
}
