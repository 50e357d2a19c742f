package scenarios

import (
	"testing"

	"forklab/sim"
)

// runLibrary runs library file path under the designs named, with snapshots.
func runLibrary(t *testing.T, path string, designs ...string) []*Run {
	t.Helper()
	var f *File
	for _, e := range loadLibrary(t) {
		if e.Path == path {
			f = e.File
		}
	}
	if f == nil {
		t.Fatalf("no library scenario %s", path)
	}
	var runs []*Run
	for _, name := range designs {
		d, ok := sim.LookupDesign(name)
		if !ok {
			t.Fatalf("no design %s", name)
		}
		runs = append(runs, Execute(f, d, Options{Snapshots: true}))
	}
	return runs
}

// stepAt returns the step of f at line.
func stepAt(t *testing.T, f *File, line int) *Step {
	t.Helper()
	for _, s := range f.Steps() {
		if s.Pos.Line == line {
			return s
		}
	}
	t.Fatalf("%s has no step at line %d", f.Name, line)
	return nil
}

// TestReturned: a value fixed while the caller still sleeps in the call is not
// a return. Under 9.1 the vfork parent's value is set in do_fork (step 5), and
// the call returns only when the child has exec'd (step 7); under 9.0 both
// happen at step 7. A set returns at once.
func TestReturned(t *testing.T) {
	runs := runLibrary(t, "vfork-csh.txt", "merged", "old")
	vfork := stepAt(t, runs[0].File, 20)
	for _, c := range []struct {
		run             *Run
		fixed, returned int
	}{{runs[0], 5, 7}, {runs[1], 7, 7}} {
		res, ok := c.run.ResultOf(vfork, 5)
		if c.fixed > 5 {
			if ok {
				t.Errorf("%s: vfork has a value at step 5: %+v", c.run.Design.Name, res)
			}
			res, ok = c.run.ResultOf(vfork, c.fixed)
		}
		if !ok || res.Got != "C" || res.Fixed != c.fixed || res.Returned != c.returned {
			t.Errorf("%s: vfork's result %+v (found %v), want C fixed at %d, returned at %d", c.run.Design.Name, res, ok, c.fixed, c.returned)
		}
		if res.ReturnedBy(c.returned-1) || !res.ReturnedBy(c.returned) {
			t.Errorf("%s: ReturnedBy wrong around step %d", c.run.Design.Name, c.returned)
		}
		if got := c.run.ReturnedIn(c.returned); len(got) != 2 || got[0].Step != vfork {
			t.Errorf("%s: calls returned at step %d: %+v, want vfork and exec", c.run.Design.Name, c.returned, got)
		}
	}
	if set, ok := runs[0].ResultOf(stepAt(t, runs[0].File, 19), 4); !ok || set.Fixed != 4 || set.Returned != 4 {
		t.Errorf("set x 0: %+v, want fixed and returned at step 4", set)
	}
}
