package ui

import (
	"strings"
	"testing"

	"forklab/scenarios"
	"forklab/sim"
)

// drawing returns the trees of frame i of rvs as the page draws them, at one size.
func drawing(rvs []*runView, i int) (trees []*treeView, w, h float64) {
	w, h = drawingSize(rvs)
	for _, rv := range rvs {
		trees = append(trees, buildTree(rv, min(i, len(rv.Run.Frames)-1), w, h, true))
	}
	return trees, w, h
}

func boxNames(bs []memBox) []string {
	var s []string
	for _, b := range bs {
		s = append(s, b.Name)
	}
	return s
}

// TestMemoryBoxes: at vfork-csh's store (line 23) 9.0 draws one box shared by P
// and C holding x = 1, with a link to each; the proposal two, P's with x = 0 and
// C's with x = 1. After the exec, C's box is a new, empty one under both.
func TestMemoryBoxes(t *testing.T) {
	rvs := []*runView{runOf(t, "vfork-csh", "old"), runOf(t, "vfork-csh", "new")}
	store := frameOf(t, rvs[0], lineOf(t, "vfork-csh", "C: set x 1"))
	for _, tc := range []struct {
		frame int
		want  [2][]string
	}{
		{store - 1, [2][]string{{"shared by P and C: x = 0"}, {"P's address space: x = 0", "C's address space: x = 0"}}},
		{store, [2][]string{{"shared by P and C: x = 1"}, {"P's address space: x = 0", "C's address space: x = 1"}}},
		{store + 1, [2][]string{{"P's address space: x = 1", "C's address space: empty"}, {"P's address space: x = 0", "C's address space: empty"}}},
	} {
		trees, _, _ := drawing(rvs, tc.frame)
		for j, tv := range trees {
			got := boxNames(tv.Memory)
			if strings.Join(got, "|") != strings.Join(tc.want[j], "|") {
				t.Errorf("%s frame %d: boxes %q, want %q", rvs[j].Design.Short(), tc.frame, got, tc.want[j])
			}
			for _, b := range tv.Memory {
				procs := len(strings.Fields(b.Pids))
				if b.Shared != (procs > 1) || len(b.Links) != procs || b.Empty != (len(b.Vars) == 0) {
					t.Errorf("%s frame %d: box %+v: shared, links or empty do not match its %d processes", rvs[j].Design.Short(), tc.frame, b, procs)
				}
			}
		}
	}
	old, _, _ := drawing(rvs, store)
	if b := old[0].Memory[0]; b.Pids != "101 102" || !b.Shared {
		t.Errorf("old at the store: %+v, want one space of P[101] and C[102]", b)
	}

	// rfork-rfmem under the proposal: P only loads x, from a space of its own
	// that holds nothing; it is drawn all the same.
	rf := []*runView{runOf(t, "rfork-rfmem", "new")}
	trees, _, _ := drawing(rf, frameOf(t, rf[0], lineOf(t, "rfork-rfmem", "C: set x 5")))
	if got, want := strings.Join(boxNames(trees[0].Memory), "|"), "P's address space: empty|C's address space: x = 5"; got != want {
		t.Errorf("rfork-rfmem new at C's store: boxes %q, want %q", got, want)
	}

	// A space is drawn whole: C alone loads from the space it shares with P.
	const src = "title: t\nproc P\nP: rfork RFPROC|RFMEM as C => C\nC: read x => 0\n"
	f, err := scenarios.Parse("own.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	d, _ := sim.LookupDesign("old")
	own := []*runView{newScenario("own", f, src).run(d)}
	trees, _, _ = drawing(own, 1)
	if got, want := strings.Join(boxNames(trees[0].Memory), "|"), "shared by P and C: empty"; got != want {
		t.Errorf("own rfork at step 1: boxes %q, want %q", got, want)
	}
}

// TestMemoryFits: in every library scenario, under every design and at every
// frame, each box lies in the drawing, right of every node (and of a tracer's
// arrow round it), and overlaps no other box; a scenario whose runs hold no
// variable draws none and keeps its tree's size.
func TestMemoryFits(t *testing.T) {
	lib, err := scenarios.Library()
	if err != nil {
		t.Fatal(err)
	}
	drew := 0
	for _, e := range lib {
		key := strings.TrimSuffix(e.Path, ".txt")
		var rvs []*runView
		for _, d := range sim.Designs() {
			if e.File.ForDesign(d) {
				rvs = append(rvs, runOf(t, key, d.Short()))
			}
		}
		slots, depth := 1, 0
		for _, rv := range rvs {
			s, d := rv.extent()
			slots, depth = max(slots, s), max(depth, d)
		}
		tw, th := treeSize(slots, depth)
		frames := 0
		for _, rv := range rvs {
			frames = max(frames, len(rv.Run.Frames))
		}
		boxes := 0
		for i := range frames {
			trees, w, h := drawing(rvs, i)
			for j, tv := range trees {
				for k, b := range tv.Memory {
					boxes++
					if b.X < 0 || b.Y < 0 || b.X+memBoxW > w || b.Y+b.H > h {
						t.Errorf("%s %s frame %d: box %q at %v,%v (%v high) outside %v×%v", key, rvs[j].Design.Short(), i, b.Name, b.X, b.Y, b.H, w, h)
					}
					for m, n := range tv.Nodes {
						if n.Visible && tv.At[m].X+nodeW/2+25 > b.X {
							t.Errorf("%s %s frame %d: box %q at x %v meets %s at x %v", key, rvs[j].Design.Short(), i, b.Name, b.X, n.Label, tv.At[m].X)
						}
					}
					for _, o := range tv.Memory[:k] {
						if b.X < o.X+memBoxW && o.X < b.X+memBoxW && b.Y < o.Y+o.H && o.Y < b.Y+b.H {
							t.Errorf("%s %s frame %d: boxes %q and %q overlap", key, rvs[j].Design.Short(), i, b.Name, o.Name)
						}
					}
				}
			}
			if boxes == 0 && (w != tw || h != th) {
				t.Errorf("%s frame %d: no memory drawn yet the drawing is %v×%v, not the tree's %v×%v", key, i, w, h, tw, th)
			}
		}
		if boxes > 0 {
			drew++
		}
	}
	if drew < 3 {
		t.Errorf("%d library scenarios draw memory, want at least vfork-csh, rfork-rfmem and exec-fail", drew)
	}
}

// TestMemoryHooks: a box carries data-shared only when shared (the browser sets
// it to "true", e2e/memory_test.go; go-app's server rendering prints an
// attribute valued "true" bare), and its accessible name.
func TestMemoryHooks(t *testing.T) {
	shared := renderHTML(&memView{B: &memBox{Pids: "101 102", Shared: true, Caption: "shared by P and C",
		Vars: []string{"x = 1"}, Name: "shared by P and C: x = 1", H: 60, Links: []string{"M0 0 C0 0,0 0,0 0", "M0 0 C0 0,0 0,0 0"}}})
	single := renderHTML(&memView{B: &memBox{Pids: "102", Caption: "C's address space", Empty: true,
		Name: "C's address space: empty", H: 46, Links: []string{"M0 0 C0 0,0 0,0 0"}}})
	for _, want := range []string{`data-role="memory"`, `data-shared`, `aria-label="shared by P and C: x = 1"`, `data-role="var"`, "x = 1"} {
		if !strings.Contains(shared, want) {
			t.Errorf("shared box lacks %s: %s", want, shared)
		}
	}
	if strings.Contains(single, "data-shared") || !strings.Contains(single, `aria-label="C&#39;s address space: empty"`) && !strings.Contains(single, `aria-label="C's address space: empty"`) {
		t.Errorf("unshared empty box: %s", single)
	}
}
