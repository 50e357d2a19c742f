package scenarios

import (
	"fmt"
	"slices"
	"testing"

	"forklab/sim"
)

// memoryAt returns the index of the frame right after the step at line of run's
// file, and the named processes' views in it.
func memoryAt(t *testing.T, run *Run, line int, names ...string) (int, map[string]sim.ProcView) {
	t.Helper()
	s := stepAt(t, run.File, line)
	i := slices.IndexFunc(run.Frames, func(fr Frame) bool { return fr.Step == s })
	if i < 0 {
		t.Fatalf("%s under %s: no frame for line %d", run.File.Name, run.Design.Name, line)
	}
	views := map[string]sim.ProcView{}
	for _, n := range names {
		v, ok := run.Frames[i].Snapshot.Proc(n)
		if !ok {
			t.Fatalf("%s under %s, frame %d: no process %s", run.File.Name, run.Design.Name, i, n)
		}
		views[n] = v
	}
	return i, views
}

func vars(v sim.ProcView) string { return fmt.Sprint(v.Vars) }

// TestVforkCshMemory: in vfork-csh, right after C's `set x 1` (line 23), 9.0's C
// shares P's address space, so both see x = 1; under the proposal C stored into
// a copy (A7): two address spaces, P's with x = 0, C's with x = 1. The exec then
// gives C a fresh, empty space under both, and P keeps what it had.
// Reference: ptrace-semantics.md §4(c); sys/vm/vm_glue.c:vm_forkproc() (RFMEM).
func TestVforkCshMemory(t *testing.T) {
	runs := runLibrary(t, "vfork-csh.txt", "old", "new")
	for _, tc := range []struct {
		run        *Run
		shared     bool
		pVars      string
		afterExecP string
	}{
		{runs[0], true, "[{x 1}]", "[{x 1}]"},
		{runs[1], false, "[{x 0}]", "[{x 0}]"},
	} {
		d := tc.run.Design.Name
		i, v := memoryAt(t, tc.run, 23, "P", "C")
		if i != 6 {
			t.Errorf("%s: C's store is frame %d, want 6 (e2e/memory_test.go's values step)", d, i)
		}
		p, c := v["P"], v["C"]
		if p.Vmspace == 0 || c.Vmspace == 0 {
			t.Fatalf("%s: P's vmspace %d, C's %d, want both set", d, p.Vmspace, c.Vmspace)
		}
		if got := p.Vmspace == c.Vmspace; got != tc.shared {
			t.Errorf("%s: P and C share an address space = %v (ids %d, %d), want %v", d, got, p.Vmspace, c.Vmspace, tc.shared)
		}
		if vars(p) != tc.pVars || vars(c) != "[{x 1}]" {
			t.Errorf("%s: P holds %s, C %s, want %s and [{x 1}]", d, vars(p), vars(c), tc.pVars)
		}

		_, after := memoryAt(t, tc.run, 26, "P", "C") // C: exec /bin/echo
		pe, ce := after["P"], after["C"]
		if pe.Vmspace != p.Vmspace || vars(pe) != tc.afterExecP {
			t.Errorf("%s after exec: P has vmspace %d holding %s, want %d holding %s", d, pe.Vmspace, vars(pe), p.Vmspace, tc.afterExecP)
		}
		if ce.Vmspace == 0 || ce.Vmspace == c.Vmspace || ce.Vmspace == p.Vmspace || ce.Vars != nil {
			t.Errorf("%s after exec: C has vmspace %d holding %s, want a fresh empty one (not %d or %d)", d, ce.Vmspace, vars(ce), c.Vmspace, p.Vmspace)
		}
	}
}

// TestRforkRFMEMMemory: rfork(RFPROC|RFMEM) shares the address space in 9.0 and
// the proposal drops RFMEM for a traced process (A7), so C's store at line 23
// lands in a copy. A zombie holds no address space (vmspace_exit()).
func TestRforkRFMEMMemory(t *testing.T) {
	runs := runLibrary(t, "rfork-rfmem.txt", "old", "new")
	for j, shared := range []bool{true, false} {
		_, v := memoryAt(t, runs[j], 23, "P", "C")
		p, c := v["P"], v["C"]
		if got := p.Vmspace == c.Vmspace; got != shared || vars(c) != "[{x 5}]" {
			t.Errorf("%s: shared = %v (ids %d, %d), C holds %s; want shared = %v, C holding [{x 5}]",
				runs[j].Design.Name, got, p.Vmspace, c.Vmspace, vars(c), shared)
		}
		_, v = memoryAt(t, runs[j], 26, "C") // C: exit 0
		if c := v["C"]; c.Vmspace != 0 || c.Vars != nil {
			t.Errorf("%s: exited C has vmspace %d holding %s, want none", runs[j].Design.Name, c.Vmspace, vars(c))
		}
	}
}
