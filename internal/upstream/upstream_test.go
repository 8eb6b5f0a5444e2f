package upstream

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite "+knownFile+" from this run")

const (
	// testDir holds upstream's programs.
	testDir = "../../third_party/yaegi/_test"
	// knownFile lists the programs that fail or do not apply.
	knownFile = testDir + "/KNOWN_FAILURES"
	// timeout bounds one program's run, compilation included. The slowest
	// program that passes takes about a second on two loaded cores.
	timeout = 10 * time.Second
)

// TestPrograms runs each program of upstream's _test directory in a
// subtest and holds the outcome to KNOWN_FAILURES.
func TestPrograms(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(testDir, "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no programs in %s: %v", testDir, err)
	}
	known, err := readKnown(knownFile)
	if err != nil && !(*update && errors.Is(err, fs.ErrNotExist)) {
		t.Fatal(err)
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	r := runner{exe: exe, root: gopath(t)}

	var mu sync.Mutex
	outcomes := map[string]string{} // program name to reason; "" when it passes
	t.Cleanup(func() {
		programs := map[string]bool{}
		for _, f := range files {
			programs[filepath.Base(f)] = true
		}
		next := map[string]string{}
		for name, reason := range known {
			if !programs[name] {
				t.Errorf("KNOWN_FAILURES lists %s, which is not a program of %s", name, testDir)
				continue
			}
			next[name] = reason // also kept for the programs -run left out
		}
		if !*update {
			return
		}
		for name, reason := range outcomes {
			old, listed := known[name]
			switch {
			case reason == "":
				delete(next, name)
			case listed && !strings.HasPrefix(old, naPrefix) && !strings.HasPrefix(reason, naPrefix):
				// Still failing: keep the reason someone may have written.
			default:
				next[name] = reason
			}
		}
		if err := os.WriteFile(knownFile, formatKnown(next), 0o644); err != nil {
			t.Error(err)
		}
	})

	for _, file := range files {
		name := filepath.Base(file)
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			reason := r.check(t, name)
			mu.Lock()
			outcomes[name] = reason
			mu.Unlock()

			old, listed := known[name]
			na, oldNA := strings.HasPrefix(reason, naPrefix), strings.HasPrefix(old, naPrefix)
			switch {
			case *update:
			case na && old != reason:
				t.Errorf("%s; KNOWN_FAILURES says %q (go test ./internal/upstream -update rewrites it)", reason, old)
			case reason == "" && listed:
				t.Errorf("passes; KNOWN_FAILURES lists it: %q (go test ./internal/upstream -update removes it)", old)
			case reason != "" && !na && (!listed || oldNA):
				t.Errorf("fails (%s); KNOWN_FAILURES does not list it as failing: a regression of the fork?", reason)
			}
			if na {
				t.Skip(reason)
			}
		})
	}
}

// A runner runs programs in children.
type runner struct {
	exe  string // the test binary, which runs a program when asked (TestMain)
	root string // a GOPATH where the copy of yaegi is github.com/traefik/yaegi
}

// dir is where the children run: upstream's test runs from its interp
// directory, and names the programs ../_test/name.
func (r runner) dir() string {
	return filepath.Join(r.root, "src", "github.com", "traefik", "yaegi", "interp")
}

// check runs the program name, as upstream's runCheck does, and returns why
// it fails or does not apply, or "" if it passes. What it got and what was
// wanted are logged.
func (r runner) check(t *testing.T, name string) string {
	prog := "../_test/" + name
	want, wantErr, goPath := wanted(filepath.Join(testDir, name))
	if goPath == "" {
		goPath = r.root
	} else {
		goPath = filepath.Join(r.dir(), "..", "_test", goPath)
	}
	switch {
	case notApplicable[name] != "":
		return naPrefix + notApplicable[name]
	case want == "":
		return naPrefix + "no Output or Error comment to compare with"
	}
	if why := whyNot(filepath.Join(testDir, name), goPath); why != "" {
		return naPrefix + why
	}

	res, failed := r.run(t, prog, goPath)
	if failed != "" {
		return failed
	}
	switch {
	case wantErr && res.Err == "":
		t.Logf("got no error\nwant error: %q\noutput:\n%s", want, res.Output)
		return "no error where one is wanted"
	case wantErr && !strings.Contains(strings.TrimSpace(res.Err), want):
		t.Logf("got error: %q\nwant error: %q", res.Err, want)
		return "another error than the one wanted"
	case wantErr:
		return ""
	case res.Panicked:
		t.Logf("the interpreter panicked: %s\noutput:\n%s", res.Err, res.Output)
		return "the interpreter panics"
	case res.Err != "":
		t.Logf("got error: %s\noutput:\n%s\nwant output:\n%s", res.Err, res.Output, want)
		return "error where output is wanted"
	}
	// Remove the program's path from the output, as upstream does. Either
	// standard output is wanted, or, where the program prints with print
	// or println, both streams.
	clean := func(s string) string { return strings.ReplaceAll(strings.TrimSpace(s), prog+":", "") }
	if clean(res.Stdout) != want && clean(res.Output) != want {
		t.Logf("got output:\n%s\nwant:\n%s", clean(res.Output), want)
		return "wrong output"
	}
	return ""
}

// run runs the program prog in a child process, with the interpreter's
// GOPATH goPath. It returns the child's result, or why there is none.
func (r runner) run(t *testing.T, prog, goPath string) (result, string) {
	tmp := t.TempDir()
	resFile := filepath.Join(tmp, "result.json")
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, r.exe)
	cmd.Dir = r.dir()
	cmd.Env = append(os.Environ(),
		"PWD="+cmd.Dir,          // os.Getwd, which the interpreter calls, keeps the path through the link
		"TMPDIR="+tmp,           // the files programs create
		"YAEGI_SPECIAL_STDIO=1", // as upstream's TestFile: os.Stdout is the interpreter's
		envProgram+"="+prog,
		envGoPath+"="+goPath,
		envResult+"="+resFile,
	)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	cmd.WaitDelay = time.Second
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Logf("killed after %v; output:\n%s", timeout, out.Bytes())
		return result{}, fmt.Sprintf("does not end within %v", timeout)
	}
	b, rerr := os.ReadFile(resFile)
	if rerr != nil {
		t.Logf("the child ended without a result (%v); output:\n%s", err, out.Bytes())
		return result{}, crashLine(out.String(), err)
	}
	var res result
	if err := json.Unmarshal(b, &res); err != nil {
		t.Fatal(err)
	}
	return res, ""
}

// crashLine says why a child ended without a result: the line of its
// output that says why it crashed, or how it exited (os.Exit).
func crashLine(out string, err error) string {
	for line := range strings.Lines(out) {
		if strings.HasPrefix(line, "fatal error:") || strings.HasPrefix(line, "panic:") {
			return "crashes: " + crashDetail.ReplaceAllString(strings.TrimSpace(line), "")
		}
	}
	return fmt.Sprintf("ends without a result (%v)", err)
}

// crashDetail is what varies from run to run in a crash's first line.
var crashDetail = regexp.MustCompile(` \[recovered\]|0x[0-9a-f]+`)

// wanted returns what the program's last comment wants, as upstream's
// wantedFromComment reads it: its output, or (wantErr) part of its error,
// and the GOPATH it names, relative to the _test directory.
func wanted(file string) (want string, wantErr bool, goPath string) {
	f, _ := parser.ParseFile(token.NewFileSet(), file, nil, parser.ParseComments)
	if f == nil || len(f.Comments) == 0 {
		return "", false, ""
	}
	text := f.Comments[len(f.Comments)-1].Text()
	if first, rest, ok := strings.Cut(text, "\n"); ok && strings.HasPrefix(first, "GOPATH:") {
		goPath, text = strings.TrimPrefix(first, "GOPATH:"), rest
	}
	if w, ok := strings.CutPrefix(text, "Output:\n"); ok {
		return strings.TrimSpace(w), false, goPath
	}
	if w, ok := strings.CutPrefix(text, "Error:\n"); ok {
		return strings.TrimSpace(w), true, goPath
	}
	return "", false, goPath
}

// gopath returns a temporary GOPATH where the workbook's copy of yaegi is
// github.com/traefik/yaegi, as upstream's CI checks it out: the programs
// import their packages as github.com/traefik/yaegi/_test/….
func gopath(t *testing.T) string {
	root := t.TempDir()
	yaegi, err := filepath.Abs(filepath.Join(testDir, ".."))
	if err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(root, "src", "github.com", "traefik", "yaegi")
	if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(yaegi, link); err != nil {
		t.Fatal(err)
	}
	return root
}
