package engine

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// confined is the file system a program sees: its private working
// directory and nothing else. Every path goes through an os.Root, which
// resolves symbolic links and ".." without ever leaving the directory, so
// a program cannot reach /proc/self/fd, the runner's files or the host's.
// The current directory is kept here too: os.Chdir moves it inside the
// root, never the process's own.
type confined struct {
	root *os.Root
	dir  string // absolute path of the root
	mu   sync.Mutex
	cwd  string // slash-separated, relative to the root; "." at the start
	seq  atomic.Uint64
}

func confine(dir string) (*confined, error) {
	r, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &confined{root: r, dir: dir, cwd: "."}, nil
}

// rel turns a path of the program into a path relative to the root, or
// fails with the error a real file system gives for a path it may not
// reach.
func (c *confined) rel(op, name string) (string, error) {
	if name == "" {
		return "", &fs.PathError{Op: op, Path: name, Err: fs.ErrNotExist}
	}
	if filepath.IsAbs(name) {
		r, err := filepath.Rel(c.dir, name)
		if err != nil || r == ".." || len(r) > 2 && r[:3] == "../" {
			return "", &fs.PathError{Op: op, Path: name, Err: fs.ErrPermission}
		}
		return filepath.ToSlash(r), nil
	}
	c.mu.Lock()
	cwd := c.cwd
	c.mu.Unlock()
	return path.Join(cwd, filepath.ToSlash(name)), nil
}

// fixErr puts the program's own path back into an error of the root,
// which names the path relative to it.
func fixErr(err error, name string) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		pe.Path = name
	}
	return err
}

func (c *confined) Open(name string) (*os.File, error) {
	return c.OpenFile(name, os.O_RDONLY, 0)
}

func (c *confined) Create(name string) (*os.File, error) {
	return c.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o666)
}

func (c *confined) OpenFile(name string, flag int, perm os.FileMode) (*os.File, error) {
	r, err := c.rel("open", name)
	if err != nil {
		return nil, err
	}
	f, err := c.root.OpenFile(r, flag, perm)
	return f, fixErr(err, name)
}

func (c *confined) ReadFile(name string) ([]byte, error) {
	r, err := c.rel("open", name)
	if err != nil {
		return nil, err
	}
	b, err := c.root.ReadFile(r)
	return b, fixErr(err, name)
}

func (c *confined) WriteFile(name string, data []byte, perm os.FileMode) error {
	r, err := c.rel("open", name)
	if err != nil {
		return err
	}
	return fixErr(c.root.WriteFile(r, data, perm), name)
}

func (c *confined) pathOp(op, name string, f func(string) error) error {
	r, err := c.rel(op, name)
	if err != nil {
		return err
	}
	return fixErr(f(r), name)
}

func (c *confined) Remove(name string) error {
	return c.pathOp("remove", name, c.root.Remove)
}

func (c *confined) RemoveAll(name string) error {
	return c.pathOp("unlinkat", name, c.root.RemoveAll)
}

func (c *confined) Mkdir(name string, perm os.FileMode) error {
	return c.pathOp("mkdir", name, func(r string) error { return c.root.Mkdir(r, perm) })
}

func (c *confined) MkdirAll(name string, perm os.FileMode) error {
	return c.pathOp("mkdir", name, func(r string) error { return c.root.MkdirAll(r, perm) })
}

func (c *confined) Chmod(name string, mode os.FileMode) error {
	if mode&(os.ModeSetuid|os.ModeSetgid) != 0 {
		// Running as root, the program would leave a setuid file of its
		// choosing on the host (seccomp refuses it too, beneath this).
		return &fs.PathError{Op: "chmodat", Path: name, Err: syscall.EPERM}
	}
	return c.pathOp("chmod", name, func(r string) error { return c.root.Chmod(r, mode) })
}

func (c *confined) Chtimes(name string, atime, mtime time.Time) error {
	return c.pathOp("chtimes", name, func(r string) error { return c.root.Chtimes(r, atime, mtime) })
}

func (c *confined) Truncate(name string, size int64) error {
	return c.pathOp("truncate", name, func(r string) error {
		f, err := c.root.OpenFile(r, os.O_WRONLY, 0)
		if err != nil {
			return err
		}
		defer f.Close()
		return f.Truncate(size)
	})
}

func (c *confined) Stat(name string) (os.FileInfo, error) {
	r, err := c.rel("stat", name)
	if err != nil {
		return nil, err
	}
	fi, err := c.root.Stat(r)
	return fi, fixErr(err, name)
}

func (c *confined) Lstat(name string) (os.FileInfo, error) {
	r, err := c.rel("lstat", name)
	if err != nil {
		return nil, err
	}
	fi, err := c.root.Lstat(r)
	return fi, fixErr(err, name)
}

func (c *confined) Readlink(name string) (string, error) {
	r, err := c.rel("readlink", name)
	if err != nil {
		return "", err
	}
	s, err := c.root.Readlink(r)
	return s, fixErr(err, name)
}

func (c *confined) Rename(oldname, newname string) error {
	ro, err := c.rel("rename", oldname)
	if err != nil {
		return err
	}
	rn, err := c.rel("rename", newname)
	if err != nil {
		return err
	}
	return c.root.Rename(ro, rn)
}

func (c *confined) Link(oldname, newname string) error {
	ro, err := c.rel("link", oldname)
	if err != nil {
		return err
	}
	rn, err := c.rel("link", newname)
	if err != nil {
		return err
	}
	return c.root.Link(ro, rn)
}

func (c *confined) Symlink(oldname, newname string) error {
	rn, err := c.rel("symlink", newname)
	if err != nil {
		return err
	}
	// The link may say anything: following it goes through the root too.
	return c.root.Symlink(oldname, rn)
}

func (c *confined) ReadDir(name string) ([]os.DirEntry, error) {
	f, err := c.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	entries, err := f.ReadDir(-1)
	slices.SortFunc(entries, func(a, b os.DirEntry) int {
		switch {
		case a.Name() < b.Name():
			return -1
		case a.Name() > b.Name():
			return 1
		}
		return 0
	})
	return entries, err
}

// readDirInfo is ioutil.ReadDir.
func (c *confined) readDirInfo(name string) ([]os.FileInfo, error) {
	entries, err := c.ReadDir(name)
	if err != nil {
		return nil, err
	}
	infos := make([]os.FileInfo, 0, len(entries))
	for _, e := range entries {
		info, err := e.Info()
		if err != nil {
			return nil, err
		}
		infos = append(infos, info)
	}
	return infos, nil
}

func (c *confined) Chdir(dir string) error {
	r, err := c.rel("chdir", dir)
	if err != nil {
		return err
	}
	fi, err := c.root.Stat(r)
	if err != nil {
		return fixErr(err, dir)
	}
	if !fi.IsDir() {
		return &fs.PathError{Op: "chdir", Path: dir, Err: errors.New("not a directory")}
	}
	c.mu.Lock()
	c.cwd = r
	c.mu.Unlock()
	return nil
}

func (c *confined) Getwd() (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return filepath.Join(c.dir, filepath.FromSlash(c.cwd)), nil
}

func (c *confined) TempDir() string { return c.dir }

func (c *confined) home() (string, error) { return c.dir, nil }

// tempName is os.CreateTemp's and os.MkdirTemp's naming: the pattern's
// last "*" replaced by a number.
func (c *confined) tempName(dir, pattern string) string {
	if dir == "" {
		dir = c.dir
	}
	n := strconv.FormatUint(c.seq.Add(1)*2654435761%1e9, 10)
	prefix, suffix := pattern, ""
	if i := lastStar(pattern); i >= 0 {
		prefix, suffix = pattern[:i], pattern[i+1:]
	}
	return filepath.Join(dir, prefix+n+suffix)
}

func lastStar(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '*' {
			return i
		}
	}
	return -1
}

func (c *confined) CreateTemp(dir, pattern string) (*os.File, error) {
	for range 100 {
		f, err := c.OpenFile(c.tempName(dir, pattern), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if !errors.Is(err, fs.ErrExist) {
			return f, err
		}
	}
	return nil, &fs.PathError{Op: "createtemp", Path: dir + "/" + pattern, Err: fs.ErrExist}
}

func (c *confined) MkdirTemp(dir, pattern string) (string, error) {
	for range 100 {
		name := c.tempName(dir, pattern)
		err := c.Mkdir(name, 0o700)
		if err == nil {
			return name, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return "", err
		}
	}
	return "", &fs.PathError{Op: "mkdirtemp", Path: dir + "/" + pattern, Err: fs.ErrExist}
}

// DirFS is os.DirFS inside the root.
func (c *confined) DirFS(dir string) fs.FS {
	r, err := c.rel("open", dir)
	if err != nil {
		return errFS{err}
	}
	sub, err := fs.Sub(c.root.FS(), r)
	if err != nil {
		return errFS{err}
	}
	return sub
}

func (c *confined) CopyFS(dir string, fsys fs.FS) error {
	return fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		target := filepath.Join(dir, filepath.FromSlash(p))
		if d.IsDir() {
			return c.MkdirAll(target, 0o777)
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		return c.WriteFile(target, data, 0o666)
	})
}

type errFS struct{ err error }

func (e errFS) Open(string) (fs.File, error) { return nil, e.err }

// Abs is filepath.Abs against the program's current directory.
func (c *confined) Abs(p string) (string, error) {
	if filepath.IsAbs(p) {
		return filepath.Clean(p), nil
	}
	wd, _ := c.Getwd()
	return filepath.Join(wd, p), nil
}

// EvalSymlinks resolves p inside the root.
func (c *confined) EvalSymlinks(p string) (string, error) {
	if _, err := c.Stat(p); err != nil {
		return "", err
	}
	r, _ := c.rel("lstat", p)
	for range 40 {
		target, err := c.root.Readlink(r)
		if err != nil {
			break
		}
		if path.IsAbs(target) {
			return "", &fs.PathError{Op: "lstat", Path: p, Err: fs.ErrPermission}
		}
		r = path.Join(path.Dir(r), target)
	}
	if filepath.IsAbs(p) {
		return filepath.Join(c.dir, filepath.FromSlash(r)), nil
	}
	return filepath.FromSlash(r), nil
}

// WalkDir is filepath.WalkDir inside the root.
func (c *confined) WalkDir(root string, fn fs.WalkDirFunc) error {
	r, err := c.rel("lstat", root)
	if err != nil {
		return fn(root, nil, err)
	}
	return fs.WalkDir(c.root.FS(), r, func(p string, d fs.DirEntry, err error) error {
		rest, _ := filepath.Rel(filepath.FromSlash(r), filepath.FromSlash(p))
		return fn(filepath.Join(root, rest), d, err)
	})
}

// Walk is filepath.Walk inside the root.
func (c *confined) Walk(root string, fn filepath.WalkFunc) error {
	return c.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fn(p, nil, err)
		}
		info, err := d.Info()
		return fn(p, info, err)
	})
}

// Glob is filepath.Glob inside the root.
func (c *confined) Glob(pattern string) ([]string, error) {
	if _, err := filepath.Match(pattern, ""); err != nil {
		return nil, err
	}
	r, err := c.rel("open", pattern)
	if err != nil {
		return nil, nil
	}
	matches, err := fs.Glob(c.root.FS(), r)
	if err != nil {
		return nil, err
	}
	// Give the matches back in the form of the pattern.
	prefix := ""
	if filepath.IsAbs(pattern) {
		prefix = c.dir
	} else if wd, _ := c.rel("open", "."); wd != "." {
		for i, m := range matches {
			rel, _ := filepath.Rel(filepath.FromSlash(wd), filepath.FromSlash(m))
			matches[i] = rel
		}
		return matches, nil
	}
	for i, m := range matches {
		matches[i] = filepath.Join(prefix, filepath.FromSlash(m))
	}
	return matches, nil
}

// symbols returns the os and path/filepath functions the program gets.
func (c *confined) symbols() map[string]map[string]reflect.Value {
	v := reflect.ValueOf
	return map[string]map[string]reflect.Value{
		"os": {
			"Chdir": v(c.Chdir), "Chmod": v(c.Chmod), "Chtimes": v(c.Chtimes),
			"Create": v(c.Create), "CreateTemp": v(c.CreateTemp), "DirFS": v(c.DirFS),
			"Getwd": v(c.Getwd), "Link": v(c.Link), "Lstat": v(c.Lstat),
			"Mkdir": v(c.Mkdir), "MkdirAll": v(c.MkdirAll), "MkdirTemp": v(c.MkdirTemp),
			"Open": v(c.Open), "OpenFile": v(c.OpenFile), "ReadDir": v(c.ReadDir),
			"ReadFile": v(c.ReadFile), "Readlink": v(c.Readlink), "Remove": v(c.Remove),
			"RemoveAll": v(c.RemoveAll), "Rename": v(c.Rename), "Stat": v(c.Stat),
			"Symlink": v(c.Symlink), "TempDir": v(c.TempDir), "Truncate": v(c.Truncate),
			"WriteFile": v(c.WriteFile), "CopyFS": v(c.CopyFS),
			"UserHomeDir": v(c.home), "UserCacheDir": v(c.home), "UserConfigDir": v(c.home),
		},
		"io/ioutil": {
			"ReadFile": v(c.ReadFile), "WriteFile": v(c.WriteFile), "TempFile": v(c.CreateTemp),
			"TempDir": v(c.MkdirTemp), "ReadDir": v(c.readDirInfo),
		},
		"path/filepath": {
			"Abs": v(c.Abs), "EvalSymlinks": v(c.EvalSymlinks), "Glob": v(c.Glob),
			"Walk": v(c.Walk), "WalkDir": v(c.WalkDir),
		},
	}
}
