package ui

// This file assembles what the page shows at one position of the timeline,
// from the cached runs: position n shows each run's frame n (a run that has
// ended stays on its last frame), "step n / N" counts to the longest run's
// last frame, and the differences come from scenarios.Compare over the
// visible panes. It runs once per change of state, never inside Render.

import (
	"strings"

	"forklab/scenarios"
	"forklab/sim"
)

// stepView is the page at one position.
type stepView struct {
	N, Last int
	Panes   []*paneView
	Marks   []bool // per position: the panes differ there
	Diffs   []scenarios.Difference
	Shared  *scenarios.Step // the step every pane ran at N, nil if they differ or at the start
	Says    []string        // the shared step's say: lines for every design
	Live    string          // what the live region announces
	reveal                  // what the quiz shows and hides (quiz.go)
}

// paneView is one design's pane at one position.
type paneView struct {
	Index  int
	Design *sim.Design
	InFile bool // the scenario is written for this design
	Frame  int  // the run's frame shown
	Frames int  // the run's frame count
	Ended  bool // the position is past the run's last frame
	Ran    string
	Tree   *treeView
	Dbg    debuggerView
	Narr   narration
	Trace  *traceLog
}

// buildView computes the page for scenario sc under designs ds at position n
// with traces in format. Without rest it leaves out what the first render of
// a scenario does not draw (App.restLater), so that the trees come first: the
// divergence marks (a comparison at every position), each pane's narration
// but for its broken-invariant badges, the live region's text and the trees'
// tooltips.
func buildView(sc *scenario, ds []*sim.Design, n int, format string, rest bool) *stepView {
	rvs := sc.runsFor(ds)
	v := &stepView{Last: lastPos(rvs)}
	v.N = min(max(n, 0), v.Last)
	switch {
	case rest:
		d := sc.diffsFor(ds)
		v.Marks, v.Diffs = d.marks, d.at[v.N]
	case len(rvs) > 1:
		v.Diffs = scenarios.Compare(runsOf(rvs), v.N)
	}

	w, h := drawingSize(rvs)

	shared := true
	var first *scenarios.Step
	for i, rv := range rvs {
		fi := min(v.N, len(rv.Run.Frames)-1)
		s := rv.Run.Frames[fi].Step
		if v.N > len(rv.Run.Frames)-1 {
			s = nil
		}
		if i == 0 {
			first = s
		}
		shared = shared && s == first && s != nil
	}
	if shared {
		v.Shared = first
		for _, say := range first.Says {
			if say.Designs == nil {
				v.Says = append(v.Says, say.Text)
			}
		}
	}

	for i, rv := range rvs {
		fi := min(v.N, len(rv.Run.Frames)-1)
		p := &paneView{
			Index: i, Design: rv.Design, InFile: sc.forDesign(rv.Design),
			Frame: fi, Frames: len(rv.Run.Frames), Ended: v.N > len(rv.Run.Frames)-1,
			Tree:  buildTree(rv, fi, w, h, rest),
			Dbg:   buildDebugger(rv, fi),
			Narr:  narration{Broken: brokenNotes(rv, fi, v.N)},
			Trace: rv.trace(format),
		}
		if rest {
			p.Narr = buildNarration(rv, fi, v.N, shared)
		}
		switch s := rv.Run.Frames[fi].Step; {
		case p.Ended:
			p.Ran = "run ended after step " + itoa(len(rv.Run.Frames)-1)
		case s == nil:
			p.Ran = "start: no step run yet"
		default:
			p.Ran = "ran line " + itoa(s.Pos.Line) + ": " + callText(s.Source)
		}
		v.Panes = append(v.Panes, p)
	}
	if rest {
		v.Live = liveRegion(rvs, v)
	}
	return v
}

// liveRegion is what the live region announces at v: the position, what
// each pane's step did and where the designs differ.
func liveRegion(rvs []*runView, v *stepView) string {
	live := []string{"Step " + itoa(v.N) + " of " + itoa(v.Last) + "."}
	for i, rv := range rvs {
		live = append(live, liveText(rv, v.Panes[i].Frame, v.N))
	}
	if len(v.Diffs) > 0 {
		var what []string
		for _, d := range v.Diffs {
			what = append(what, d.What)
		}
		live = append(live, "The designs differ on "+strings.Join(what, "; ")+".")
	}
	return strings.Join(live, " ")
}

// nextMark returns the next position after n (or before it, if back) where
// the panes differ, or -1.
func nextMark(marks []bool, n int, back bool) int {
	if back {
		for i := min(n-1, len(marks)-1); i >= 0; i-- {
			if marks[i] {
				return i
			}
		}
		return -1
	}
	for i := n + 1; i < len(marks); i++ {
		if marks[i] {
			return i
		}
	}
	return -1
}
