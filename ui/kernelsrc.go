package ui

import "forklab/sim"

// This file maps the kernel functions that sim names in its events
// (EventBase.Func) to the source files where they live, for the narration. The
// map is the design's operating-system personality's own (sim.OS.Source): one
// table per system, kept beside the code that names the functions.

// sourceFile returns the file that holds the kernel function fn, in FreeBSD's
// tree or, if linux, in Linux's; "" when that system does not name it.
func sourceFile(fn string, linux bool) string {
	for _, d := range sim.Designs() {
		if d.Linux() == linux {
			return d.OS().Source(fn)
		}
	}
	return ""
}
