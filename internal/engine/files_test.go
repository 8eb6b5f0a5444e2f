package engine

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// confinedDir makes, in a temporary directory, a working directory for a
// program and files around it that the program must not reach:
//
//	secret.txt           outside
//	work-other/x.txt     a sibling whose name starts with the directory's
//	work/                the program's directory
//	  a.txt, ..foo, d/b.txt
//	  up -> ../secret.txt, abs -> <base>/secret.txt, etc -> /etc
//	  absin -> <work>/a.txt, roundtrip -> ../work/a.txt
//	  in -> d/b.txt, loop -> loop
func confinedDir(t *testing.T) (c *confined, base, work string) {
	t.Helper()
	base = t.TempDir()
	work = filepath.Join(base, "work")
	for _, d := range []string{work, filepath.Join(work, "d"), filepath.Join(base, "work-other")} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for name, data := range map[string]string{
		filepath.Join(base, "secret.txt"):          "secret",
		filepath.Join(base, "work-other", "x.txt"): "secret",
		filepath.Join(work, "a.txt"):               "a",
		filepath.Join(work, "..foo"):               "dots",
		filepath.Join(work, "d", "b.txt"):          "b",
	} {
		if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for link, target := range map[string]string{
		"up":        "../secret.txt",
		"abs":       filepath.Join(base, "secret.txt"),
		"etc":       "/etc",
		"absin":     filepath.Join(work, "a.txt"),
		"roundtrip": "../work/a.txt",
		"in":        "d/b.txt",
		"loop":      "loop",
	} {
		if err := os.Symlink(target, filepath.Join(work, link)); err != nil {
			t.Fatal(err)
		}
	}
	c, err := confine(work)
	if err != nil {
		t.Fatal(err)
	}
	return c, base, work
}

// TestConfinedPaths: the paths a program may read, and those it may not,
// whatever way it spells them. A symbolic link is followed only where it
// stays inside the directory all the way, as os.Root does.
func TestConfinedPaths(t *testing.T) {
	c, base, work := confinedDir(t)
	tests := []struct {
		path string
		want string // the file's contents; "" for an error
	}{
		{"a.txt", "a"},
		{"./a.txt", "a"},
		{"d/b.txt", "b"},
		{"d/../a.txt", "a"},
		{"..foo", "dots"}, // a name that starts with "..", not a way up
		{work + "/a.txt", "a"},
		{work + "/d/../a.txt", "a"},
		{work + "/../work/a.txt", "a"}, // an absolute path is cleaned first
		{"in", "b"},

		{"../secret.txt", ""},
		{"d/../../secret.txt", ""},
		{"../work/a.txt", ""}, // out and back in: out is out
		{"/etc/passwd", ""},
		{"/proc/self/fd/1", ""},
		{"/proc/self/environ", ""},
		{base + "/secret.txt", ""},
		{work + "/../secret.txt", ""},
		{work + "-other/x.txt", ""}, // a sibling whose name starts with the directory's
		{"up", ""},
		{"abs", ""},
		{"absin", ""}, // an absolute link, even to a file inside
		{"roundtrip", ""},
		{"etc/passwd", ""},
		{"loop", ""},
		{"", ""},
		{"missing.txt", ""},
	}
	for _, tt := range tests {
		b, err := c.ReadFile(tt.path)
		switch {
		case tt.want == "" && err == nil:
			t.Errorf("ReadFile(%q) = %q; want an error", tt.path, b)
		case tt.want != "" && (err != nil || string(b) != tt.want):
			t.Errorf("ReadFile(%q) = %q, %v; want %q", tt.path, b, err, tt.want)
		}
		// The error names the path as the program gave it.
		var pe *fs.PathError
		if errors.As(err, &pe) && pe.Path != tt.path {
			t.Errorf("ReadFile(%q): error %v names %q; want the program's path", tt.path, err, pe.Path)
		}
		if _, err := c.Stat(tt.path); (err == nil) != (tt.want != "") {
			t.Errorf("Stat(%q) error = %v; want an error: %v", tt.path, err, tt.want == "")
		}
	}
	for _, p := range []string{"/etc/passwd", base + "/secret.txt"} {
		if _, err := c.ReadFile(p); !errors.Is(err, fs.ErrPermission) {
			t.Errorf("ReadFile(%q) = %v; want a permission error, as a real file system gives", p, err)
		}
	}
}

// TestConfinedWrites: nothing the program writes, makes, moves or
// removes is outside its directory.
func TestConfinedWrites(t *testing.T) {
	c, base, _ := confinedDir(t)
	refused := []struct {
		op  string
		err error
	}{
		{"WriteFile ../escape.txt", c.WriteFile("../escape.txt", []byte("x"), 0o644)},
		{"WriteFile /tmp/…/escape.txt", c.WriteFile(base+"/escape.txt", []byte("x"), 0o644)},
		{"WriteFile up (a link out)", c.WriteFile("up", []byte("x"), 0o644)},
		{"Mkdir ../escape.txt", c.Mkdir("../escape.txt", 0o755)},
		{"MkdirAll ../escape.txt/x", c.MkdirAll("../escape.txt/x", 0o755)},
		{"Rename a.txt ../escape.txt", c.Rename("a.txt", "../escape.txt")},
		{"Link a.txt ../escape.txt", c.Link("a.txt", "../escape.txt")},
		{"Symlink x ../escape.txt", c.Symlink("x", "../escape.txt")},
		{"Remove ../secret.txt", c.Remove("../secret.txt")},
		{"RemoveAll ../work-other", c.RemoveAll("../work-other")},
		{"Chmod ../secret.txt", c.Chmod("../secret.txt", 0o777)},
		{"Truncate ../secret.txt", c.Truncate("../secret.txt", 0)},
		{"Chmod setuid", c.Chmod("a.txt", 0o755|os.ModeSetuid)},
		{"Chmod setgid", c.Chmod("a.txt", 0o755|os.ModeSetgid)},
	}
	for _, r := range refused {
		if r.err == nil {
			t.Errorf("%s: no error; want it refused", r.op)
		}
	}
	if _, err := os.Lstat(filepath.Join(base, "escape.txt")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a file was made outside the directory (%v)", err)
	}
	for _, p := range []string{"secret.txt", "work-other/x.txt"} {
		if b, err := os.ReadFile(filepath.Join(base, p)); string(b) != "secret" {
			t.Errorf("%s outside the directory is now %q, %v", p, b, err)
		}
	}
	if fi, err := os.Stat(filepath.Join(base, "work", "a.txt")); err != nil || fi.Mode()&(os.ModeSetuid|os.ModeSetgid) != 0 {
		t.Errorf("a.txt: %v, %v; want it without setuid or setgid", fi.Mode(), err)
	}

	// A link may say anything; following it is confined.
	if err := c.Symlink("/etc/passwd", "mine"); err != nil {
		t.Errorf("Symlink(/etc/passwd, mine) = %v; want the link made", err)
	}
	if b, err := c.ReadFile("mine"); err == nil {
		t.Errorf("ReadFile through a link to /etc/passwd = %q; want an error", b)
	}
}

// TestConfinedChdir: the program's current directory moves inside the
// directory, and relative paths follow it; never the process's own.
func TestConfinedChdir(t *testing.T) {
	c, _, work := confinedDir(t)
	cwd, _ := os.Getwd()
	for _, dir := range []string{"..", "../work-other", "/etc", "a.txt", "missing", "etc"} {
		if err := c.Chdir(dir); err == nil {
			t.Errorf("Chdir(%q) succeeded; want an error", dir)
		}
	}
	if err := c.Chdir("d"); err != nil {
		t.Fatal(err)
	}
	if wd, _ := c.Getwd(); wd != filepath.Join(work, "d") {
		t.Errorf("Getwd() after Chdir(d) = %q; want %q", wd, filepath.Join(work, "d"))
	}
	for path, want := range map[string]string{"b.txt": "b", "../a.txt": "a", work + "/a.txt": "a", "../../secret.txt": ""} {
		b, err := c.ReadFile(path)
		if got := string(b); got != want || (want == "") != (err != nil) {
			t.Errorf("after Chdir(d): ReadFile(%q) = %q, %v; want %q", path, b, err, want)
		}
	}
	if got, _ := c.Abs("b.txt"); got != filepath.Join(work, "d", "b.txt") {
		t.Errorf("Abs(b.txt) = %q; want %q", got, filepath.Join(work, "d", "b.txt"))
	}
	if now, _ := os.Getwd(); now != cwd {
		t.Errorf("the process's directory moved from %q to %q", cwd, now)
	}
}

// TestConfinedFS: the functions that list and walk stay inside too.
func TestConfinedFS(t *testing.T) {
	c, base, work := confinedDir(t)
	if got, err := c.EvalSymlinks("in"); err != nil || got != "d/b.txt" {
		t.Errorf("EvalSymlinks(in) = %q, %v; want d/b.txt", got, err)
	}
	for _, p := range []string{"abs", "up", "etc"} {
		if got, err := c.EvalSymlinks(p); err == nil {
			t.Errorf("EvalSymlinks(%q) = %q; want an error", p, got)
		}
	}
	if got, err := c.Glob("d/*.txt"); err != nil || !slices.Equal(got, []string{"d/b.txt"}) {
		t.Errorf("Glob(d/*.txt) = %q, %v", got, err)
	}
	if got, err := c.Glob(work + "/d/*"); err != nil || !slices.Equal(got, []string{work + "/d/b.txt"}) {
		t.Errorf("Glob(%s/d/*) = %q, %v", work, got, err)
	}
	for _, pattern := range []string{"/etc/*", base + "/*.txt"} {
		if got, _ := c.Glob(pattern); len(got) != 0 {
			t.Errorf("Glob(%q) = %q; want nothing", pattern, got)
		}
	}
	if _, err := c.DirFS("..").Open("secret.txt"); err == nil {
		t.Error("DirFS(..).Open(secret.txt) succeeded; want an error")
	}
	if b, err := fs.ReadFile(c.DirFS("d"), "b.txt"); err != nil || string(b) != "b" {
		t.Errorf("DirFS(d): b.txt = %q, %v", b, err)
	}
	var walked []string
	c.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		walked = append(walked, p)
		return nil
	})
	for _, p := range walked {
		if p == "up" || p == "etc" {
			continue // the links themselves, not followed
		}
		if filepath.IsAbs(p) || p == ".." || len(p) > 2 && p[:3] == "../" {
			t.Errorf("WalkDir(.) visited %q", p)
		}
	}
	if !slices.Contains(walked, "d/b.txt") || slices.Contains(walked, "etc/passwd") {
		t.Errorf("WalkDir(.) visited %q; want d/b.txt and nothing under etc", walked)
	}
	var told error
	c.WalkDir("..", func(p string, d fs.DirEntry, err error) error {
		if err == nil {
			t.Errorf("WalkDir(..) visited %q", p)
		}
		told = err
		return err
	})
	if told == nil {
		t.Error("WalkDir(..): the function was not told of an error")
	}
}

func TestTempName(t *testing.T) {
	c := &confined{dir: "/work"}
	tests := []struct {
		dir, pattern        string
		wantDir, wantPrefix string
		wantSuffix          string
	}{
		{"", "x*.txt", "/work", "x", ".txt"},
		{"", "plain", "/work", "plain", ""},
		{"sub", "a*b*c", "sub", "a*b", "c"}, // the last star
		{"/work/d", "*", "/work/d", "", ""},
	}
	for _, tt := range tests {
		got := c.tempName(tt.dir, tt.pattern)
		dir, name := filepath.Split(got)
		if filepath.Clean(dir) != tt.wantDir || len(name) <= len(tt.wantPrefix)+len(tt.wantSuffix) ||
			name[:len(tt.wantPrefix)] != tt.wantPrefix || name[len(name)-len(tt.wantSuffix):] != tt.wantSuffix {
			t.Errorf("tempName(%q, %q) = %q; want %s/%s<number>%s", tt.dir, tt.pattern, got, tt.wantDir, tt.wantPrefix, tt.wantSuffix)
		}
	}
	if a, b := c.tempName("", "x*"), c.tempName("", "x*"); a == b {
		t.Errorf("two temporary names are both %q", a)
	}
}
