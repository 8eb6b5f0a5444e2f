package lessons

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"
)

// pythonBlock is a Python block of a lesson.
var pythonBlock = regexp.MustCompile("(?s)\n```python\n(.*?)```")

// TestPythonExamples runs every Python example of both editions: the
// lessons compare Go with Python, and an example a reader copies must run
// as it is. It needs python3, which CI has; without it, the test is
// skipped.
func TestPythonExamples(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("python3 is not on PATH")
		}
		t.Skip("python3 is not on PATH")
	}
	files, _ := filepath.Glob("*/*.md")
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for i, m := range pythonBlock.FindAllSubmatch(src, -1) {
			t.Run(file+"#"+strconv.Itoa(i+1), func(t *testing.T) {
				t.Parallel()
				ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
				defer cancel()
				cmd := exec.CommandContext(ctx, python, "-c", string(m[1]))
				cmd.Dir = t.TempDir()
				if out, err := cmd.CombinedOutput(); err != nil {
					t.Errorf("Python example %d of %s: %v\n%s", i+1, file, err, out)
				}
			})
		}
	}
}
