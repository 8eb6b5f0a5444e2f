package runner

import (
	"bytes"
	"crypto/sha256"
	"debug/elf"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"time"
)

// Race detection needs the child built with -race, which needs cgo: the
// race detector is ThreadSanitizer, C++ code linked into the binary. The
// workbook builds that child itself on first use, from the source this
// binary was built from, into the user's cache directory, and reuses it
// for as long as this binary is the same (same Go build ID). The source is
// the one embedded in the workbook command (Source), so that a binary
// installed or copied away from its checkout can build it too; without
// it, the checkout the binary was built in. Either way the build is
// -trimpath, so that it does not depend on where the source lies.

// Source is the workbook module's source, as the workbook command embeds
// it, by directory: the module itself at ".", with go.mod, go.sum and the
// packages the command is built from, and each module it replaces with a
// directory of its own (third_party/yaegi). Nil means the checkout this
// binary was built in.
var Source map[string]fs.FS

// RaceStatus is told what the runner is doing to get the race-enabled
// child, when it takes a while: a one-time build of about a minute.
var RaceStatus = func(msg string) {}

var raceChild struct {
	sync.Mutex
	path string
}

// childExecutable returns the binary to start as the sandbox child: this
// one, or for race detection a build of it with -race.
func childExecutable(race bool) (string, error) {
	self, err := os.Executable()
	if err != nil {
		return "", fmt.Errorf("runner: cannot find the workbook binary: %w", err)
	}
	if !race || raceBuilt {
		return self, nil
	}
	raceChild.Lock()
	defer raceChild.Unlock()
	if raceChild.path != "" {
		return raceChild.path, nil
	}
	p, err := buildRaceChild(self)
	if err != nil {
		return "", err
	}
	raceChild.path = p
	return p, nil
}

// RaceChild returns the path of the race-enabled child binary, building it
// if need be. It is for tools that want to build it ahead of time.
func RaceChild() (string, error) { return childExecutable(true) }

func buildRaceChild(self string) (string, error) {
	id, err := buildID(self)
	if err != nil {
		return "", fmt.Errorf("runner: race detection: %w", err)
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	sum := sha256.Sum256([]byte(id))
	dir := filepath.Join(cache, "workbook", "race")
	target := filepath.Join(dir, "workbook-race-"+hex.EncodeToString(sum[:8]))
	if fi, err := os.Stat(target); err == nil && fi.Mode().IsRegular() {
		return target, nil
	}

	src, err := sourceTree(dir, hex.EncodeToString(sum[:8]))
	if err != nil {
		return "", err
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		return "", errors.New("race detection needs the Go toolchain to build the race-enabled runner once, and `go` is not on PATH")
	}
	cc := os.Getenv("CC")
	if cc == "" {
		cc = "gcc"
	}
	if _, err := exec.LookPath(cc); err != nil {
		return "", fmt.Errorf("race detection needs a C compiler (%s, for cgo): the race detector is C++ code linked into the runner. Install one (apt-get install gcc), or run without --race", cc)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("runner: race detection: %w", err)
	}
	// Builds and sources for other workbook binaries go once they are a
	// day old: a test binary and the workbook command, built from the same
	// tree, each have one, and may be using it now.
	for _, pattern := range []string{"workbook-race-*", "src-*"} {
		old, _ := filepath.Glob(filepath.Join(dir, pattern))
		for _, o := range old {
			if fi, err := os.Stat(o); err == nil && time.Since(fi.ModTime()) > 24*time.Hour && o != src {
				os.RemoveAll(o)
			}
		}
	}
	RaceStatus("building the race-enabled runner into " + dir + " (once per workbook build; about a minute)")
	tmp := target + fmt.Sprintf(".tmp%d", os.Getpid())
	cmd := exec.Command(goTool, "build", "-race", "-trimpath", "-o", tmp, ".")
	cmd.Dir = src
	cmd.Env = append(os.Environ(), "CGO_ENABLED=1")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("race detection: building the race-enabled runner failed: %v\n%s", err, out.String())
	}
	if err := os.Rename(tmp, target); err != nil {
		return "", fmt.Errorf("runner: race detection: %w", err)
	}
	return target, nil
}

// sourceTree returns a directory holding the source to build the
// race-enabled child from: Source written out into the cache, under a
// name of this build's, or the checkout.
func sourceTree(cache, name string) (string, error) {
	if Source == nil {
		return sourceDir()
	}
	dir := filepath.Join(cache, "src-"+name)
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
		return dir, nil
	}
	if err := os.MkdirAll(cache, 0o755); err != nil {
		return "", fmt.Errorf("runner: race detection: %w", err)
	}
	tmp, err := os.MkdirTemp(cache, "src-tmp")
	if err != nil {
		return "", fmt.Errorf("runner: race detection: %w", err)
	}
	for under, fsys := range Source {
		err = fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(fsys, name)
			if err != nil {
				return err
			}
			path := filepath.Join(tmp, filepath.FromSlash(under), filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				return err
			}
			return os.WriteFile(path, data, 0o644)
		})
		if err != nil {
			break
		}
	}
	if err == nil {
		// Another workbook may have written it meanwhile: theirs is the same.
		if err = os.Rename(tmp, dir); err != nil {
			if _, statErr := os.Stat(filepath.Join(dir, "go.mod")); statErr == nil {
				err = nil
			}
		}
	}
	os.RemoveAll(tmp)
	if err != nil {
		return "", fmt.Errorf("runner: race detection: writing out the workbook's source: %w", err)
	}
	return dir, nil
}

// sourceDir finds the workbook's source tree, from where this file was
// when the binary was built.
func sourceDir() (string, error) {
	_, file, _, ok := runtime.Caller(0)
	if ok {
		dir := filepath.Dir(filepath.Dir(file))
		if b, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil && bytes.HasPrefix(b, []byte("module workbook\n")) {
			return dir, nil
		}
	}
	return "", fmt.Errorf("race detection builds the race-enabled runner from the workbook's source tree, which is no longer at %s: run workbook from its checkout (go run . run --race …)", filepath.Dir(filepath.Dir(file)))
}

// buildID returns the Go build ID of the binary at path, which changes
// whenever anything that went into it changes. The linker writes it in an
// ELF note of its own.
func buildID(path string) (string, error) {
	f, err := elf.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	sec := f.Section(".note.go.buildid")
	if sec == nil {
		return "", errors.New("no Go build ID in " + path)
	}
	note, err := sec.Data()
	if err != nil {
		return "", err
	}
	// namesz, descsz, type, "Go\x00\x00", then the ID.
	if len(note) < 16 {
		return "", errors.New("malformed Go build ID in " + path)
	}
	descsz := binary.LittleEndian.Uint32(note[4:8])
	if 16+int(descsz) > len(note) {
		return "", errors.New("malformed Go build ID in " + path)
	}
	return string(note[16 : 16+descsz]), nil
}
