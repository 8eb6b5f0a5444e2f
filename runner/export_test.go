package runner

// SetKernelLayers turns the kernel's layers of the sandbox (Landlock,
// seccomp, the network namespace) on or off for the children started from
// now on, for the tests of the allowlist alone.
func SetKernelLayers(on bool) { kernelLayers.Store(on) }
