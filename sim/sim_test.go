package sim

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestStdlibOnly: sim imports the standard library only (DEVELOPERS.md).
func TestStdlibOnly(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		f, err := parser.ParseFile(fset, name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			path := strings.Trim(imp.Path.Value, `"`)
			if first, _, _ := strings.Cut(path, "/"); strings.Contains(first, ".") || first == "forklab" {
				t.Errorf("%s imports %s: sim may import the standard library only", name, path)
			}
		}
	}
}

// prog builds a program from declared processes and steps.
func prog(procs []ProcDecl, ops ...Op) *Program { return &Program{Procs: procs, Ops: ops} }

// runAll runs every step that can run, checking invariants after each.
func runAll(t *testing.T, k *Kernel) {
	t.Helper()
	for i := k.Next(); i >= 0; i = k.Next() {
		k.Step(i)
		for _, v := range k.CheckInvariants() {
			if !v.Declared {
				t.Fatalf("after step %d: %s", i, v)
			}
		}
	}
}

// TestDesignsResolve: every design is found by name and alias, and the proposal
// names A1-A12.
func TestDesignsResolve(t *testing.T) {
	for _, dn := range DesignNames {
		d1, ok1 := LookupDesign(dn.Name)
		d2, ok2 := LookupDesign(dn.Alias)
		if !ok1 || !ok2 || d1 != d2 {
			t.Errorf("design %s/%s does not resolve", dn.Name, dn.Alias)
		}
	}
	d, _ := LookupDesign("new")
	if len(d.Assumptions) != 12 {
		t.Errorf("the proposal has %d assumptions, want 12 (ptrace-semantics.md §1.2.1)", len(d.Assumptions))
	}
}

// TestFollowedForkStopOrder: in 9.1 the child's SIGSTOP is posted before the
// parent's fork stop, because do_fork waits for the child (§4(a)); current no longer
// waits, so the parent stops first.
// Reference: ptrace-semantics.md §4(a); current kern_fork.c:do_fork().
func TestFollowedForkStopOrder(t *testing.T) {
	for _, tc := range []struct {
		design string
		first  string
	}{{"merged", "P"}, {"old", "C"}, {"current", "P"}} {
		d, _ := LookupDesign(tc.design)
		k := New(d, prog([]ProcDecl{{Name: "D"}, {Name: "P"}},
			Op{Actor: "D", Call: CallPtrace, Req: PTAttach, Target: "P"},
			Op{Actor: "D", Call: CallWait, Target: "P"},
			Op{Actor: "D", Call: CallPtrace, Req: PTFollowFork, Target: "P", On: true},
			Op{Actor: "D", Call: CallPtrace, Req: PTContinue, Target: "P"},
			Op{Actor: "P", Call: CallFork, Child: "C"},
		))
		for i := 0; i < 4; i++ {
			k.Step(k.Next())
		}
		var order []string
		for _, e := range k.Step(k.Next()) {
			if s, ok := e.(*Stopped); ok {
				order = append(order, strings.Split(s.Proc, "[")[0])
			}
		}
		want := map[string][]string{"merged": {"C", "P"}, "old": {"C"}, "current": {"P", "C"}}[tc.design]
		if strings.Join(order, ",") != strings.Join(want, ",") {
			t.Errorf("%s: stops in order %v, want %v", tc.design, order, want)
		}
	}
}

// TestDeterministic: a run is deterministic: the same program gives the same
// events twice.
func TestDeterministic(t *testing.T) {
	d, _ := LookupDesign("merged")
	mk := func() []string {
		k := New(d, prog([]ProcDecl{{Name: "R"}, {Name: "C", Parent: "R"}, {Name: "D"}},
			Op{Actor: "D", Call: CallPtrace, Req: PTAttach, Target: "C"},
			Op{Actor: "R", Call: CallWait},
			Op{Actor: "D", Call: CallWait},
			Op{Actor: "D", Call: CallPtrace, Req: PTContinue, Target: "C"},
			Op{Actor: "C", Call: CallExit, Status: 3},
			Op{Actor: "D", Call: CallWait},
		))
		var out []string
		for i := k.Next(); i >= 0; i = k.Next() {
			for _, e := range k.Step(i) {
				out = append(out, e.Common().Proc+" "+Describe(e, func(p int) string { return itoa(p) }))
			}
		}
		return out
	}
	a, b := mk(), mk()
	if strings.Join(a, "\n") != strings.Join(b, "\n") {
		t.Fatal("two runs of the same program differ")
	}
}

// TestSigkillWhileStopped: a SIGKILL sent to a stopped tracee is only queued in
// every FreeBSD design (it stops for it after the resume: kern_sig.c tdsendsignal()
// and issignal(), 9.1 and current; ptrace__event_mask_sigkill_discard), and kills at
// once on Linux.
// Reference: ptrace-semantics.md §3 "Signals posted to a traced process".
func TestSigkillWhileStopped(t *testing.T) {
	for _, tc := range []struct {
		design string
		dies   bool
	}{{"old", false}, {"new", false}, {"merged", false}, {"current", false}, {"linux", true}} {
		d, _ := LookupDesign(tc.design)
		k := New(d, prog([]ProcDecl{{Name: "D"}, {Name: "P"}},
			Op{Actor: "D", Call: CallPtrace, Req: PTAttach, Target: "P"},
			Op{Actor: "D", Call: CallKill, Target: "P", Signal: SIGKILL},
		))
		runAll(t, k)
		v, _ := func() (ProcView, bool) { s := k.Snapshot(); return s.Proc("P") }()
		if dies := v.State == StateZombie; dies != tc.dies {
			t.Errorf("%s: P is %s after SIGKILL while stopped", tc.design, v.State)
		}
	}
}

// TestSigkillIdle: SIGKILL kills a process that is in user mode between steps, in
// every design (kern_sig.c:tdsendsignal; init then reaps it).
func TestSigkillIdle(t *testing.T) {
	for _, d := range Designs() {
		k := New(d, prog([]ProcDecl{{Name: "A"}, {Name: "B"}},
			Op{Actor: "B", Call: CallKill, Target: "A", Signal: SIGKILL},
		))
		runAll(t, k)
		s := k.Snapshot()
		if v, _ := s.Proc("A"); v.State != StateReaped || v.Exit == nil || v.Exit.Sig != SIGKILL {
			t.Errorf("%s: A is %s after SIGKILL, exit %v", d.Alias, v.State, v.Exit)
		}
	}
}

// TestOrphanMark: a process on p_orphans carries P_ORPHAN in p_flag in 9.1 and
// P_TREE_ORPHANED in p_treeflag in current (sys/sys/proc.h since D417).
// Reference: ptrace-semantics.md §1.4 "2014 (D417)".
func TestOrphanMark(t *testing.T) {
	for _, tc := range []struct{ design, mark string }{{"merged", "P_ORPHAN"}, {"current", "P_TREE_ORPHANED"}} {
		d, _ := LookupDesign(tc.design)
		k := New(d, prog([]ProcDecl{{Name: "R"}, {Name: "C", Parent: "R"}, {Name: "D"}},
			Op{Actor: "D", Call: CallPtrace, Req: PTAttach, Target: "C"},
		))
		runAll(t, k)
		snap := k.Snapshot()
		v, _ := snap.Proc("C")
		inPFlag := slices.Contains(v.PFlags, "P_ORPHAN")
		if v.OrphanMark != tc.mark || inPFlag != (tc.mark == "P_ORPHAN") {
			t.Errorf("%s: C's mark %q, P_ORPHAN in p_flag %v; want %q", tc.design, v.OrphanMark, inPFlag, tc.mark)
		}
	}
}
