//go:build race

package engine

import "runtime"

// raceEnabled says whether this child was built with the race detector.
const raceEnabled = true

// raceDisable stops the race detector from seeing the calling goroutine's
// synchronisation, until raceEnable: the engine's bookkeeping must not add
// happens-before edges between the program's goroutines, or it would hide
// their races.
func raceDisable() { runtime.RaceDisable() }

func raceEnable() { runtime.RaceEnable() }
