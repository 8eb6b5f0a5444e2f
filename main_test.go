package main

import (
	"context"
	"os"
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
			return nil
		},
	})
}
