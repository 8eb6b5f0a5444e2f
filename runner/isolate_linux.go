package runner

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
)

// netnsWorks caches whether this machine lets the runner start a child in
// a network namespace of its own.
var netnsWorks struct {
	sync.Once
	ok bool
}

// startIsolated starts the child in its own process group, killed if the
// runner dies, and where the kernel allows it in a new network namespace
// (no interfaces, so no network even for code that got past the
// allowlist). It reports whether the namespace is in force.
func startIsolated(cmd *exec.Cmd) (bool, error) {
	base := syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	netnsWorks.Do(func() {
		probe := exec.Command("/proc/self/exe")
		probe.SysProcAttr = isolated(base)
		// The probe only needs to get as far as exec: a missing binary
		// would fail later than a refused clone.
		probe.Path = "/bin/true"
		if _, err := os.Stat(probe.Path); err != nil {
			probe.Path = "/usr/bin/true"
		}
		netnsWorks.ok = probe.Run() == nil
	})
	if netnsWorks.ok {
		cmd.SysProcAttr = isolated(base)
		if err := cmd.Start(); err == nil {
			return true, nil
		}
	}
	attr := base
	cmd.SysProcAttr = &attr
	return false, cmd.Start()
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
