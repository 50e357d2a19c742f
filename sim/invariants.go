package sim

import (
	"fmt"
	"maps"
	"slices"
	"sort"
)

// Invariants are checked after every step in tests and on demand. A design that
// breaks one on purpose says so in Design.Breaks.
var Invariants = []struct{ Name, Text string }{
	{"one-parent", "every process but init has exactly one parent, which lists it among its children"},
	{"children-agree", "every child list entry names a process whose parent is the list's owner"},
	{"no-cycles", "following real parents from any process reaches init (p_pptr alone may loop: a process can attach to its own parent)"},
	{"one-tracer", "a traced process has exactly one tracer, alive, that knows it"},
	{"orphans-agree", "a process is on at most one p_orphans list, the one P_ORPHAN and p_orphan say"},
	{"zombie-reapable", "every zombie has a live parent that can reap it"},
	{"reaped-gone", "a reaped process is on no list"},
	{"exit-status-once", "no process receives the same child's exit status twice"},
	{"run-queue", "the model's own bookkeeping: every process inside the kernel that is not stopped is on the run queue, which is in pid order and holds only processes inside the kernel (settle tries only those)"},
}

// Violation is an invariant that does not hold.
type Violation struct {
	Invariant string
	Detail    string
	Declared  bool // the design breaks it on purpose (Design.Breaks)
}

func (v Violation) String() string {
	s := v.Invariant + ": " + v.Detail
	if v.Declared {
		s += " (declared by the design)"
	}
	return s
}

// CheckInvariants returns every invariant that does not hold now.
func (k *Kernel) CheckInvariants() []Violation {
	var out []Violation
	add := func(name, format string, args ...any) {
		v := Violation{Invariant: name, Detail: fmt.Sprintf(format, args...)}
		for _, b := range k.d.Breaks {
			if b.Invariant == name {
				v.Declared = true
			}
		}
		out = append(out, v)
	}
	parentOf := k.os.listedUnder
	listed := map[*Proc]int{}
	orphanListed := map[*Proc]int{}
	for _, p := range k.procs {
		for _, c := range p.children {
			listed[c]++
			if parentOf(c) != p {
				add("children-agree", "%s lists %s, whose parent is %s", p, c, parentOf(c))
			}
		}
		for _, c := range p.orphans {
			orphanListed[c]++
			if c.orphanOf != p || c.flag&P_ORPHAN == 0 {
				add("orphans-agree", "%s's p_orphans holds %s, which says %s", p, c, c.orphanOf)
			}
		}
	}
	for _, p := range k.procs {
		if p.state == prsReaped {
			if listed[p] != 0 || orphanListed[p] != 0 {
				add("reaped-gone", "%s is reaped but still listed", p)
			}
			continue
		}
		if p == k.init {
			continue
		}
		if parentOf(p) == nil || listed[p] != 1 {
			add("one-parent", "%s has parent %s and is listed %d times", p, parentOf(p), listed[p])
		}
		if orphanListed[p] > 1 || (p.orphanOf != nil && orphanListed[p] != 1) {
			add("orphans-agree", "%s is on %d p_orphans lists", p, orphanListed[p])
		}
		seen := map[*Proc]bool{}
		for q := p; q != k.init; q = k.realParentOf(q) {
			if q == nil || seen[q] {
				add("no-cycles", "the parents of %s do not reach init", p)
				break
			}
			seen[q] = true
		}
		if p.traced() && p.alive() {
			t := p.pptr
			if t == nil || !t.alive() {
				add("one-tracer", "%s is traced by %s, which is not alive", p, t)
			} else if k.os.tracerLists != nil && !k.os.tracerLists(t, p) {
				add("one-tracer", "%s's tracer %s does not list it", p, t)
			}
		}
		if p.state == prsZombie {
			if pp := p.pptr; pp == nil || !pp.alive() {
				add("zombie-reapable", "zombie %s has no live parent", p)
			}
		}
	}
	keys := slices.Collect(maps.Keys(k.delivered))
	sort.Slice(keys, func(i, j int) bool { // not slices: README, "Sorting and app.wasm's size"
		return keys[i][0] < keys[j][0] || keys[i][0] == keys[j][0] && keys[i][1] < keys[j][1]
	})
	for _, key := range keys {
		if n := k.delivered[key]; n > 1 {
			add("exit-status-once", "%s got %s's exit status %d times", k.procByPid(key[0]), k.procByPid(key[1]), n)
		}
	}
	if !slices.IsSortedFunc(k.runq, func(a, b *Proc) int { return a.Pid - b.Pid }) {
		add("run-queue", "the run queue is out of pid order")
	}
	for _, p := range k.runq {
		if p.td.k == nil {
			add("run-queue", "%s is on the run queue in user mode", p)
		}
	}
	for _, p := range k.procs {
		_, on := k.runqIndex(p)
		if p.td.k != nil && !(p.stopped() && !p.killed) && !on {
			add("run-queue", "%s is inside the kernel, not stopped, and off the run queue", p)
		}
		if p.td.onRunq != on {
			add("run-queue", "%s has TD_ON_RUNQ %v but is on the run queue: %v", p, p.td.onRunq, on)
		}
	}
	return out
}

func countProc(list []*Proc, p *Proc) int {
	n := 0
	for _, q := range list {
		if q == p {
			n++
		}
	}
	return n
}
