package runner

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sync/atomic"
	"syscall"

	"golang.org/x/sys/unix"

	"workbook/internal/wire"
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

// The private directory is a tmpfs of its own where the kernel allows it
// (a runner started as root, with the right to mount): the kernel then
// bounds its bytes and files exactly, where the runner's count
// (run.sample), ten times a second, lets a fast writer get ahead of it by
// a hundred MiB or more. The tmpfs is a little larger than the limits, so
// that the count still sees them exceeded and names the limit; it is
// nosuid, nodev and noexec, and owned by the user the program runs as.
// It is mounted in the runner's mount namespace, so that the processes a
// program starts with workbook/proc, which the runner starts, share it.

// workSlack is how far past the disk limit the tmpfs lets a program
// write: enough for the count to see the limit exceeded.
const workSlack = 1 << 20

// mountWork mounts a tmpfs sized for l on dir, and reports whether it did.
func mountWork(dir string, l Limits) bool {
	if os.Geteuid() != 0 || !kernelLayers.Load() {
		return false
	}
	err := unix.Mount("workbook", dir, "tmpfs", unix.MS_NOSUID|unix.MS_NODEV|unix.MS_NOEXEC, workOptions(l)+
		fmt.Sprintf(",mode=0700,uid=%d,gid=%d", wire.UnprivilegedID, wire.UnprivilegedID))
	return err == nil
}

// resizeWork gives the tmpfs on dir the limits of the run about to start
// (a warm child's directory was mounted before they were known).
func resizeWork(dir string, l Limits) error {
	return unix.Mount("workbook", dir, "tmpfs", unix.MS_REMOUNT|unix.MS_NOSUID|unix.MS_NODEV|unix.MS_NOEXEC, workOptions(l))
}

func workOptions(l Limits) string {
	// One inode is the directory itself: the count sees the files limit
	// exceeded at Files+1 entries.
	return fmt.Sprintf("size=%d,nr_inodes=%d", l.Disk+workSlack, l.Files+2)
}

// unmountWork unmounts the tmpfs on dir, if there is one.
func unmountWork(dir string) {
	unix.Unmount(dir, unix.MNT_DETACH)
}
