package ui

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"forklab/scenarios"
	"forklab/sim"
)

// run executes a library scenario under a design, as the UI does.
func runOf(t *testing.T, key, design string) *runView {
	t.Helper()
	e, ok := libraryEntry(key)
	if !ok {
		t.Fatalf("no library scenario %s", key)
	}
	d, _ := sim.LookupDesign(design)
	return newScenario(e.Key, e.File, e.Src).run(d)
}

// frameOf returns the first frame whose step is on line, in rv.
func frameOf(t *testing.T, rv *runView, line int) int {
	t.Helper()
	for i, fr := range rv.Run.Frames {
		if fr.Step != nil && fr.Step.Pos.Line == line {
			return i
		}
	}
	t.Fatalf("no frame ran line %d", line)
	return 0
}

func lineOf(t *testing.T, key, prefix string) int {
	t.Helper()
	e, _ := libraryEntry(key)
	for i, l := range strings.Split(e.Src, "\n") {
		if strings.HasPrefix(l, prefix) {
			return i + 1
		}
	}
	t.Fatalf("%s has no line %q", key, prefix)
	return 0
}

func TestLayout(t *testing.T) {
	rv := runOf(t, "fork-follow-continue", "new")
	fork := frameOf(t, rv, lineOf(t, "fork-follow-continue", "P: fork"))
	before, after := rv.layout(fork-1), rv.layout(fork)
	snap := &rv.Run.Frames[fork].Snapshot
	d, _ := snap.Proc("D")
	p, _ := snap.Proc("P")
	c, _ := snap.Proc("C")
	init := before.Pos[1]
	if init.Y >= before.Pos[d.Pid].Y || before.Pos[d.Pid].Y >= before.Pos[p.Pid].Y {
		t.Errorf("init, D, P are not one generation apart: %v", before.Pos)
	}
	if _, ok := before.Pos[c.Pid]; ok {
		t.Errorf("C is placed before it exists")
	}
	// C is followed: re-parented to D, it sits beside P under D.
	if after.Pos[c.Pid].Y != after.Pos[p.Pid].Y || after.Pos[c.Pid].X <= after.Pos[p.Pid].X {
		t.Errorf("C at %v, P at %v: C should be P's sibling, right of it", after.Pos[c.Pid], after.Pos[p.Pid])
	}
	if got := layoutTree(snap); got.Slots != after.Slots || got.Pos[c.Pid] != after.Pos[c.Pid] {
		t.Errorf("the layout of one snapshot differs between two computations")
	}
	// Every live process is placed once; reaped ones are not.
	last := &rv.Run.Frames[len(rv.Run.Frames)-1].Snapshot
	l := layoutTree(last)
	for _, q := range last.Procs {
		_, placed := l.Pos[q.Pid]
		if placed == (q.State == sim.StateReaped) {
			t.Errorf("%s (%s) placed: %v", q.Name, q.State, placed)
		}
	}
}

func TestTreeEdges(t *testing.T) {
	rv := runOf(t, "attach-exit-status", "new")
	attach := frameOf(t, rv, lineOf(t, "attach-exit-status", "D: ptrace attach C"))
	w, h := treeSize(rv.extent())
	tv := buildTree(rv, attach, w, h, true)
	snap := &rv.Run.Frames[attach].Snapshot
	c, _ := snap.Proc("C")
	edges := map[string]treeEdge{}
	for _, e := range tv.Edges {
		if e.Pid == c.Pid {
			edges[e.Kind] = e
		}
	}
	if e := edges["parent"]; !e.Visible || e.Other != c.Parent {
		t.Errorf("C's parent edge %+v, want to %d", e, c.Parent)
	}
	if e := edges["realparent"]; !e.Visible || e.Other != c.RealParent || c.RealParent == c.Parent {
		t.Errorf("C's real-parent edge %+v (real parent %d, parent %d)", e, c.RealParent, c.Parent)
	}
	if e := edges["tracer"]; !e.Visible || e.Other != c.Tracer {
		t.Errorf("C's tracer link %+v, tracer %d", e, c.Tracer)
	}
	if e := edges["orphan"]; e.Visible != (c.OrphanOf != 0) {
		t.Errorf("C's orphan link %+v, orphan of %d", e, c.OrphanOf)
	}
	for _, d := range tv.Paths {
		if !strings.HasPrefix(d, "M") || strings.Count(d, "C") != 1 {
			t.Errorf("edge path %q is not M…C…: CSS cannot animate it into another", d)
		}
	}
	// A process reaped in this frame is a ghost; before and after, it is
	// drawn live or not at all.
	for i := 1; i < len(rv.Run.Frames); i++ {
		tv := buildTree(rv, i, w, h, true)
		for _, n := range tv.Nodes {
			prev, _ := rv.Run.Frames[i-1].Snapshot.ByPid(n.Pid)
			wasLive := prev.Pid != 0 && prev.State != sim.StateReaped
			if n.State == "reaped" && n.Visible != wasLive {
				t.Errorf("frame %d: reaped %s visible=%v, was live %v", i, n.Name, n.Visible, wasLive)
			}
		}
	}
}

func TestDebuggerView(t *testing.T) {
	key := "fork-follow-continue"
	for _, tc := range []struct {
		design, line string
		flags        sim.PLFlags
		na           []string
	}{
		{"new", "D: ptrace lwpinfo C", sim.PL_FLAG_FORKED, []string{"PL_FLAG_CHILD", "PL_FLAG_BORN", "PL_FLAG_EXITED", "PL_FLAG_VFORKED", "PL_FLAG_VFORK_DONE"}},
		{"merged", "D: ptrace lwpinfo C", sim.PL_FLAG_CHILD, []string{"PL_FLAG_BORN", "PL_FLAG_EXITED", "PL_FLAG_VFORKED", "PL_FLAG_VFORK_DONE"}},
		{"current", "D: ptrace lwpinfo P", 0, nil},
	} {
		rv := runOf(t, key, tc.design)
		i := frameOf(t, rv, lineOf(t, key, tc.line))
		v := buildDebugger(rv, i)
		d, _ := rv.Run.Frames[i].Snapshot.Proc("D")
		var lwp *reportView
		for j, r := range v.Reports {
			if r.Pid == d.Pid && r.Lwp != nil {
				lwp = &v.Reports[j]
			}
		}
		if lwp == nil || lwp.Step != i {
			t.Errorf("%s at %q: D has not learnt the record: %+v", tc.design, tc.line, v.Reports)
			continue
		}
		if tc.flags != 0 && lwp.Lwp.Flags&tc.flags == 0 {
			t.Errorf("%s: flags %s lack %s", tc.design, lwp.Lwp.Flags, tc.flags)
		}
		var na []string
		for _, f := range sim.PLFlagNames {
			if !v.Design.HasPLFlag(f.Flag) {
				na = append(na, f.Name)
			}
		}
		if !slices.Equal(na, tc.na) {
			t.Errorf("%s: n/a flags %v, want %v", tc.design, na, tc.na)
		}
		h := renderHTML(renderDebugger(v))
		if !strings.Contains(h, "WIFSTOPPED") || !strings.Contains(h, "pl_child_pid") {
			t.Errorf("%s: the view lacks the macros or the record:\n%s", tc.design, h)
		}
	}
	// Before any wait or ptrace, no process has learnt anything.
	rv := runOf(t, key, "old")
	if v := buildDebugger(rv, 0); len(v.Reports)+len(v.Unreported) != 0 {
		t.Errorf("reports at the start: %+v", v)
	}
}

// TestWhoLearntWhat: at step 3 of attach-exit-status under 9.0 the last call
// is the real parent R's wait, which returned 0; the page must not make R
// "the debugger" of a wait D made at step 2, nor show C's PT_LWPINFO record
// as if someone had read it.
func TestWhoLearntWhat(t *testing.T) {
	x := newTester(t)
	x.nav("/?scenario=attach-exit-status&step=3&designs=old,merged")
	h := textOf(renderHTML(renderDebugger(x.a.view.Panes[0].Dbg)))
	for _, want := range []string{
		"What the processes have learnt",
		"R[100] at step 3, line 27: R: wait C wait4() → 0: no child to report",
		"D[102] at step 2, line 26: D: wait C wait4() → 101 (C)",
		"not reported yet C[101] is in a trace stop since step 1, and no call has read it. What PT_LWPINFO would return:",
	} {
		if !strings.Contains(h, want) {
			t.Errorf("the view lacks %q:\n%s", want, h)
		}
	}
	if strings.Contains(h, "Debugger") {
		t.Errorf("the view calls someone the debugger:\n%s", h)
	}
}

// textOf is the text of an HTML string, white space collapsed.
func textOf(h string) string {
	return strings.Join(strings.Fields(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(unwrapTerms(h), " ")), " ")
}

func TestWaitStatus(t *testing.T) {
	stop := sim.MustSignal("SIGSTOP")
	trap := sim.MustSignal("SIGTRAP")
	kill := sim.MustSignal("SIGKILL")
	for _, tc := range []struct {
		w     sim.WaitResult
		linux bool
		want  int
		ok    bool
	}{
		{sim.WaitResult{Kind: sim.WaitStopped, Sig: stop}, false, 0x117f, true}, // FreeBSD SIGSTOP is 17
		{sim.WaitResult{Kind: sim.WaitStopped, Sig: stop}, true, 0x137f, true},  // Linux SIGSTOP is 19
		{sim.WaitResult{Kind: sim.WaitStopped, Sig: trap, Event: sim.PTRACE_EVENT_FORK}, true, 0x1057f, true},
		{sim.WaitResult{Kind: sim.WaitExited, Status: 1}, false, 0x100, true},
		{sim.WaitResult{Kind: sim.WaitKilled, Sig: kill}, false, 9, true},
		{sim.WaitResult{Kind: sim.WaitNone}, false, 0, false},
		{sim.WaitResult{Kind: sim.WaitErr}, false, 0, false},
	} {
		if got, ok := waitStatus(&tc.w, tc.linux); got != tc.want || ok != tc.ok {
			t.Errorf("waitStatus(%v, linux=%v) = %#x %v, want %#x %v", tc.w, tc.linux, got, ok, tc.want, tc.ok)
		}
	}
}

func TestTreeChanges(t *testing.T) {
	rv := runOf(t, "detach", "merged")
	attach := frameOf(t, rv, lineOf(t, "detach", "D: ptrace attach C"))
	got := treeChanges(&rv.Run.Frames[attach-1].Snapshot, &rv.Run.Frames[attach].Snapshot, rv.name)
	text := strings.Join(got, "; ")
	for _, want := range []string{"C[101] stopped SIGSTOP", "re-parented from R[100] to D[102]", "traced by D[102]"} {
		if !strings.Contains(text, want) {
			t.Errorf("changes %q lack %q", text, want)
		}
	}
}

func TestDefaultDesigns(t *testing.T) {
	for key, want := range map[string]string{
		"fork-follow-continue": "old,new",
		"exec-to-scx":          "old,merged", // its pair: line
		"orphan-race":          "merged,current",
		"freebsd/getppid":      "merged,current",
	} {
		e, _ := libraryEntry(key)
		if got := designsKey(DefaultDesigns(e.File)); got != want {
			t.Errorf("%s opens under %s, want %s", key, got, want)
		}
	}
}

func TestMarksAreCompare(t *testing.T) {
	e, _ := libraryEntry("orphan-race")
	sc := newScenario(e.Key, e.File, e.Src)
	ds := DefaultDesigns(sc.File)
	marks := sc.diffsFor(ds).marks
	runs := []*scenarios.Run{sc.run(ds[0]).Run, sc.run(ds[1]).Run}
	for n, m := range marks {
		if m != (len(scenarios.Compare(runs, n)) > 0) {
			t.Errorf("mark at %d is %v, Compare disagrees", n, m)
		}
	}
	if !slices.Contains(marks, true) {
		t.Errorf("orphan-race shows no difference between %s", designsKey(ds))
	}
}
