package ui

// This file lays out a process tree from a snapshot: layered by the current
// parent (p_pptr; real_parent on linux) from init, each leaf in its own slot
// and each parent centred over its children, children in pid order. The
// layout is a pure function of the snapshot, so the same frame always draws
// the same picture, and a process that changes parent moves to its new place.

import (
	"slices"
	"strconv"

	"forklab/sim"
)

// Geometry of the tree, in SVG user units (CSS pixels at scale 1).
const (
	slotW  = 132.0 // horizontal room for one leaf
	levelH = 96.0  // vertical distance between generations
	nodeW  = 116.0 // node box
	nodeH  = 46.0
	padX   = 50.0 // room beside the trees for the tracer and orphan-list links
	padTop = 22.0 // room above the first row for badges
	padBot = 40.0 // room below the last row for links between siblings
)

// point is a node's centre.
type point struct{ X, Y float64 }

// treeLayout places the live (not reaped) processes of one snapshot.
type treeLayout struct {
	Pos   map[int]point // by pid
	Slots int           // leaves: the width in slots
	Depth int           // the deepest generation (init is 0)
}

// layoutTree lays out the processes of s that are not reaped.
func layoutTree(s *sim.Snapshot) *treeLayout {
	l := &treeLayout{Pos: map[int]point{}}
	live := map[int]bool{}
	for _, p := range s.Procs {
		if p.State != sim.StateReaped {
			live[p.Pid] = true
		}
	}
	children := map[int][]int{}
	var roots []int
	for _, p := range s.Procs {
		if !live[p.Pid] {
			continue
		}
		switch {
		case p.Parent != 0 && live[p.Parent] && p.Parent != p.Pid:
			children[p.Parent] = append(children[p.Parent], p.Pid)
		default:
			roots = append(roots, p.Pid)
		}
	}
	slot := 0
	var place func(pid, depth int, seen map[int]bool) float64
	place = func(pid, depth int, seen map[int]bool) float64 {
		seen[pid] = true
		l.Depth = max(l.Depth, depth)
		var xs []float64
		kids := children[pid]
		slices.Sort(kids)
		for _, c := range kids {
			if !seen[c] {
				xs = append(xs, place(c, depth+1, seen))
			}
		}
		var x float64
		if len(xs) == 0 {
			x = padX + float64(slot)*slotW + slotW/2
			slot++
		} else {
			x = (xs[0] + xs[len(xs)-1]) / 2
		}
		l.Pos[pid] = point{X: x, Y: padTop + float64(depth)*levelH + nodeH/2}
		return x
	}
	seen := map[int]bool{}
	for _, r := range roots {
		place(r, 0, seen)
	}
	// A parent cycle cannot happen in a kernel, but the picture must not lose
	// a process if the model ever had one.
	for _, p := range s.Procs {
		if live[p.Pid] && !seen[p.Pid] {
			place(p.Pid, 0, seen)
		}
	}
	l.Slots = slot
	return l
}

// treeSize returns the SVG size for a tree of slots leaves and depth
// generations below init.
func treeSize(slots, depth int) (w, h float64) {
	return 2*padX + float64(max(slots, 1))*slotW, padTop + float64(depth)*levelH + nodeH + padBot
}

func itoa(n int) string { return strconv.Itoa(n) }

// num formats a coordinate for SVG, with at most one decimal: as
// strconv.FormatFloat(float64(int(f*10+0.5))/10, 'f', -1, 64) would, from the
// integer, which is several times faster (a big tree formats thousands per
// step); TestNumAsFormatFloat holds it to that.
func num(f float64) string {
	n := int(f*10 + 0.5)
	neg := n < 0
	if neg {
		n = -n
	}
	s := strconv.Itoa(n / 10)
	if d := n % 10; d != 0 {
		s += "." + string(rune('0'+d))
	}
	if neg {
		s = "-" + s
	}
	return s
}
