package scenarios

import (
	"strconv"
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

// diffOf returns the difference whose What starts with what, if any.
func diffOf(diffs []Difference, what string) (Difference, bool) {
	for _, d := range diffs {
		if strings.HasPrefix(d.What, what) {
			return d, true
		}
	}
	return Difference{}, false
}

// TestCompareEarlierValue: a call that returned at an earlier step has its value,
// not "no value yet". Under 9.0 R's wait (line 27) returned 0 at step 3; 9.1's
// sleeps until step 6.
func TestCompareEarlierValue(t *testing.T) {
	runs := runLibrary(t, "attach-exit-status.txt", "old", "merged")
	d, ok := diffOf(Compare(runs, 6), "line 27:")
	if !ok || d.Values[0] != "0 (returned at step 3)" || d.Values[1] != "C exited 1" {
		t.Errorf("step 6: line 27 compares as %v (found %v), want 0 (returned at step 3) against C exited 1", d, ok)
	}
	d, ok = diffOf(Compare(runs, 3), "line 27:")
	if !ok || d.Values[0] != "0" || d.Values[1] != "no value yet: the call has not returned" {
		t.Errorf("step 3: line 27 compares as %v (found %v)", d, ok)
	}
	// Everywhere in the library: a value fixed by step n is never "no value yet".
	for _, e := range loadLibrary(t) {
		var all []*Run
		for _, name := range sim.DesignNames {
			if d, _ := sim.LookupDesign(name.Name); e.File.ForDesign(d) {
				all = append(all, Execute(e.File, d, Options{Snapshots: true}))
			}
		}
		for n := 0; n < 40; n++ {
			for _, d := range Compare(all, n) {
				for i, v := range d.Values {
					if strings.HasPrefix(d.What, "line ") && (strings.HasPrefix(v, "no value yet") || v == "not run yet") {
						for _, s := range all[i].File.Steps() {
							if _, ok := all[i].ResultOf(s, n); ok && strings.HasPrefix(d.What, "line "+strconv.Itoa(s.Pos.Line)+":") {
								t.Errorf("%s step %d under %s: %q says %q, but the value is fixed", e.Path, n, all[i].Design.Name, d.What, v)
							}
						}
					}
				}
			}
		}
	}
}

// TestCompareNotReturned: 9.1's vfork has its value at step 5 but returns only at
// step 7, when C has exec'd; 9.0's gets both at step 7. At step 5 they differ.
func TestCompareNotReturned(t *testing.T) {
	runs := runLibrary(t, "vfork-csh.txt", "merged", "old")
	d, ok := diffOf(Compare(runs, 5), "line 20:")
	if !ok || d.Values[0] != "C, not returned yet" || d.Values[1] != "no value yet: the call has not returned" {
		t.Errorf("step 5: vfork compares as %v (found %v)", d, ok)
	}
	if d, ok := diffOf(Compare(runs, 7), "line 20:"); ok {
		t.Errorf("step 7: both vforks have returned C, yet they differ: %v", d)
	}
}

// TestCompareLwpinfo: what PT_LWPINFO reports is observable. At step 5 of
// fork-follow-to-scx 9.0's P stops at syscall exit with PL_FLAG_SCX, the
// proposal's in the fork code without it.
func TestCompareLwpinfo(t *testing.T) {
	runs := runLibrary(t, "fork-follow-to-scx.txt", "old", "new")
	d, ok := diffOf(Compare(runs, 5), "P: what its tracer reads")
	if !ok || !strings.Contains(d.Values[0], "PL_FLAG_SCX") || strings.Contains(d.Values[1], "PL_FLAG_SCX") {
		t.Errorf("step 5: P's record compares as %v (found %v), want PL_FLAG_SCX under old only", d, ok)
	}
}

// TestCompareAcrossSystems: FreeBSD makes the tracer C's p_pptr, Linux keeps
// the real parent; both mean "traced by D, goes back to R", so after the attach
// the proposal and Linux agree. Their different records (PT_LWPINFO against the
// ptrace event) are shown, not counted.
func TestCompareAcrossSystems(t *testing.T) {
	runs := runLibrary(t, "attach-exit-status.txt", "new", "linux")
	for n := 1; n <= 3; n++ {
		if diffs := Compare(runs, n); len(diffs) != 0 {
			t.Errorf("step %d: new and linux differ: %v", n, diffs)
		}
	}
	runs = runLibrary(t, "fork-follow-continue.txt", "new", "linux")
	if d, ok := diffOf(Compare(runs, 9), "line 48:"); ok {
		t.Errorf("step 9: PT_LWPINFO's result is compared with Linux's: %v", d)
	}
}

// TestCompareMemory: rfork(RFMEM) under the proposal gives C a copy, so at the
// step where C's store lands the designs differ in memory before P's read
// returns anything.
func TestCompareMemory(t *testing.T) {
	runs := runLibrary(t, "rfork-rfmem.txt", "old", "new")
	var n int
	for i, fr := range runs[0].Frames {
		if fr.Step != nil && fr.Step.Pos.Line == 23 {
			n = i
		}
	}
	if n == 0 {
		t.Fatal("rfork-rfmem.txt has no step at line 23 (C: set x 5)")
	}
	d, ok := diffOf(Compare(runs, n), "C: its memory")
	if !ok || d.Values[0] != "shared with P, x = 5" || d.Values[1] != "its own, x = 5" {
		t.Errorf("frame %d: C's memory compares as %v (found %v)", n, d, ok)
	}
}
