package runner

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sync/atomic"
	"syscall"
)

// netnsRefused is set once the kernel has refused a network namespace:
// later children are started without trying again.
var netnsRefused atomic.Bool

// startIsolated starts the child in its own process group, killed if the
// runner dies, and where the kernel allows it in a new network namespace
// (no interfaces, so no network even for code that got past the
// allowlist). It reports whether the namespace is in force. An exec.Cmd
// starts once: newCmd makes another for the second try.
func startIsolated(newCmd func() *exec.Cmd) (*exec.Cmd, bool, error) {
	base := syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if !netnsRefused.Load() && kernelLayers.Load() {
		cmd := newCmd()
		cmd.SysProcAttr = isolated(base)
		err := cmd.Start()
		if err == nil {
			return cmd, true, nil
		}
		if !errors.Is(err, syscall.EPERM) && !errors.Is(err, syscall.EINVAL) && !errors.Is(err, syscall.ENOSPC) && !errors.Is(err, syscall.EUSERS) {
			return nil, false, err
		}
		netnsRefused.Store(true)
	}
	cmd := newCmd()
	attr := base
	cmd.SysProcAttr = &attr
	return cmd, false, cmd.Start()
}

func isolated(base syscall.SysProcAttr) *syscall.SysProcAttr {
	attr := base
	attr.Cloneflags = syscall.CLONE_NEWNET
	if os.Geteuid() != 0 {
		// An unprivileged user needs a user namespace to own the network
		// namespace; map the user onto itself.
		attr.Cloneflags |= syscall.CLONE_NEWUSER
		attr.UidMappings = []syscall.SysProcIDMap{{ContainerID: os.Getuid(), HostID: os.Getuid(), Size: 1}}
		attr.GidMappings = []syscall.SysProcIDMap{{ContainerID: os.Getgid(), HostID: os.Getgid(), Size: 1}}
		attr.GidMappingsEnableSetgroups = false
	}
	return &attr
}

// filepathWalkChmod gives the owner back the permissions a program took
// away from its own files, so that they can be removed.
func filepathWalkChmod(dir string) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if d != nil && d.IsDir() {
			os.Chmod(p, 0o700)
		}
		return nil
	})
}
