package ui

// This file moves the page's trees: where each node and link is drawn after
// go-app has mounted it (tree.go). One call per tree hands the places of
// all its nodes and links to static/trees.js, which writes those that
// changed; go-app then compares, renders and diffs only what a node shows,
// so a fork that re-lays a 200-process tree out no longer renders and
// diffs every node it moves (issue 12: such a step 4.2 → 1.4 ms natively).

import (
	"slices"
	"strings"

	"forklab/sim"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// shownTree is a tree the last render drew on the page.
type shownTree struct {
	id string // its marker ids' prefix (treeSVG)
	tv *treeView
}

// renderTree draws tv with its table, as the tree the page shows for pane
// (whose number makes the marker ids unique on the page); later leaves the
// table of processes for the next frame (App.restLater). placeTrees moves
// it after the render.
func (a *App) renderTree(pane int, tv *treeView, design *sim.Design, caption string, later bool) app.UI {
	id := "p" + itoa(pane)
	a.shown = append(a.shown, shownTree{id: id, tv: tv})
	return treeFigure(id, tv, design, caption, later)
}

// placeTrees puts every node and link of the trees the page shows where the
// view that drew them has it. A node or link mounted by this render is
// there already; one that go-app updated in place is where the last
// placement of its tree left it, so a tree whose places are those of its
// last placement is left alone (most steps move nothing).
func (a *App) placeTrees() {
	place, ok := scriptFunc("static/trees.js", "forklabPlaceTree")
	if !ok {
		return
	}
	if a.placed == nil {
		a.placed = map[string]*treeView{}
	}
	for _, t := range a.shown {
		if last := a.placed[t.id]; last != nil && slices.Equal(last.At, t.tv.At) && slices.Equal(last.Paths, t.tv.Paths) {
			continue
		}
		at, paths := t.tv.places()
		place.Invoke(t.id, at, paths)
		a.placed[t.id] = t.tv
	}
}

// places returns the nodes' transforms and the links' paths of tv, each
// list one line per node or link, in the order they are drawn.
func (tv *treeView) places() (at, paths string) {
	var b strings.Builder
	for i, p := range tv.At {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(translate(p))
	}
	return b.String(), strings.Join(tv.Paths, "\n")
}

// scriptFunc returns the function that script (one of static/'s, read with
// the page's head) defines as name, or logs that the script is missing.
func scriptFunc(script, name string) (app.Value, bool) {
	f := app.Window().Get(name)
	if !f.Truthy() {
		app.Log("forklab: " + script + " is missing: no " + name)
		return nil, false
	}
	return f, true
}
