package scenarios

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"forklab/sim"
)

// brokenAt returns "LINE invariant declared" for every violation a frame of r
// names in Frame.Broken.
func brokenAt(r *Run) []string {
	var out []string
	for _, fr := range r.Frames {
		for _, v := range fr.Broken {
			s := strconv.Itoa(fr.Step.Pos.Line) + " " + v.Invariant
			if v.Declared {
				s += " declared"
			}
			out = append(out, s)
		}
	}
	return out
}

func libraryFileOf(t *testing.T, path string) *File {
	t.Helper()
	for _, e := range loadLibrary(t) {
		if e.Path == path {
			return e.File
		}
	}
	t.Fatalf("no library scenario %s", path)
	return nil
}

// TestFrameBroken pins where the exit-status-once finding happens: in
// traceme-exit-status.txt, line 21 ("P: wait C => C exited 1", P's second
// wait, which gets the status proc_reap handed back to P itself) breaks it
// under 9.0, the proposal and 9.1, on purpose (breaks9x); current and linux
// deliver the status once. In orphan-race.txt it is line 27, R's second
// "wait C nohang", and only where the real parent can reap an orphan (new,
// merged).
func TestFrameBroken(t *testing.T) {
	for _, c := range []struct {
		path   string
		design string
		want   []string
	}{
		{"traceme-exit-status.txt", "old", []string{"21 exit-status-once declared"}},
		{"traceme-exit-status.txt", "new", []string{"21 exit-status-once declared"}},
		{"traceme-exit-status.txt", "merged", []string{"21 exit-status-once declared"}},
		{"traceme-exit-status.txt", "current", nil},
		{"traceme-exit-status.txt", "linux", nil},
		{"orphan-race.txt", "old", nil},
		{"orphan-race.txt", "new", []string{"27 exit-status-once declared"}},
		{"orphan-race.txt", "merged", []string{"27 exit-status-once declared"}},
		{"orphan-race.txt", "current", nil},
		{"attach-exit-status.txt", "old", nil},
	} {
		f := libraryFileOf(t, c.path)
		d, _ := sim.LookupDesign(c.design)
		r := Execute(f, d, Options{Invariants: true})
		if got := brokenAt(r); !slices.Equal(got, c.want) {
			t.Errorf("%s under %s: frames break %q, want %q", c.path, c.design, got, c.want)
		}
		// Without Options.Invariants nothing is checked.
		for _, fr := range Execute(f, d, Options{}).Frames {
			if len(fr.Broken) > 0 {
				t.Errorf("%s under %s: Frame.Broken without Options.Invariants", c.path, c.design)
			}
		}
	}
	// The line is the second "P: wait C", where P gets C's status again.
	old, _ := sim.LookupDesign("old")
	r := Execute(libraryFileOf(t, "traceme-exit-status.txt"), old, Options{Invariants: true})
	for _, fr := range r.Frames {
		if len(fr.Broken) == 0 {
			continue
		}
		v := fr.Broken[0]
		if !strings.HasPrefix(fr.Step.Source, "P: wait C") || len(fr.Results) != 1 || fr.Results[0].Got != "C exited 1" {
			t.Errorf("exit-status-once breaks at %q (results %v)", fr.Step.Source, fr.Results)
		}
		if v.Detail != "P[100] got C[101]'s exit status 2 times" {
			t.Errorf("the violation says %q", v.Detail)
		}
	}
}

// TestFrameBrokenAddsUp checks, for every library run, that the frames'
// Broken together name what the run's Broken and Violations name.
func TestFrameBrokenAddsUp(t *testing.T) {
	for _, e := range loadLibrary(t) {
		for _, d := range sim.Designs() {
			if !e.File.ForDesign(d) {
				continue
			}
			r := Execute(e.File, d, Options{Invariants: true})
			var declared []string
			var bugs []sim.Violation
			for _, fr := range r.Frames {
				for _, v := range fr.Broken {
					switch {
					case !v.Declared:
						if !slices.Contains(bugs, v) {
							bugs = append(bugs, v)
						}
					case !slices.Contains(declared, v.Invariant):
						declared = append(declared, v.Invariant)
					}
				}
			}
			if !slices.Equal(declared, r.Broken) || !slices.Equal(bugs, r.Violations) {
				t.Errorf("%s under %s: frames break %v and %v, the run %v and %v", e.Path, d.Alias, declared, bugs, r.Broken, r.Violations)
			}
		}
	}
}
