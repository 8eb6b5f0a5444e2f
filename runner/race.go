package runner

import (
	"errors"
	"os"
)

// childExecutable returns the binary to start as the sandbox child: this
// one, or for race detection a build of it with -race.
func childExecutable(race bool) (string, error) {
	if race {
		return "", errors.New("runner: race detection is not available yet")
	}
	return os.Executable()
}
