package ui

// This file holds the scenario being shown and everything computed from it
// once: one run per design (with snapshots), their traces per format, tree
// layouts per frame and the divergence marks per set of designs. Stepping
// only reads these caches; nothing here runs during Render.

import (
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"forklab/scenarios"
	"forklab/sim"
)

// libEntry is one scenario of the library, as the picker lists it.
type libEntry struct {
	Key   string // path without .txt: the scenario= of a link
	Path  string
	Src   string
	File  *scenarios.File
	Group string // the first tag, or "other"
}

var lib struct {
	once    sync.Once
	entries []libEntry
	err     error
	loaded  atomic.Bool         // entries holds the whole library
	mu      sync.Mutex          // guards single
	single  map[string]libEntry // files parsed alone before the library was, by key
}

// library returns the scenario library, parsed once.
func library() ([]libEntry, error) {
	lib.once.Do(func() {
		es, err := scenarios.Library()
		lib.err = err
		lib.mu.Lock()
		defer lib.mu.Unlock()
		for _, e := range es {
			le, ok := lib.single[strings.TrimSuffix(e.Path, ".txt")]
			if !ok { // the one parsed alone stays the same entry, File and all
				le = newLibEntry(e)
			}
			lib.entries = append(lib.entries, le)
		}
		lib.loaded.Store(true)
	})
	return lib.entries, lib.err
}

// newLibEntry is the page's view of a library scenario.
func newLibEntry(e scenarios.Entry) libEntry {
	group := "other"
	if len(e.File.Tags) > 0 {
		group = e.File.Tags[0]
	}
	return libEntry{Key: strings.TrimSuffix(e.Path, ".txt"), Path: e.Path, Src: string(e.Src), File: e.File, Group: group}
}

// libraryEntry returns the library scenario with key (or path). Until something
// needs the whole library, it parses only that file (the first view of a link
// needs one scenario, and parsing all of them costs start-up time).
func libraryEntry(key string) (libEntry, bool) {
	key = strings.TrimSuffix(key, ".txt")
	if !lib.loaded.Load() {
		lib.mu.Lock()
		defer lib.mu.Unlock()
		if le, ok := lib.single[key]; ok {
			return le, true
		}
		e, ok, err := scenarios.LibraryFile(key)
		if err != nil || !ok {
			return libEntry{}, false
		}
		if lib.single == nil {
			lib.single = map[string]libEntry{}
		}
		le := newLibEntry(e)
		lib.single[key] = le
		return le, true
	}
	es, _ := library()
	for _, e := range es {
		if e.Key == key {
			return e, true
		}
	}
	return libEntry{}, false
}

// defaultKey is the scenario shown when a link names none: the one that shows
// why a debugger needs to hear about both halves of a fork.
const defaultKey = "fork-follow-continue"

// scenario is the scenario on screen with its computed runs.
type scenario struct {
	Key  string // library key, "" for one's own
	File *scenarios.File
	Src  string

	runs  map[string]*runView     // by design name
	diffs map[string]*differences // by designsKey
	pack  string                  // Src compressed for a link, once asked for
}

// packed returns the scenario's text compressed for a link (packSrc), computed
// once.
func (s *scenario) packed() (string, error) {
	if s.pack == "" {
		p, err := packSrc(s.Src)
		if err != nil {
			return "", err
		}
		s.pack = p
	}
	return s.pack, nil
}

func newScenario(key string, f *scenarios.File, src string) *scenario {
	return &scenario{Key: key, File: f, Src: src, runs: map[string]*runView{}, diffs: map[string]*differences{}}
}

// Own reports whether the scenario is one's own (from the editor or a src= link).
func (s *scenario) Own() bool { return s.Key == "" }

// run returns the run of the scenario under d, computing it the first time.
// It checks sim's invariants after every step (cheap at the size of a
// scenario), so that a pane can say where the design breaks one.
func (s *scenario) run(d *sim.Design) *runView {
	if rv, ok := s.runs[d.Name]; ok {
		return rv
	}
	r := scenarios.Execute(s.File, d, scenarios.Options{Snapshots: true, Invariants: true})
	rv := &runView{Run: r, Design: d, traces: map[string]*traceLog{}, layouts: make([]*treeLayout, len(r.Frames))}
	s.runs[d.Name] = rv
	return rv
}

// runs returns the runs for ds, in order.
func (s *scenario) runsFor(ds []*sim.Design) []*runView {
	out := make([]*runView, len(ds))
	for i, d := range ds {
		out[i] = s.run(d)
	}
	return out
}

// forDesign reports whether the scenario was written for d (its designs: line).
func (s *scenario) forDesign(d *sim.Design) bool { return s.File.ForDesign(d) }

// DefaultDesigns returns the panes a scenario opens with: its pair: line
// (the designs that make its point), else the design table's default pair
// (sim.DefaultPair: old | new) when it is written for both; else the designs
// it names, in order; a scenario for a single design is set beside the
// design before it, so that there is something to compare.
func DefaultDesigns(f *scenarios.File) []*sim.Design {
	if ds := linkDesigns(f.Pair); len(ds) > 0 {
		return ds
	}
	all := sim.Designs()
	var mine []*sim.Design
	for _, d := range all {
		if f.ForDesign(d) {
			mine = append(mine, d)
		}
	}
	pair := sim.DefaultPair()
	old, nw := pair[0], pair[1]
	switch {
	case slices.Contains(mine, old) && slices.Contains(mine, nw):
		return []*sim.Design{old, nw}
	case len(mine) >= 2:
		return mine[:2]
	case len(mine) == 1:
		i := slices.Index(all, mine[0])
		if i == 0 {
			return []*sim.Design{all[0], all[1]}
		}
		return []*sim.Design{all[i-1], all[i]}
	}
	return []*sim.Design{old, nw}
}

// ThirdDesign returns the design a third pane opens with: the first design of
// the table after the default pair (merged, current, linux), then the pair,
// that is not shown yet, preferring those the scenario is written for.
func ThirdDesign(f *scenarios.File, shown []*sim.Design) *sim.Design {
	var fallback *sim.Design
	all := sim.Designs()
	for _, d := range slices.Concat(all[len(sim.DefaultPair()):], all[:len(sim.DefaultPair())]) {
		if slices.Contains(shown, d) {
			continue
		}
		if f.ForDesign(d) {
			return d
		}
		if fallback == nil {
			fallback = d
		}
	}
	return fallback
}

// designsKey names a list of designs, for caches and links.
func designsKey(ds []*sim.Design) string {
	names := make([]string, len(ds))
	for i, d := range ds {
		names[i] = d.Short()
	}
	return strings.Join(names, ",")
}

// lastPos returns the last position of the timeline for runs: the longest
// run's frame count - 1.
func lastPos(runs []*runView) int {
	last := 0
	for _, rv := range runs {
		last = max(last, len(rv.Run.Frames)-1)
	}
	return last
}

// differences is how the runs of a set of designs differ in what an
// observer sees (scenarios.Compare), at every position.
type differences struct {
	at    [][]scenarios.Difference
	marks []bool // len(at[n]) > 0: the scrubber's marks
}

// diffsFor compares the runs of ds at every position, once per set.
func (s *scenario) diffsFor(ds []*sim.Design) *differences {
	key := designsKey(ds)
	if d, ok := s.diffs[key]; ok {
		return d
	}
	rvs := s.runsFor(ds)
	runs, n := runsOf(rvs), lastPos(rvs)+1
	d := &differences{at: make([][]scenarios.Difference, n), marks: make([]bool, n)}
	for i := range n {
		d.at[i] = scenarios.Compare(runs, i)
		d.marks[i] = len(d.at[i]) > 0
	}
	s.diffs[key] = d
	return d
}

// runsOf is the scenarios.Run of each run view.
func runsOf(rvs []*runView) []*scenarios.Run {
	runs := make([]*scenarios.Run, len(rvs))
	for i, rv := range rvs {
		runs[i] = rv.Run
	}
	return runs
}

// runView is one run with what the UI derives from it.
type runView struct {
	Run     *scenarios.Run
	Design  *sim.Design
	traces  map[string]*traceLog
	layouts []*treeLayout // per frame, filled on demand
	mem     *runMemory    // the address-space column (memory.go), filled on demand
}

// layout returns the tree layout of frame i.
func (rv *runView) layout(i int) *treeLayout {
	if rv.layouts[i] == nil {
		rv.layouts[i] = layoutTree(&rv.Run.Frames[i].Snapshot)
	}
	return rv.layouts[i]
}

// trace returns the run's trace in format, rendered once.
func (rv *runView) trace(format string) *traceLog {
	if t, ok := rv.traces[format]; ok {
		return t
	}
	t := buildTrace(rv.Run, rv.Design, format)
	rv.traces[format] = t
	return t
}

// extent returns the largest tree of the run, in slots and levels.
func (rv *runView) extent() (slots, depth int) {
	for i := range rv.Run.Frames {
		l := rv.layout(i)
		slots, depth = max(slots, l.Slots), max(depth, l.Depth)
	}
	return slots, depth
}

// name returns NAME[pid] for pid in the run, or "pid N".
func (rv *runView) name(pid int) string {
	if n, ok := rv.Run.Names[pid]; ok {
		return n
	}
	if pid == 1 {
		return "init[1]"
	}
	return "pid " + itoa(pid)
}
