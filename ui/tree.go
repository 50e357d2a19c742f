package ui

// This file draws a pane's process tree as SVG: a node per process with
// NAME[pid] and a state badge, a solid edge to the current parent (p_pptr; on
// linux real_parent), a dashed edge to the real parent where it differs, an
// arrow from the tracer, and a dotted link to the process whose orphan list
// (p_orphans) holds it.
//
// Every process of the run keeps the same SVG elements from frame to frame
// (they are listed in pid order, and reaped ones stay, hidden), so CSS
// transitions animate the changes: a fork grows a node, re-parenting slides
// it and its edge, a stop flashes, an exit fades it to a zombie, and a reap
// fades it out. SVG elements are styled through data-* attributes only:
// go-app's Class() cannot set an SVG element's class (go-app-notes.md).
//
// go-app draws where a node or link is only when it mounts it; on the page,
// placeTrees (place.go) moves them afterwards. A fork that re-lays a big tree
// out moves most of its nodes, and go-app comparing, rendering and diffing
// each of them again took most of such a step (issue 12).

import (
	"strings"

	"forklab/sim"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

const svgNS = "http://www.w3.org/2000/svg"

// treeView is what a pane's tree shows at one frame.
type treeView struct {
	W, H   float64
	Nodes  []treeNode // every process of the frame's snapshot, in pid order
	At     []point    // where each node is: Nodes[i] at At[i]
	Edges  []treeEdge // four per process (parent, realparent, tracer, orphan), in pid order
	Paths  []string   // each link's SVG path: Edges[i] along Paths[i]
	Rows   []procRow  // the tree as text, for screen readers
	Memory []memBox   // the address spaces beside it (memory.go)
}

// treeNode is one process as drawn, but for where: flat values only, so
// that go-app compares a node with its last rendering cheaply and skips it
// when it is the same, as it is when the node only moves.
type treeNode struct {
	Pid, Parent, RealParent, Tracer, OrphanOf int
	Name                                      string // NAME
	State                                     string // sim.ProcState
	StopSig                                   string
	TraceStop                                 bool
	Label                                     string // NAME[pid]
	Badge                                     string // the state as the node shows it
	Orphan                                    string // "orphan of NAME" while on a p_orphans list
	Title                                     string // the whole state, as a tooltip
	Visible                                   bool
}

// treeEdge is one link of a process to another, but for its path (as
// treeNode).
type treeEdge struct {
	Kind    string // parent, realparent, tracer, orphan
	Pid     int    // the process the link belongs to
	Other   int    // its parent, real parent, tracer, or orphan-list owner
	Visible bool
}

// procRow is the tree as a table row.
type procRow struct {
	Name, State, Parent, RealParent, Tracer, OrphanOf string
}

var edgeKinds = [...]string{"parent", "realparent", "tracer", "orphan"}

// buildTree makes the tree of frame i of rv, drawn in a w×h box. A process
// reaped in this very frame is still drawn, where it was, as a fading ghost.
// Without titles the nodes have no tooltips (stateTitle), which the first
// render of a scenario leaves for the next frame (App.restLater).
func buildTree(rv *runView, i int, w, h float64, titles bool) *treeView {
	snap := &rv.Run.Frames[i].Snapshot
	lay := rv.layout(i)
	var prevLay *treeLayout
	if i > 0 {
		prevLay = rv.layout(i - 1)
	}
	count := len(snap.Procs)
	tv := &treeView{W: w, H: h,
		Nodes: make([]treeNode, 0, count), At: make([]point, 0, count),
		Edges: make([]treeEdge, 0, count*len(edgeKinds)), Paths: make([]string, 0, count*len(edgeKinds)),
		Rows: make([]procRow, 0, count)}
	// Centre the run's widest tree in the drawing, which is as wide as the
	// widest tree of all the panes.
	slots, _ := rv.extent()
	rw, _ := treeSize(slots, 0)
	dx := (w - rv.memory().width(rw)) / 2
	shift := func(p point) point { return point{X: p.X + dx, Y: p.Y} }
	for _, p := range snap.Procs {
		n := treeNode{
			Pid: p.Pid, Parent: p.Parent, RealParent: p.RealParent, Tracer: p.Tracer, OrphanOf: p.OrphanOf,
			Name: p.Name, State: p.State.String(), StopSig: p.StopSig.String(), TraceStop: p.TraceStop,
			Label: rv.name(p.Pid), Badge: stateBadge(p),
		}
		if titles {
			n.Title = stateTitle(rv, p)
		}
		var nodeAt point
		if at, ok := lay.Pos[p.Pid]; ok {
			nodeAt, n.Visible = shift(at), true
		} else if prevLay != nil {
			if at, ok := prevLay.Pos[p.Pid]; ok {
				nodeAt, n.Visible = shift(at), true // the ghost of a process reaped now
			}
		}
		if p.OrphanOf != 0 && p.State != sim.StateReaped {
			n.Orphan = "orphan of " + shortName(rv.name(p.OrphanOf))
		}
		tv.Nodes, tv.At = append(tv.Nodes, n), append(tv.At, nodeAt)

		live := p.State != sim.StateReaped
		at := shift(lay.Pos[p.Pid])
		for _, kind := range edgeKinds {
			e := treeEdge{Kind: kind, Pid: p.Pid}
			switch kind {
			case "parent":
				e.Other = p.Parent
			case "realparent":
				if p.RealParent != p.Parent {
					e.Other = p.RealParent
				}
			case "tracer":
				e.Other = p.Tracer
			case "orphan":
				e.Other = p.OrphanOf
			}
			from, ok := lay.Pos[e.Other]
			e.Visible = live && e.Other != 0 && ok
			d := "M0 0 C0 0,0 0,0 0"
			if e.Visible {
				d = edgePath(kind, shift(from), at)
			}
			tv.Edges, tv.Paths = append(tv.Edges, e), append(tv.Paths, d)
		}
		if live {
			tv.Rows = append(tv.Rows, procRow{
				Name: n.Label, State: n.Badge,
				Parent: optName(rv, p.Parent), RealParent: optName(rv, p.RealParent),
				Tracer: optName(rv, p.Tracer), OrphanOf: optName(rv, p.OrphanOf),
			})
		}
	}
	tv.Memory = buildMemory(rv, i, dx)
	return tv
}

// edgePath returns the path of a link from a (the parent, tracer, ...) to b
// (the process). Every path has the same shape, "M C", so that CSS can
// animate one into another. Links between processes of one generation go
// round them: a tracer's over the top, a real parent's and an orphan list's
// underneath.
func edgePath(kind string, a, b point) string {
	var x1, y1, x2, y2, c1x, c1y, c2x, c2y float64
	level := b.Y-a.Y < levelH/2 && a.Y-b.Y < levelH/2
	switch {
	case kind == "parent":
		x1, y1, x2, y2 = a.X, a.Y+nodeH/2, b.X, b.Y-nodeH/2
		ym := (y1 + y2) / 2
		c1x, c1y, c2x, c2y = x1, ym, x2, ym
	case kind == "tracer" && level:
		x1, y1, x2, y2 = a.X+18, a.Y-nodeH/2, b.X+18, b.Y-nodeH/2-3
		c1x, c1y, c2x, c2y = x1, y1-38, x2, y2-38
	case kind == "tracer":
		x1, y1, x2, y2 = a.X+nodeW/2, a.Y, b.X+nodeW/2+3, b.Y+6
		c1x, c1y, c2x, c2y = x1+44, y1, x2+44, y2
	case level: // realparent or orphan, side by side
		off := -14.0
		if kind == "orphan" {
			off = 14
		}
		x1, y1, x2, y2 = b.X+off, b.Y+nodeH/2, a.X+off, a.Y+nodeH/2+3
		if kind == "realparent" {
			x1, y1, x2, y2 = a.X+off, a.Y+nodeH/2, b.X+off, b.Y+nodeH/2
		}
		c1x, c1y, c2x, c2y = x1, y1+34, x2, y2+34
	case kind == "realparent":
		// Over one generation the curve bows a little; over more it bows out
		// past the boxes of the generations between (the real parent of a
		// traced grandchild, usually straight above it): its midpoint is
		// three quarters of the way to the control points, 60 to the left.
		x1, y1, x2, y2 = a.X-16, a.Y+nodeH/2, b.X-16, b.Y-nodeH/2
		ym := (y1 + y2) / 2
		bow := 36.0
		if b.Y-a.Y > levelH*1.5 || a.Y-b.Y > levelH*1.5 {
			bow = 80
		}
		c1x, c1y, c2x, c2y = x1-bow, ym, x2-bow, ym
	case kind == "orphan":
		x1, y1, x2, y2 = b.X-nodeW/2, b.Y, a.X-nodeW/2, a.Y+6
		c1x, c1y, c2x, c2y = x1-40, y1, x2-40, y2
	}
	return "M" + num(x1) + " " + num(y1) + " C" + num(c1x) + " " + num(c1y) + "," +
		num(c2x) + " " + num(c2y) + "," + num(x2) + " " + num(y2)
}

// stateBadge is the state as the node shows it, in a few words.
func stateBadge(p sim.ProcView) string {
	switch p.State {
	case sim.StateStopped:
		return "stopped " + p.StopSig.String()
	case sim.StateBlocked:
		if p.InCall != "" {
			return "blocked in " + p.InCall
		}
		return "blocked"
	case sim.StateZombie:
		return "zombie: " + exitText(p.Exit)
	case sim.StateReaped:
		return "reaped"
	}
	return "running"
}

// stateTitle says everything the node stands for, for a tooltip.
func stateTitle(rv *runView, p sim.ProcView) string {
	var b strings.Builder
	b.WriteString(rv.name(p.Pid) + ": " + stateBadge(p))
	if p.State == sim.StateStopped && p.TraceStop {
		b.WriteString(" (a trace stop its debugger sees)")
	}
	if p.BlockedOn != "" {
		b.WriteString(" — " + p.BlockedOn)
	}
	if p.Pid != 1 && p.State != sim.StateReaped {
		b.WriteString("\nparent: " + optName(rv, p.Parent))
		if p.RealParent != p.Parent {
			b.WriteString(", real parent: " + optName(rv, p.RealParent))
		}
		if p.Tracer != 0 {
			b.WriteString("\ntraced by " + rv.name(p.Tracer))
		}
		if p.OrphanOf != 0 {
			b.WriteString("\non " + rv.name(p.OrphanOf) + "'s orphan list (p_orphans, " + p.OrphanMark + ")")
		}
	}
	if len(p.PFlags) > 0 {
		b.WriteString("\np_flag: " + strings.Join(p.PFlags, " "))
	}
	if len(p.TDBFlags) > 0 {
		b.WriteString("\ntd_dbgflags: " + strings.Join(p.TDBFlags, " "))
	}
	return b.String()
}

// exitText says how a process ended.
func exitText(w *sim.WaitResult) string {
	switch {
	case w == nil:
		return "exited"
	case w.Kind == sim.WaitKilled:
		return "killed by " + w.Sig.String()
	}
	return "exit " + itoa(w.Status)
}

func optName(rv *runView, pid int) string {
	if pid == 0 {
		return "none"
	}
	return rv.name(pid)
}

// shortName drops the [pid] of NAME[pid].
func shortName(s string) string {
	name, _, _ := strings.Cut(s, "[")
	return name
}

func svg(tag string) app.HTMLElem { return app.Elem(tag).XMLNS(svgNS) }

// translate is a node's transform to at.
func translate(at point) string { return "translate(" + num(at.X) + "px, " + num(at.Y) + "px)" }

// treeFigure is tv with its table (App.renderTree).
func treeFigure(id string, tv *treeView, design *sim.Design, caption string, later bool) app.UI {
	return el("figure").Attr("data-role", "tree-figure").Body(
		treeSVG(id, tv, design),
		&procTable{Rows: tv.Rows, Caption: caption, Later: later},
		memoryList(tv.Memory),
	)
}

// treeSVG is tv's drawing, its marker ids prefixed with id: the page's panes
// and the pictures the Save menu makes (export.go) both draw with it.
func treeSVG(id string, tv *treeView, design *sim.Design) app.HTMLElem {
	edges := make([]app.UI, 0, len(tv.Nodes))
	for i := 0; i < len(tv.Edges); i += len(edgeKinds) {
		edges = append(edges, &edgeGroup{Marker: id, Edges: (*[len(edgeKinds)]treeEdge)(tv.Edges[i:]), paths: [len(edgeKinds)]string(tv.Paths[i:])})
	}
	nodes := make([]app.UI, 0, len(tv.Nodes))
	for i := range tv.Nodes {
		nodes = append(nodes, &nodeView{N: &tv.Nodes[i], at: tv.At[i]})
	}
	label := "Process tree under " + design.String() + ": " + itoa(len(tv.Rows)) + " processes; the table below lists them." + memoryLabel(tv.Memory)
	return svg("svg").
		Attr("viewBox", "0 0 "+num(tv.W)+" "+num(tv.H)).
		Attr("width", num(tv.W)).
		Attr("height", num(tv.H)).
		Attr("role", "img").
		Attr("aria-label", label).
		Attr("data-role", "tree").
		Attr("data-design", design.Short()).
		Body(
			svg("defs").Body(
				svg("marker").ID(id+"-arrow").
					Attr("viewBox", "0 0 10 10").Attr("refX", "9").Attr("refY", "5").
					Attr("markerWidth", "7").Attr("markerHeight", "7").Attr("orient", "auto-start-reverse").
					Attr("data-role", "arrow").
					Body(svg("path").Attr("d", "M0 0 L10 5 L0 10 z")),
				svg("marker").ID(id+"-dot").
					Attr("viewBox", "0 0 10 10").Attr("refX", "5").Attr("refY", "5").
					Attr("markerWidth", "6").Attr("markerHeight", "6").
					Attr("data-role", "dot").
					Body(svg("circle").Attr("cx", "5").Attr("cy", "5").Attr("r", "4")),
			),
			renderMemory(tv.Memory),
			svg("g").Attr("data-role", "edges").Body(edges...),
			svg("g").Attr("data-role", "nodes").Body(nodes...),
		)
}

// edgeGroup is the four links of one process (their field as nodeView's).
type edgeGroup struct {
	app.Compo
	Marker string // the pane's marker id prefix
	Edges  *[len(edgeKinds)]treeEdge
	paths  [len(edgeKinds)]string // where they run when mounted (as nodeView.at)
}

func (g *edgeGroup) Render() app.UI {
	paths := make([]app.UI, 0, len(g.Edges))
	for i := range g.Edges {
		paths = append(paths, edgeElem(g.Marker, &g.Edges[i], g.paths[i]))
	}
	return svg("g").Attr("data-pid", g.Edges[0].Pid).Body(paths...)
}

// edgeElem is link e along d, its markers' ids prefixed with marker.
func edgeElem(marker string, e *treeEdge, d string) app.UI {
	path := svg("path").
		Attr("d", d).
		Attr("data-role", "edge").
		Attr("data-kind", e.Kind).
		Attr("data-pid", e.Pid).
		Attr("data-other", e.Other).
		Attr("data-visible", e.Visible)
	switch e.Kind {
	case "tracer":
		path = path.Attr("marker-end", "url(#"+marker+"-arrow)")
	case "orphan":
		path = path.Attr("marker-end", "url(#"+marker+"-dot)")
	}
	return path
}

// nodeView is one process's node. Its N, as the view fields of every
// component of the tree, points into the treeView, which is never changed
// once built: go-app compares a component's fields with reflect.DeepEqual on
// Interface() values, which copies (allocates) a field held by value, and
// not one held by pointer, at every update of every process.
//
// Its at is where go-app mounted it, and stays so: go-app copies only
// exported fields into a mounted component, so the node renders its
// mount-time place at every update, which go-app then has no reason to write
// again, and placeTrees is free to move it. A node rendered to a string (the
// server's pre-render, a saved picture) is always new, and drawn where it
// is.
//
// A node's box, tooltip and label are plain elements, not components of
// their own: go-app dispatches an update for every component it mounts, into
// a queue of 4,096 that only the engine drains, so a render that mounts more
// components than that at once (a tree of a few hundred processes, the trees
// side by side) hangs the page (TestBigTreesMount).
type nodeView struct {
	app.Compo
	N  *treeNode
	at point
}

func (v *nodeView) Render() app.UI {
	n := v.N
	label := svg("text").Attr("data-role", "label").Attr("x", "0").Attr("y", "-3").Text(n.Label)
	if len(n.Label) > 13 {
		label = label.Attr("textLength", num(nodeW-10)).Attr("lengthAdjust", "spacingAndGlyphs")
	}
	badge := svg("text").Attr("data-role", "badge").Attr("x", "0").Attr("y", "14").Text(n.Badge)
	if len(n.Badge) > 16 {
		badge = badge.Attr("textLength", num(nodeW-10)).Attr("lengthAdjust", "spacingAndGlyphs")
	}
	return svg("g").
		Attr("data-role", "node").
		Attr("data-pid", n.Pid).
		Attr("data-name", n.Name).
		Attr("data-state", n.State).
		Attr("data-stopsig", n.StopSig).
		Attr("data-tracestop", n.TraceStop).
		Attr("data-parent", n.Parent).
		Attr("data-realparent", n.RealParent).
		Attr("data-tracer", n.Tracer).
		Attr("data-orphanof", n.OrphanOf).
		Attr("data-visible", n.Visible).
		Style("transform", translate(v.at)).
		Body(
			svg("title").Text(n.Title),
			svg("g").Attr("data-role", "body").Body(
				svg("rect").Attr("data-role", "box").
					Attr("x", num(-nodeW/2)).Attr("y", num(-nodeH/2)).
					Attr("width", num(nodeW)).Attr("height", num(nodeH)).
					Attr("rx", "8"),
				label,
				badge,
			),
			svg("text").Attr("data-role", "orphan").
				Attr("data-visible", n.Orphan != "").
				Attr("x", num(-nodeW/2)).Attr("y", num(-nodeH/2-5)).
				Text(n.Orphan),
		)
}

// procTable is the tree as a table, for screen readers (and anyone who
// opens it).
type procTable struct {
	app.Compo
	Rows    []procRow
	Caption string
	Later   bool // leave it empty for the next frame (App.restLater)
}

// Render is the table, or its empty place while Later. The full table is a
// function of its own, which the wasm engine compiles on its first call.
func (t *procTable) Render() app.UI {
	if t.Later {
		return el("table").Class("sr-only").Attr("data-role", "proc-table")
	}
	return t.renderTable()
}

// renderTable is the table with a row for every process.
func (t *procTable) renderTable() app.UI {
	rows := make([]app.UI, 0, len(t.Rows))
	for i := range t.Rows {
		rows = append(rows, &procRowView{R: &t.Rows[i]})
	}
	return el("table").Class("sr-only").Attr("data-role", "proc-table").Body(
		el("caption").Text(t.Caption),
		el("thead").Body(el("tr").Body(
			el("th").Attr("scope", "col").Text("process"),
			el("th").Attr("scope", "col").Text("state"),
			el("th").Attr("scope", "col").Text("parent (p_pptr)"),
			el("th").Attr("scope", "col").Text("real parent"),
			el("th").Attr("scope", "col").Text("tracer"),
			el("th").Attr("scope", "col").Text("on the orphan list of"),
		)),
		el("tbody").Body(rows...),
	)
}

// procRowView is one process's row of the table, a component so that go-app
// renders again only the rows that changed (its field as nodeView's).
type procRowView struct {
	app.Compo
	R *procRow
}

func (v *procRowView) Render() app.UI {
	r := v.R
	return el("tr").Body(
		el("th").Attr("scope", "row").Text(r.Name),
		el("td").Text(r.State),
		el("td").Text(r.Parent),
		el("td").Text(r.RealParent),
		el("td").Text(r.Tracer),
		el("td").Text(r.OrphanOf),
	)
}
