// Package allow is the sandbox's allowlist: the packages a workbook program
// may import (standard ones, golang.org/x/sync's errgroup and semaphore,
// which the lessons teach, and the workbook's own proc), and which of their
// names it may use.
//
// This list is the one place that decides. The symbol tables the interpreter
// runs with and the type information the front end checks against are both
// generated from it (go generate ./internal/stdlib), the front end refuses
// everything else with a message built from it, and the engine replaces the
// names listed in Package.Engine with confined versions of its own.
//
// A package is either open (every exported name, minus Withheld) or narrow
// (only the names in Only). Packages that touch the host — the file system,
// processes, the network, the runtime's own knobs — are narrow, so that a
// name added to them by a newer Go is withheld until someone decides
// otherwise.
package allow

import (
	"slices"
	"strings"
)

// A Package is one importable standard package and what a sandboxed program
// may use of it.
type Package struct {
	// Path is the import path.
	Path string
	// Only, when not nil, lists the exported names available; all others are
	// withheld.
	Only []string
	// Withheld lists exported names that are not available, each with what
	// to use instead (shown to the learner).
	Withheld map[string]string
	// WithheldMethods lists methods of the package's types that are not
	// available, as "Type.Method", each with what to use instead: methods
	// that do what a withheld function does. A program may not call them,
	// take them as values, look them up by reflection, or declare an
	// interface with a method of their name, through which a value of the
	// type could be called.
	WithheldMethods map[string]string
	// Engine lists names whose value the engine supplies at run time instead
	// of the compiled one: confined file access, the virtual environment,
	// os.Exit that reports how the program ended, and the like.
	Engine []string
	// Source marks packages that are generic through and through (slices,
	// maps, iter, cmp): the interpreter runs a source implementation of them
	// instead of binary symbols, because reflection cannot call a generic
	// function.
	Source bool
}

// fileAPI is what os offers for files: every path it takes is resolved
// inside the program's private working directory by the engine.
var fileAPI = []string{
	"Chdir", "Chmod", "Chtimes", "Create", "CreateTemp", "DirFS", "Getwd",
	"Link", "Lstat", "Mkdir", "MkdirAll", "MkdirTemp", "Open", "OpenFile",
	"ReadDir", "ReadFile", "Readlink", "Remove", "RemoveAll", "Rename",
	"Stat", "Symlink", "TempDir", "Truncate", "WriteFile", "CopyFS",
	"UserHomeDir", "UserCacheDir", "UserConfigDir",
}

var envAPI = []string{
	"Clearenv", "Environ", "ExpandEnv", "Getenv", "LookupEnv", "Setenv",
	"Unsetenv", "Hostname",
}

// Packages lists every package a program may import, sorted by path.
var Packages = []Package{
	{Path: "archive/tar"},
	{Path: "archive/zip", Withheld: map[string]string{
		"OpenReader": "open the file with os.Open and read it with zip.NewReader",
	}},
	{Path: "bufio"},
	{Path: "bytes"},
	{Path: "cmp", Source: true},
	{Path: "compress/flate"},
	{Path: "compress/gzip"},
	{Path: "compress/zlib"},
	{Path: "container/heap"},
	{Path: "container/list"},
	{Path: "container/ring"},
	{Path: "context"},
	{Path: "crypto/aes"},
	{Path: "crypto/cipher"},
	{Path: "crypto/hmac"},
	{Path: "crypto/md5"},
	{Path: "crypto/rand"},
	{Path: "crypto/sha1"},
	{Path: "crypto/sha256"},
	{Path: "crypto/sha512"},
	{Path: "crypto/subtle"},
	{Path: "encoding"},
	{Path: "encoding/ascii85"},
	{Path: "encoding/base32"},
	{Path: "encoding/base64"},
	{Path: "encoding/binary"},
	{Path: "encoding/csv"},
	{Path: "encoding/hex"},
	{Path: "encoding/json"},
	{Path: "encoding/pem"},
	{Path: "encoding/xml"},
	{Path: "errors"},
	{Path: "flag"},
	{Path: "fmt"},
	{Path: "go/ast"},
	{Path: "go/format"},
	{Path: "go/scanner"},
	{Path: "go/token"},
	{Path: "golang.org/x/sync/errgroup", Engine: []string{"Group", "WithContext"}},
	{Path: "golang.org/x/sync/semaphore"},
	{Path: "hash"},
	{Path: "hash/adler32"},
	{Path: "hash/crc32"},
	{Path: "hash/crc64"},
	{Path: "hash/fnv"},
	{Path: "hash/maphash", Withheld: map[string]string{
		"Comparable":      "hash the value's bytes with maphash.Bytes or maphash.String",
		"WriteComparable": "write the value's bytes with Hash.Write or Hash.WriteString",
	}},
	{Path: "html"},
	{Path: "image"},
	{Path: "image/color"},
	{Path: "image/png"},
	{Path: "index/suffixarray"},
	{Path: "io"},
	{Path: "io/fs"},
	{Path: "io/ioutil", Engine: []string{"ReadDir", "ReadFile", "TempDir", "TempFile", "WriteFile"}},
	{Path: "iter", Source: true},
	{Path: "log", Engine: []string{"Fatal", "Fatalf", "Fatalln"}},
	{Path: "log/slog"},
	{Path: "maps", Source: true},
	{Path: "math"},
	{Path: "math/big"},
	{Path: "math/bits"},
	{Path: "math/cmplx"},
	{Path: "math/rand"},
	{Path: "math/rand/v2"},
	{Path: "net/mail"},
	{Path: "net/netip"},
	{Path: "net/url"},
	{Path: "os", Only: concat(fileAPI, envAPI, []string{
		"Args", "DevNull", "DirEntry", "ErrClosed", "ErrDeadlineExceeded",
		"ErrExist", "ErrInvalid", "ErrNoDeadline", "ErrNotExist",
		"ErrPermission", "ErrProcessDone", "Exit", "File", "FileInfo",
		"FileMode", "Getegid", "Geteuid", "Getgid", "Getpagesize", "Getpid",
		"Getppid", "Getuid", "Interrupt", "IsExist", "IsNotExist",
		"IsPathSeparator", "IsPermission", "IsTimeout", "Kill", "LinkError",
		"ModeAppend", "ModeCharDevice", "ModeDevice", "ModeDir",
		"ModeExclusive", "ModeIrregular", "ModeNamedPipe", "ModePerm",
		"ModeSetgid", "ModeSetuid", "ModeSocket", "ModeSticky",
		"ModeSymlink", "ModeTemporary", "ModeType", "O_APPEND", "O_CREATE",
		"O_EXCL", "O_RDONLY", "O_RDWR", "O_SYNC", "O_TRUNC", "O_WRONLY",
		"PathError", "PathListSeparator", "PathSeparator", "Pipe",
		"SameFile", "SEEK_CUR", "SEEK_END", "SEEK_SET", "Signal", "Stderr",
		"Stdin", "Stdout", "SyscallError",
	}), Engine: concat(fileAPI, envAPI, []string{"Exit", "Getppid"}), Withheld: map[string]string{
		"StartProcess": "start processes with workbook/proc (proc.Start)",
		"FindProcess":  "a sandboxed program cannot signal other processes",
		"NewFile":      "open files by name with os.Open",
		"Executable":   "a sandboxed program cannot see its executable",
	}, WithheldMethods: map[string]string{
		// os.Chmod checks the mode it is given; a file's own methods
		// would reach the kernel without that check.
		"File.Chmod":       "call os.Chmod with the file's name",
		"File.Chown":       "a sandboxed program cannot change a file's owner",
		"File.SyscallConn": "use the file's own methods",
	}},
	{Path: "os/signal", Only: []string{"Ignore", "Ignored", "Notify", "NotifyContext", "Reset", "Stop"}},
	{Path: "path"},
	{Path: "path/filepath", Engine: []string{"Abs", "EvalSymlinks", "Glob", "Walk", "WalkDir"}},
	{Path: "reflect", Withheld: map[string]string{
		"NewAt": "the sandbox does not allow access to arbitrary memory",
	}, WithheldMethods: map[string]string{
		// A method looked up by reflection escapes the check of
		// WithheldMethods; the program's own types have no methods for
		// reflection in the interpreter anyway.
		"Value.Method":       "call the method directly",
		"Value.MethodByName": "call the method directly",
		"Type.Method":        "call the method directly",
		"Type.MethodByName":  "call the method directly",
	}},
	{Path: "regexp"},
	{Path: "runtime", Only: []string{
		"Breakpoint", "Compiler", "GC", "GOARCH", "GOMAXPROCS", "GOOS", "Gosched",
		"Goexit", "KeepAlive", "LockOSThread", "MemProfileRate", "MemStats",
		"NumCPU", "NumGoroutine", "ReadMemStats", "SetDefaultGOMAXPROCS", "SetFinalizer",
		"UnlockOSThread", "Version", "Error", "TypeAssertionError",
	}, Engine: []string{"NumGoroutine", "Goexit"}, Withheld: map[string]string{
		"Stack":   "the interpreter's stack is not the program's; let a panic print it",
		"Caller":  "the interpreter's frames are not the program's",
		"Callers": "the interpreter's frames are not the program's",
	}},
	{Path: "runtime/debug", Only: []string{"FreeOSMemory", "GCStats", "ReadGCStats", "SetGCPercent"}},
	{Path: "slices", Source: true},
	{Path: "sort"},
	{Path: "strconv"},
	{Path: "strings"},
	{Path: "sync"},
	{Path: "sync/atomic"},
	{Path: "testing", Engine: []string{"B", "Benchmark", "T", "TB"}, Withheld: map[string]string{
		"Main":          "workbook runs the tests itself",
		"MainStart":     "workbook runs the tests itself",
		"RunBenchmarks": "call testing.Benchmark",
		"RunExamples":   "workbook runs the tests itself",
		"RunTests":      "workbook runs the tests itself",
	}},
	{Path: "testing/iotest"},
	{Path: "text/scanner"},
	{Path: "text/tabwriter"},
	{Path: "text/template", Withheld: map[string]string{
		"ParseFiles": "read the file with os.ReadFile and call Parse",
		"ParseGlob":  "read the files with os.ReadFile and call Parse",
		"ParseFS":    "read the files with fs.ReadFile and call Parse",
	}, WithheldMethods: map[string]string{
		"Template.ParseFiles": "read the file with os.ReadFile and call Parse",
		"Template.ParseGlob":  "read the files with os.ReadFile and call Parse",
		"Template.ParseFS":    "read the files with fs.ReadFile and call Parse",
	}},
	{Path: "text/template/parse"},
	{Path: "time", Withheld: map[string]string{
		"LoadLocation":           "the sandbox has no time zone database; use time.UTC or time.FixedZone",
		"LoadLocationFromTZData": "the sandbox has no time zone database; use time.UTC or time.FixedZone",
	}},
	{Path: "unicode"},
	{Path: "unicode/utf16"},
	{Path: "unicode/utf8"},
	{Path: "workbook/proc"},
}

// refused says, for packages a learner might reach for, why they are not
// available and what to use instead.
var refused = map[string]string{
	"os/exec":     "start processes with workbook/proc (proc.Start)",
	"syscall":     "use the os package",
	"unsafe":      "the sandbox does not allow access to arbitrary memory",
	"net":         "the sandbox has no network",
	"net/http":    "the sandbox has no network",
	"plugin":      "the sandbox cannot load code",
	"runtime/cgo": "the sandbox does not run C code",
}

// Lookup returns the package with the given import path, or false.
func Lookup(path string) (*Package, bool) {
	i, ok := slices.BinarySearchFunc(Packages, path, func(p Package, path string) int {
		return strings.Compare(p.Path, path)
	})
	if !ok {
		return nil, false
	}
	return &Packages[i], true
}

// Refusal explains why the package at path cannot be imported. It is only
// meaningful for paths Lookup does not find.
func Refusal(path string) string {
	why, ok := refused[path]
	if !ok {
		if strings.HasPrefix(path, "net/") || strings.HasPrefix(path, "crypto/tls") {
			why = "the sandbox has no network"
		} else {
			why = "it is not on the workbook's list of packages"
		}
	}
	return "package " + path + " is not available in the workbook sandbox: " + why
}

// Allows reports whether the exported name of the package is available,
// and if not, what to use instead.
func (p *Package) Allows(name string) (ok bool, instead string) {
	if why, withheld := p.Withheld[name]; withheld {
		return false, why
	}
	if p.Only != nil && !slices.Contains(p.Only, name) {
		return false, ""
	}
	return true, ""
}

// WithholdsMethod reports whether the method of the package's type is
// withheld, and what to use instead.
func (p *Package) WithholdsMethod(typ, method string) (withheld bool, instead string) {
	instead, withheld = p.WithheldMethods[typ+"."+method]
	return withheld, instead
}

// WithheldMethodNames are the names of every withheld method of every
// package: an interface of the program may not declare a method of one of
// these names.
func WithheldMethodNames() map[string]string {
	names := map[string]string{}
	for _, p := range Packages {
		for tm := range p.WithheldMethods {
			typ, method, _ := strings.Cut(tm, ".")
			names[method] = p.Path + "." + typ
		}
	}
	return names
}

// Withholding explains why name of the package is not available.
func (p *Package) Withholding(name string) string {
	_, instead := p.Allows(name)
	msg := p.Path + "." + name + " is not available in the workbook sandbox"
	if instead != "" {
		msg += ": " + instead
	}
	return msg
}

func concat(lists ...[]string) []string {
	var all []string
	for _, l := range lists {
		all = append(all, l...)
	}
	slices.Sort(all)
	return slices.Compact(all)
}
