package ui

// This file says in words what changed in the process tree from one frame to
// the next, for the ARIA live region that screen readers announce at each
// step (and for anyone who reads it).

import (
	"strings"

	"forklab/sim"
)

// treeChanges lists what an observer sees change between two snapshots: a
// process created, a new state, a new parent, tracer or orphan list.
func treeChanges(prev, cur *sim.Snapshot, name func(int) string) []string {
	var out []string
	for _, p := range cur.Procs {
		q, existed := prev.ByPid(p.Pid)
		n := name(p.Pid)
		if !existed {
			s := n + " created"
			if p.Parent != 0 {
				s += ", child of " + name(p.Parent)
			}
			out = append(out, s+", "+stateBadge(p))
			continue
		}
		if stateBadge(p) != stateBadge(q) {
			out = append(out, n+" "+stateBadge(p))
		}
		if p.State == sim.StateReaped {
			continue
		}
		if p.Parent != q.Parent && p.Parent != 0 {
			out = append(out, n+" re-parented from "+optName2(name, q.Parent)+" to "+name(p.Parent))
		}
		if p.Tracer != q.Tracer {
			if p.Tracer == 0 {
				out = append(out, n+" no longer traced")
			} else {
				out = append(out, n+" traced by "+name(p.Tracer))
			}
		}
		if p.OrphanOf != q.OrphanOf {
			if p.OrphanOf == 0 {
				out = append(out, n+" off the orphan list of "+optName2(name, q.OrphanOf))
			} else {
				out = append(out, n+" on the orphan list of "+name(p.OrphanOf))
			}
		}
	}
	return out
}

func optName2(name func(int) string, pid int) string {
	if pid == 0 {
		return "none"
	}
	return name(pid)
}

// liveText is the announcement for one pane at one position.
func liveText(rv *runView, i, n int) string {
	r := rv.Run
	var b strings.Builder
	b.WriteString(rv.Design.Short() + ": ")
	switch {
	case n > len(r.Frames)-1:
		b.WriteString("run ended. ")
		return b.String()
	case i == 0:
		b.WriteString("start. ")
		return b.String()
	}
	fr := &r.Frames[i]
	b.WriteString("line " + itoa(fr.Step.Pos.Line) + ", " + callText(fr.Step.Source) + ". ")
	for _, res := range resultNotes(r, i) {
		b.WriteString(res.Text + ". ")
	}
	for _, v := range fr.Broken {
		b.WriteString(newBrokenNote(rv.Design, v).Sentence() + " ")
	}
	if ch := treeChanges(&r.Frames[i-1].Snapshot, &fr.Snapshot, rv.name); len(ch) > 0 {
		b.WriteString(strings.Join(ch, "; ") + ". ")
	} else {
		b.WriteString("No change in the tree. ")
	}
	if n == len(r.Frames)-1 && len(r.Deadlock) > 0 {
		b.WriteString("The run ends in deadlock. ")
	}
	return b.String()
}
