package scenarios

import (
	"strconv"
	"strings"

	"forklab/sim"
)

// Observed says what an observer sees at a step, which is what Compare compares:
// the page says it where the designs agree. It is decided here once, for the
// scrubber's marks, the callout and their tests alike.
const Observed = "the step each design ran; what each call returned, and whether it has returned yet; " +
	"for each process its state, its parent (the one that gets it back from a tracer), its tracer, " +
	"whom it shares its address space with and the variables it holds; " +
	"and, for a process in a trace stop, what its tracer would read about the stop " +
	"(PT_LWPINFO, or on Linux the ptrace event and PTRACE_GETEVENTMSG: Linux is compared with Linux only)"

// Difference is one way the designs' runs differ at the same point: What names the
// thing compared ("line 21: R: wait C nohang", "C"), Values says what each design
// has there, in the runs' order.
type Difference struct {
	What   string
	Values []string
}

// FrameAt returns run's frame n, or its last frame when the run has ended.
func (r *Run) FrameAt(n int) *Frame {
	return &r.Frames[min(n, len(r.Frames)-1)]
}

// seen is what one run shows of one thing compared: Key is compared, Shown is
// what the callout says (Key with when, where that helps). Runs are compared
// within their Kind only: what differs in kind (PT_LWPINFO against Linux's
// ptrace event) is shown, never counted as a difference.
type seen struct {
	Kind, Key, Shown string
}

// Compare says how the runs (the same file under several designs, with snapshots)
// differ after their n-th step in what an observer sees (Observed): a different step
// run, a different value returned or a call returned in one and not in another, a
// process in a different state, with a different parent or tracer, or stopped with
// a different record. Runs that have ended are compared in their final state.
func Compare(runs []*Run, n int) []Difference {
	if len(runs) < 2 {
		return nil
	}
	var out []Difference
	add := func(what string, value func(r *Run) seen) {
		vals := make([]string, len(runs))
		keys := make([]seen, len(runs))
		differ := false
		for i, r := range runs {
			keys[i] = value(r)
			vals[i] = keys[i].Shown
			for _, k := range keys[:i] {
				differ = differ || (k.Kind == keys[i].Kind && k.Key != keys[i].Key)
			}
		}
		if differ {
			out = append(out, Difference{What: what, Values: vals})
		}
	}
	add("step run", func(r *Run) seen {
		if n >= len(r.Frames) {
			return plain("ended")
		}
		if s := r.Frames[n].Step; s != nil {
			return plain("line " + strconv.Itoa(s.Pos.Line) + ": " + s.Source)
		}
		return plain("start")
	})
	// The calls compared: those whose value was fixed or that returned at n in
	// some run.
	var lines []*Step
	listed := map[*Step]bool{}
	for _, r := range runs {
		if n >= len(r.Frames) {
			continue
		}
		for _, res := range append(r.ReturnedIn(n), r.Frames[n].Results...) {
			if !listed[res.Step] {
				listed[res.Step] = true
				lines = append(lines, res.Step)
			}
		}
	}
	for _, s := range lines {
		add("line "+strconv.Itoa(s.Pos.Line)+": "+s.Source, func(r *Run) seen {
			res, ok := r.ResultOf(s, n)
			switch {
			case !ok && !r.Started(s, n):
				return plain("not run yet")
			case !ok:
				return plain("no value yet: the call has not returned")
			case !res.ReturnedBy(n):
				return plain(res.Got + ", not returned yet")
			}
			v := callSeen(r.Design, res)
			if res.Returned < min(n, len(r.Frames)-1) {
				v.Shown += " (returned at step " + strconv.Itoa(res.Returned) + ")"
			}
			return v
		})
	}
	at := make(map[*Run]*procIndex, len(runs))
	for _, r := range runs {
		at[r] = newProcIndex(&r.FrameAt(n).Snapshot)
	}
	for _, name := range runs[0].File.Names {
		add(name, func(r *Run) seen { return plain(procSummary(at[r], name)) })
		add(name+": its memory", func(r *Run) seen { return plain(memorySummary(at[r], name)) })
		add(name+": what its tracer reads", func(r *Run) seen { return stopRecord(at[r], r.Design, name) })
	}
	return out
}

// procIndex finds a snapshot's processes by name, and those that share each
// address space. Compare asks about every declared process, which a scan of
// the process table per question made quadratic in the number of processes:
// with 200 processes, most of a step's time in the browser (issue 12).
type procIndex struct {
	s      *sim.Snapshot
	byName map[string]int   // index in s.Procs
	byVm   map[int][]string // the processes in each address space, in pid order
}

func newProcIndex(s *sim.Snapshot) *procIndex {
	x := &procIndex{s: s, byName: make(map[string]int, len(s.Procs)), byVm: map[int][]string{}}
	for i, p := range s.Procs {
		if _, dup := x.byName[p.Name]; !dup { // the first, as Snapshot.Proc
			x.byName[p.Name] = i
		}
		if p.Vmspace != 0 {
			x.byVm[p.Vmspace] = append(x.byVm[p.Vmspace], p.Name)
		}
	}
	return x
}

// proc is the process called name, as Snapshot.Proc finds it.
func (x *procIndex) proc(name string) (*sim.ProcView, bool) {
	i, ok := x.byName[name]
	if !ok {
		return nil, false
	}
	return &x.s.Procs[i], true
}

func plain(s string) seen { return seen{Key: s, Shown: s} }

// callSeen is a call's value as compared: what PT_LWPINFO returns is compared
// with what Linux's event requests return only within each, and a Linux wait
// status is compared without the ptrace event it carries (status>>16; the stop's
// record compares that).
func callSeen(d *sim.Design, res StepResult) seen {
	v := plain(res.Got)
	if res.Res.Lwp != nil {
		v.Kind = recordKind(d)
	}
	if w := res.Res.Wait; w != nil && w.Event != 0 {
		bare := *w
		bare.Event = 0
		v.Key = bare.String()
	}
	return v
}

// recordKind names the record a tracer reads about a stop under d.
func recordKind(d *sim.Design) string {
	if d.Linux() {
		return "ptrace event"
	}
	return "PT_LWPINFO"
}

// procSummary describes a process alike in every design: its state, its parent
// and its tracer. The parent is p_pptr, or while traced the process it goes back
// to (FreeBSD's p_pptr is then the tracer; Linux's real_parent stays).
func procSummary(x *procIndex, name string) string {
	v, ok := x.proc(name)
	if !ok {
		return "does not exist"
	}
	s := x.s
	parts := []string{expectState(v)}
	if v.State != sim.StateReaped {
		parent := v.Parent
		if v.Tracer != 0 {
			parent = v.RealParent
		}
		if p, ok := s.ByPid(parent); ok {
			parts = append(parts, "parent "+p.Name)
		}
		if t, ok := s.ByPid(v.Tracer); ok && v.Tracer != 0 {
			parts = append(parts, "traced by "+t.Name)
		}
	}
	return strings.Join(parts, ", ")
}

// memorySummary describes a process's address space alike in every design:
// the processes it shares it with (by name, since pids may differ) and the
// variables it holds. A process without one (not yet forked, exited) has none.
func memorySummary(x *procIndex, name string) string {
	v, ok := x.proc(name)
	if !ok || v.Vmspace == 0 {
		return "no address space"
	}
	var parts []string
	var with []string
	for _, o := range x.byVm[v.Vmspace] {
		if o != name {
			with = append(with, o)
		}
	}
	if len(with) > 0 {
		parts = append(parts, "shared with "+strings.Join(with, " and "))
	} else {
		parts = append(parts, "its own")
	}
	if len(v.Vars) == 0 {
		parts = append(parts, "empty")
	}
	for _, x := range v.Vars {
		parts = append(parts, x.Name+" = "+strconv.Itoa(x.Value))
	}
	return strings.Join(parts, ", ")
}

// stopRecord is what the tracer of a process in a trace stop would read about
// the stop: PT_LWPINFO, or on Linux the event and PTRACE_GETEVENTMSG.
func stopRecord(x *procIndex, d *sim.Design, name string) seen {
	kind := recordKind(d)
	v, ok := x.proc(name)
	if !ok || v.Lwpinfo == nil {
		return seen{Kind: kind, Key: "", Shown: "not in a trace stop"}
	}
	rec := v.Lwpinfo.String()
	return seen{Kind: kind, Key: rec, Shown: kind + ": " + rec}
}
