// Processes share the run's processor time: three busy ones, each under
// the limit alone, are stopped together.
//
// run cpu=2s timeout=10s
// want reason=limit limit=cpu
// want message contains "by the program's processes together"
package main

import "workbook/proc"

func spin() {
	for n := 0; ; n++ {
	}
}

func main() {
	for range 3 {
		if _, err := proc.Start(spin); err != nil {
			panic(err)
		}
	}
	spin()
}
