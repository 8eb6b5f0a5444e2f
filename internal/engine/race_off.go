//go:build !race

package engine

// raceEnabled says whether this child was built with the race detector.
const raceEnabled = false

func raceDisable() {}

func raceEnable() {}
