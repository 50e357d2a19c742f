package scenarios

import (
	"testing"

	"forklab/sim"
)

// TestTracesNameTheirOwnKernel runs every library scenario under every design it
// names and checks that each event names a function of that design's own kernel:
// one its personality maps to a file, and, under linux, none that only FreeBSD
// has (the FreeBSD list is the FreeBSD personality's own table, not a copy).
// Reference: issue 8 §3 "Trace events that name the function that does it".
func TestTracesNameTheirOwnKernel(t *testing.T) {
	var freebsd, linux *sim.OS
	for _, d := range sim.Designs() {
		if d.Linux() {
			linux = d.OS()
		} else {
			freebsd = d.OS()
		}
	}
	freebsdOnly := map[string]bool{}
	for _, fn := range freebsd.Funcs() {
		if linux.Source(fn) == "" {
			freebsdOnly[fn] = true
		}
	}
	for _, must := range []string{"syscallenter", "syscallret", "kern_wait", "proc_reap", "issignal", "msleep"} {
		if !freebsdOnly[must] {
			t.Errorf("the FreeBSD table lacks %s, or Linux's has it", must)
		}
	}
	for _, e := range loadLibrary(t) {
		for _, d := range sim.Designs() {
			if !e.File.ForDesign(d) {
				continue
			}
			seen := map[string]bool{}
			r := Execute(e.File, d, Options{})
			for _, fr := range r.Frames {
				for _, ev := range fr.Events {
					fn := ev.Common().Func
					if seen[fn] {
						continue
					}
					seen[fn] = true
					if d.OS().Source(fn) == "" {
						t.Errorf("%s under %s: %s is not a %s function the personality knows", e.Path, d.Short(), fn, d.OS().Name)
					}
					if d.Linux() && freebsdOnly[fn] {
						t.Errorf("%s under linux names the FreeBSD function %s", e.Path, fn)
					}
				}
			}
		}
	}
}
