package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"workbook/runner"
)

// TestMain makes the test binary serve as the workbook command in scripts
// and as the sandbox child the command starts.
func TestMain(m *testing.M) {
	runner.Child()
	os.Exit(testscript.RunMain(m, map[string]func() int{
		"workbook": func() int {
			return run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
		},
	}))
}

// TestScripts runs the command end to end: testdata/script/*.txtar.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			// Race detection builds the race-enabled child from this
			// source tree, into a cache shared with other runs.
			if dir, err := os.UserCacheDir(); err == nil {
				env.Setenv("XDG_CACHE_HOME", dir)
			}
			env.Setenv("HOME", os.Getenv("HOME"))
			// A small exercise set of one's own, for init and check.
			set, err := filepath.Abs("exercises/testdata/set")
			if err != nil {
				return err
			}
			env.Setenv("TESTSET", set)
			builtin, err := filepath.Abs("exercises/_set")
			if err != nil {
				return err
			}
			env.Setenv("BUILTIN", builtin)
			return nil
		},
	})
}

// TestUsageExamples runs the programs of examples/ the way workbook run's
// usage shows them, and checks how each ends.
func TestUsageExamples(t *testing.T) {
	for _, tt := range []struct {
		args []string
		code int
		want string // in the output
	}{
		{[]string{"run", "examples/hello.go"}, 0, "Hello from a goroutine"},
		{[]string{"run", "--race", "examples/counter.go"}, 66, "count (local variable of main.main)"},
		{[]string{"run", "--timeout", "2s", "--json", "examples/deadlock.go"}, 80, `"kind":"deadlock"`},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var out strings.Builder
			code := run(t.Context(), tt.args, strings.NewReader(""), &out, &out)
			if code != tt.code || !strings.Contains(out.String(), tt.want) {
				t.Errorf("workbook %s: exit %d, output:\n%s\nwant exit %d and %q", strings.Join(tt.args, " "), code, out.String(), tt.code, tt.want)
			}
		})
	}
}
