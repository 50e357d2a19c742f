package scenarios

import (
	"reflect"
	"slices"

	"forklab/sim"
)

// This file derives the explorer's dependency relation from what a step touched in
// the model (docs/explorer.md "Which steps commute"). The footprint of a step, as it
// ran from one state, is a set of process names:
//
//  1. E, the processes it wrote or that acted in it: its actor and its target (by
//     name, whether or not that process exists, as the target's lookup reads the
//     name), every process an event of the step happened to (the step's own call
//     and everything that went on while it settled), every process whose Snapshot
//     view changed, every process that appeared, and, for a process whose parent,
//     real parent, tracer, orphan-list owner, p_oppid or shared address space
//     changed, the old and the new one: their lists (p_children, p_orphans, the
//     tracees) changed.
//  2. The neighbours of E, before and after the step: the processes related to one
//     in E by any of the links of 1, either way. Kernel code reads the process it
//     runs for, its target, and their parents, children, tracer, tracees, orphans,
//     real parent and the processes sharing their memory; the neighbours cover
//     these reads. init is a neighbour of nearly every process, so its own
//     neighbours are not added: init runs no step and reads only its zombie
//     children, and reaping one is an event of init (so init is in E).
//  3. A pseudo-name, the pid allocator, when the step created a process: fork1
//     takes the next pid, so two forks never commute (their children's pids would
//     swap, and settling runs the lowest pid first).
//  4. With the file's markup (Moves), the actors of the steps written above the
//     step outside its free block: whether they have started, and whether they can
//     run, decides whether the step may run (Moves.allowed).
//
// Two steps depend on each other when their footprints meet. A step whose
// footprint misses the other's writes reads nothing the other wrote, so it runs the
// same way before or after it, and neither makes the other able or unable to run;
// the two orders end in the same state. The explorer's equivalence test holds this
// against naive enumeration on the library (explore_test.go).

// bitset is a set of small numbers: of the names an exploration knows (a
// footprint), or of the steps of a run.
type bitset []uint64

func newBitset(n int) bitset { return make(bitset, (n+63)/64) }

func (s bitset) add(i int) { s[i/64] |= 1 << (i % 64) }

func (s bitset) has(i int) bool { return s[i/64]&(1<<(i%64)) != 0 }

// meets reports whether s and t share a name.
func (s bitset) meets(t bitset) bool {
	for i := range s {
		if s[i]&t[i] != 0 {
			return true
		}
	}
	return false
}

// universe numbers the names a footprint can hold: the file's process names, init
// and the pid allocator.
type universe struct {
	ids       map[string]int
	init, pid int
}

func newUniverse(f *File) *universe {
	u := &universe{ids: make(map[string]int, len(f.Names)+1)}
	for i, n := range f.Names {
		u.ids[n] = i
	}
	u.init = len(f.Names)
	u.ids["init"] = u.init
	u.pid = u.init + 1
	return u
}

func (u *universe) size() int { return u.pid + 1 }

// links returns the pids a process view is linked to: the links of step 1 above.
func links(v *sim.ProcView) []int {
	l := []int{v.Parent, v.RealParent, v.Tracer, v.OrphanOf, v.Oppid}
	return append(l, v.SharesVM...)
}

// footprint returns the footprint of step s, which ran from the state of before and
// produced events, reaching the state of after (the numbered rules above but 4,
// which the caller adds).
func (u *universe) footprint(s *Step, before, after *sim.Snapshot, events []sim.Event) bitset {
	fp := newBitset(u.size())
	var e []int // E, as pids where the process exists
	addName := func(name string) {
		if id, ok := u.ids[name]; ok {
			fp.add(id)
		}
	}
	addName(s.Op.Actor)
	if s.Op.Target != "" {
		addName(s.Op.Target)
	}
	for _, ev := range events {
		e = append(e, ev.Common().Pid)
	}
	for i := range after.Procs {
		a := &after.Procs[i]
		if i >= len(before.Procs) {
			fp.add(u.pid)
			e = append(e, a.Pid)
			continue
		}
		b := &before.Procs[i]
		if reflect.DeepEqual(a, b) {
			continue
		}
		e = append(e, a.Pid)
		la, lb := links(a), links(b)
		if !slices.Equal(la, lb) {
			e = append(e, la...)
			e = append(e, lb...)
		}
	}
	for _, pid := range e {
		if v, ok := after.ByPid(pid); ok {
			fp.add(u.ids[v.Name])
		}
	}
	// The neighbours (rule 2), from both states: of E only, not of neighbours.
	core := slices.Clone(fp)
	for _, snap := range []*sim.Snapshot{before, after} {
		for i := range snap.Procs {
			v := &snap.Procs[i]
			if v.Pid == 1 {
				continue
			}
			id := u.ids[v.Name]
			for _, q := range links(v) {
				w, ok := snap.ByPid(q)
				if !ok || q == 1 {
					continue
				}
				switch qid := u.ids[w.Name]; {
				case core.has(id):
					fp.add(qid)
				case core.has(qid):
					fp.add(id)
				}
			}
		}
	}
	return fp
}

// linearExtensions returns how many orders of the steps of a run keep every pair of
// dependent steps in the order they ran: the orders equivalent to the run. deps[j]
// holds the earlier steps that step j depends on. The count saturates at
// math.MaxUint64.
func linearExtensions(deps []bitset) uint64 {
	n := len(deps)
	memo := map[string]uint64{}
	placed := newBitset(n)
	var count func(k int) uint64
	count = func(k int) uint64 {
		if k == n {
			return 1
		}
		key := string(bitsKey(placed))
		if c, ok := memo[key]; ok {
			return c
		}
		var total uint64
		for j := 0; j < n; j++ {
			if placed.has(j) || !subset(deps[j], placed) {
				continue
			}
			placed.add(j)
			c := count(k + 1)
			placed[j/64] &^= 1 << (j % 64)
			total = addSat(total, c)
		}
		memo[key] = total
		return total
	}
	return count(0)
}

// subset reports whether every name of s is in t.
func subset(s, t bitset) bool {
	for i := range s {
		if s[i]&^t[i] != 0 {
			return false
		}
	}
	return true
}

func bitsKey(s bitset) []byte {
	b := make([]byte, 0, 8*len(s))
	for _, w := range s {
		for i := 0; i < 8; i++ {
			b = append(b, byte(w>>(8*i)))
		}
	}
	return b
}
