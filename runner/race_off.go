//go:build !race

package runner

// raceBuilt is set when this binary was built with -race: it is its own
// race-enabled child.
const raceBuilt = false
