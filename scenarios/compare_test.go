package scenarios

import (
	"strings"
	"testing"

	"forklab/sim"
)

// TestCompare: the orphan race diverges where 9.1's real parent reaps the orphan,
// and nowhere before it.
func TestCompare(t *testing.T) {
	var f *File
	for _, e := range loadLibrary(t) {
		if e.Path == "orphan-race.txt" {
			f = e.File
		}
	}
	var runs []*Run
	for _, name := range []string{"old", "merged"} {
		d, _ := sim.LookupDesign(name)
		runs = append(runs, Execute(f, d, Options{Snapshots: true}))
	}
	for n := 0; n < 4; n++ {
		if diffs := Compare(runs, n); len(diffs) != 0 {
			t.Errorf("frame %d: unexpected differences %v", n, diffs)
		}
	}
	diffs := Compare(runs, 5)
	var found bool
	for _, d := range diffs {
		if strings.HasPrefix(d.What, "line 21: R: wait C nohang") && d.Values[0] == "0" && d.Values[1] == "C exited 1" {
			found = true
		}
	}
	if !found {
		t.Errorf("frame 5: differences %v lack R's wait (0 vs C exited 1)", diffs)
	}
}
