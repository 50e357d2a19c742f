package ui

// This file draws the address spaces beside a pane's tree: a box per vmspace
// (sim.ProcView.Vmspace) listing the variables it holds, `name = value`, in a
// column to the right of the tree, with a line from each process whose space it
// is. One box stands for a space that processes share (a vfork child before it
// execs or exits, an rfork(RFMEM) child): it spans them, from the top of the
// highest to the bottom of the lowest, and has a line to each, so that at
// vfork-csh 9.0's P and C point at one box where the proposal's point at two. An
// exec gives the process a new, empty box.
//
// Only the spaces of processes that use memory in the run are drawn: that hold a
// variable at some frame, or load one (an empty space is dashed, at its
// process's height). init's and the debugger's stay out of the way, and a run
// without variables draws nothing and keeps its tree's size.

import (
	"slices"
	"sort"
	"strings"

	"forklab/sim"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Geometry of the address-space column, in the tree's units.
const (
	memBoxW  = 116.0 // a box's width
	memColW  = 128.0 // a column's width: a box and the gap to the next
	memHeadH = 17.0  // the caption line
	memLineH = 16.0  // a variable's line
	memGap   = 8.0   // the least room between boxes of one column
	memLink  = 10.0  // a link leaves its node this far above the node's centre
	// memPad is the room between the tree's last slot and the column: a
	// tracer's arrow to the rightmost process bows out about 25 into it, and
	// the box must not touch it.
	memPad = 44.0
)

// runMemory is what the whole run needs of the column, computed once.
type runMemory struct {
	held   map[int]bool // the processes that hold a variable at some frame, or load one
	right  float64      // the right end of the column, padded, over all frames
	bottom float64      // the lowest box's bottom over all frames
}

// memory returns rv's runMemory.
func (rv *runView) memory() *runMemory {
	if rv.mem != nil {
		return rv.mem
	}
	m := &runMemory{held: map[int]bool{}}
	for _, fr := range rv.Run.Frames {
		for _, p := range fr.Snapshot.Procs {
			if p.Vars != nil {
				m.held[p.Pid] = true
			}
		}
		for _, e := range fr.Events {
			if a, ok := e.(*sim.MemoryAccess); ok {
				m.held[a.Pid] = true
			}
		}
	}
	if len(m.held) > 0 {
		for i := range rv.Run.Frames {
			lay := rv.layout(i)
			for _, s := range placeMemory(&rv.Run.Frames[i].Snapshot, lay, m.held) {
				m.right = max(m.right, memColumnX(lay)+float64(s.Col)*memColW+memBoxW+padX/2)
				m.bottom = max(m.bottom, s.Bottom)
			}
		}
	}
	rv.mem = m
	return m
}

// width returns how wide the run's drawing is, rw being its widest tree: the
// widest tree and column of any frame when it draws memory.
func (m *runMemory) width(rw float64) float64 {
	if len(m.held) == 0 {
		return rw
	}
	return max(rw, m.right)
}

// memColumnX is where the column starts beside a tree laid out as lay, before
// the tree's shift.
func memColumnX(lay *treeLayout) float64 { return padX + float64(lay.Slots)*slotW + memPad }

// drawingSize returns the size of every pane's drawing: one for all, so that
// trees compare at one scale, with room for the widest tree of rvs and the
// widest and lowest address-space column.
func drawingSize(rvs []*runView) (w, h float64) {
	slots, depth := 1, 0
	for _, rv := range rvs {
		s, d := rv.extent()
		slots, depth = max(slots, s), max(depth, d)
	}
	w, h = treeSize(slots, depth)
	for _, rv := range rvs {
		m := rv.memory()
		w = m.width(w)
		if len(m.held) > 0 {
			h = max(h, m.bottom+memGap)
		}
	}
	return w, h
}

// memSpace is one address space placed in the column, before the tree's shift.
type memSpace struct {
	ID          int
	Procs       []sim.ProcView // in pid order
	Col         int
	Top, Bottom float64
}

// placeMemory places the address spaces of s's live processes that one in
// held has, each as high as all the processes it belongs to (and as tall as its
// variables need), in the first column where it meets no other.
func placeMemory(s *sim.Snapshot, lay *treeLayout, held map[int]bool) []memSpace {
	shown := map[int]bool{} // the address spaces one in held has
	for _, p := range s.Procs {
		if _, ok := lay.Pos[p.Pid]; ok && p.Vmspace != 0 && held[p.Pid] {
			shown[p.Vmspace] = true
		}
	}
	var spaces []memSpace
	for _, p := range s.Procs {
		at, ok := lay.Pos[p.Pid]
		if !ok || !shown[p.Vmspace] {
			continue
		}
		i := slices.IndexFunc(spaces, func(m memSpace) bool { return m.ID == p.Vmspace })
		if i < 0 {
			spaces = append(spaces, memSpace{ID: p.Vmspace, Top: at.Y - nodeH/2, Bottom: at.Y + nodeH/2})
			i = len(spaces) - 1
		}
		m := &spaces[i]
		m.Procs = append(m.Procs, p)
		m.Top, m.Bottom = min(m.Top, at.Y-nodeH/2), max(m.Bottom, at.Y+nodeH/2)
	}
	sort.SliceStable(spaces, func(i, j int) bool { return spaces[i].Top < spaces[j].Top }) // README, "Sorting and app.wasm's size"
	for i := range spaces {
		m := &spaces[i]
		m.Bottom = max(m.Bottom, m.Top+memHeadH+float64(max(len(m.Procs[0].Vars), 1))*memLineH+6)
		for col := 0; ; col++ {
			free := true
			for _, o := range spaces[:i] {
				if o.Col == col && m.Top < o.Bottom+memGap && o.Top < m.Bottom+memGap {
					free = false
				}
			}
			if free {
				m.Col = col
				break
			}
		}
	}
	return spaces
}

// memBox is one address space as drawn: flat values, as treeNode.
type memBox struct {
	Pids    string // the pids it belongs to, space-separated
	Shared  bool
	Empty   bool
	Caption string
	Vars    []string // "x = 1", by name
	Name    string   // the accessible name: "shared by P and C: x = 1"
	X, Y, H float64
	Links   []string // an SVG path from each of its processes' nodes
}

// buildMemory makes the boxes of frame i of rv, the tree shifted by dx.
func buildMemory(rv *runView, i int, dx float64) []memBox {
	m := rv.memory()
	if len(m.held) == 0 {
		return nil
	}
	lay := rv.layout(i)
	x0 := dx + memColumnX(lay)
	var boxes []memBox
	for _, s := range placeMemory(&rv.Run.Frames[i].Snapshot, lay, m.held) {
		b := memBox{Shared: len(s.Procs) > 1, X: x0 + float64(s.Col)*memColW, Y: s.Top, H: s.Bottom - s.Top}
		var pids, names []string
		for _, p := range s.Procs {
			pids = append(pids, itoa(p.Pid))
			names = append(names, p.Name)
			at := lay.Pos[p.Pid]
			y1 := at.Y - memLink
			y2 := min(max(y1, s.Top+memHeadH/2), s.Bottom-memHeadH/2)
			x1 := at.X + dx + nodeW/2
			xm := (x1 + b.X) / 2
			b.Links = append(b.Links, "M"+num(x1)+" "+num(y1)+" C"+num(xm)+" "+num(y1)+","+num(xm)+" "+num(y2)+","+num(b.X)+" "+num(y2))
		}
		for _, v := range s.Procs[0].Vars {
			b.Vars = append(b.Vars, v.Name+" = "+itoa(v.Value))
		}
		b.Pids, b.Empty = strings.Join(pids, " "), len(b.Vars) == 0
		if b.Shared {
			b.Caption = "shared by " + andList(names)
		} else {
			b.Caption = names[0] + "'s address space"
		}
		held := "empty"
		if !b.Empty {
			held = strings.Join(b.Vars, ", ")
		}
		b.Name = b.Caption + ": " + held
		boxes = append(boxes, b)
	}
	return boxes
}

// andList joins names as "P and C", "A, B and C".
func andList(names []string) string {
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// renderMemory draws the boxes, under the nodes so that the links run behind them.
func renderMemory(boxes []memBox) app.UI {
	views := make([]app.UI, 0, len(boxes))
	for i := range boxes {
		views = append(views, &memView{B: &boxes[i]})
	}
	return svg("g").Attr("data-role", "memories").Body(views...)
}

// memoryList is the boxes as a list, for screen readers: the tree is one image
// to them.
func memoryList(boxes []memBox) app.UI {
	if len(boxes) == 0 {
		return nil
	}
	items := make([]app.UI, 0, len(boxes))
	for _, b := range boxes {
		items = append(items, el("li").Text(b.Name))
	}
	return el("ul").Class("sr-only").Attr("data-role", "memory-list").Attr("aria-label", "Address spaces").Body(items...)
}

// memoryLabel is what the tree's label adds for the boxes: where to find them.
func memoryLabel(boxes []memBox) string {
	switch len(boxes) {
	case 0:
		return ""
	case 1:
		return " The list after the table names the address space drawn beside the tree."
	}
	return " The list after the table names the " + itoa(len(boxes)) + " address spaces drawn beside the tree."
}

// memView is one address space's box and links.
type memView struct {
	app.Compo
	B *memBox // as nodeView's
}

func (v *memView) Render() app.UI {
	b := v.B
	links := make([]app.UI, 0, len(b.Links))
	for _, d := range b.Links {
		links = append(links, svg("path").Attr("data-role", "memory-link").Attr("d", d))
	}
	caption := svg("text").Attr("data-role", "memory-caption").
		Attr("x", num(b.X+6)).Attr("y", num(b.Y+13)).Text(b.Caption)
	if len(b.Caption) > 15 {
		caption = caption.Attr("textLength", num(memBoxW-12)).Attr("lengthAdjust", "spacingAndGlyphs")
	}
	body := []app.UI{
		svg("title").Text(b.Name),
		svg("rect").Attr("data-role", "memory-box").
			Attr("x", num(b.X)).Attr("y", num(b.Y)).
			Attr("width", num(memBoxW)).Attr("height", num(b.H)).Attr("rx", "6"),
		caption,
	}
	body = append(body, links...)
	lines := b.Vars
	role := "var"
	if b.Empty {
		lines, role = []string{"empty"}, "memory-empty"
	}
	for j, line := range lines {
		t := svg("text").Attr("data-role", role).
			Attr("x", num(b.X+10)).Attr("y", num(b.Y+memHeadH+float64(j)*memLineH+12)).Text(line)
		if len(line) > 14 {
			t = t.Attr("textLength", num(memBoxW-16)).Attr("lengthAdjust", "spacingAndGlyphs")
		}
		body = append(body, t)
	}
	g := svg("g").Attr("data-role", "memory").
		Attr("role", "group").
		Attr("aria-label", b.Name).
		Attr("data-pids", b.Pids).
		Attr("data-empty", b.Empty)
	if b.Shared {
		g = g.Attr("data-shared", "true")
	}
	return g.Body(body...)
}
