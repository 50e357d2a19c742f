//go:build !wasm

package e2e

// TestMemory checks the address spaces drawn in each pane's tree against sim, on
// vfork-csh under old and new: at step 5 (P's vfork) 9.0's P and C share one
// space while the proposal's C has a copy; at step 6 (C's store) the shared space
// holds x = 1 in old and the two spaces x = 0 and x = 1 in new; at step 7 the
// exec gives C a fresh one; and every step as the keys draw it. A scenario
// without variables draws none (ui/memory_test.go checks that its tree keeps its
// size). Screenshots at 1280×720 and 400 px wide.
//
// TestMemoryStepLatency logs keydown → step drawn on vfork-csh (reported, never
// asserted: the machine is shared), so that drawing memory can be compared with
// the page before it.

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"forklab/scenarios"
	"forklab/sim"

	"github.com/chromedp/chromedp/kb"
)

// memoryBox is one [data-role=memory] as the page draws it.
type memoryBox struct {
	Pane    int      `json:"pane"`
	Shared  bool     `json:"shared"`  // data-shared="true"
	HasAttr bool     `json:"hasAttr"` // any data-shared attribute at all
	Pids    []int    `json:"pids"`    // data-pids
	Vars    []string `json:"vars"`    // the text of its lines
	Name    string   `json:"name"`    // its accessible name
}

const memoryJS = `[...document.querySelectorAll('[data-pane]')].flatMap(p =>
  [...p.querySelectorAll('[data-role=memory]')].map(m => ({
    pane: +p.dataset.pane, shared: m.getAttribute('data-shared') === 'true', hasAttr: m.hasAttribute('data-shared'),
    pids: m.dataset.pids.split(' ').map(Number),
    vars: [...m.querySelectorAll('[data-role=var]')].map(v => v.textContent),
    name: m.getAttribute('aria-label') })))`

// wantMemory is what sim says a pane draws at frame n of run: a box per address
// space of a process that uses memory in the run (holds a variable at some frame,
// or stores or loads one), listing every process that has it, in the order of
// their pids (top to bottom in the scenarios tested here, as the page orders them).
func wantMemory(run *scenarios.Run, n int, pane int) []memoryBox {
	held := map[int]bool{}
	for _, fr := range run.Frames {
		for _, p := range fr.Snapshot.Procs {
			if p.Vars != nil {
				held[p.Pid] = true
			}
		}
		for _, e := range fr.Events {
			if a, ok := e.(*sim.MemoryAccess); ok {
				held[a.Pid] = true
			}
		}
	}
	byID := map[int]*memoryBox{}
	var ids []int
	for _, p := range run.FrameAt(n).Snapshot.Procs {
		if p.Vmspace == 0 {
			continue
		}
		b, ok := byID[p.Vmspace]
		if !ok {
			b = &memoryBox{Pane: pane}
			for _, v := range p.Vars {
				b.Vars = append(b.Vars, fmt.Sprintf("%s = %d", v.Name, v.Value))
			}
			byID[p.Vmspace] = b
			ids = append(ids, p.Vmspace)
		}
		b.Pids = append(b.Pids, p.Pid)
	}
	var boxes []memoryBox
	for _, id := range ids {
		b := *byID[id]
		if !slices.ContainsFunc(b.Pids, func(pid int) bool { return held[pid] }) {
			continue
		}
		b.Shared, b.HasAttr = len(b.Pids) > 1, len(b.Pids) > 1
		boxes = append(boxes, b)
	}
	return boxes
}

func TestMemory(t *testing.T) {
	b := NewBrowser(t)
	srv := NewServer(t)
	setViewport(b, 1280, 720)
	emulateMedia(b, "reduce") // screenshots of the drawing, not of a node growing
	lib, err := scenarios.Library()
	must(t, err)
	var csh *scenarios.File
	for _, e := range lib {
		if e.Path == "vfork-csh.txt" {
			csh = e.File
		}
	}
	if csh == nil {
		t.Fatal("no vfork-csh in the library")
	}
	old, _ := sim.LookupDesign("old")
	nw, _ := sim.LookupDesign("new")
	e := expect("vfork-csh", csh, []*sim.Design{old, nw})

	open := func(key string, step int) int {
		t.Helper()
		b.Navigate(fmt.Sprintf("%s/?scenario=%s&step=%d&designs=old,new", srv.URL, key, step))
		b.WaitApp()
		waitView(b, key, step)
		return Eval[int](b, `document.querySelectorAll('[data-role=memory]').length`)
	}
	check := func(n int) []memoryBox {
		t.Helper()
		got := Eval[[]memoryBox](b, memoryJS)
		var want []memoryBox
		for i, r := range e.runs {
			want = append(want, wantMemory(r, n, i)...)
		}
		if !slices.EqualFunc(got, want, sameBox) {
			t.Errorf("step %d: memory boxes\n got %+v\nwant %+v", n, got, want)
		}
		return got
	}

	// The check: at step 5 (P's vfork) old draws one space shared by P
	// and C, new two, neither shared.
	open("vfork-csh", 5)
	got := check(5)
	if len(got) != 3 || got[0].Pane != 0 || !got[0].Shared || got[1].Pane != 1 || got[1].HasAttr || got[2].Pane != 1 || got[2].HasAttr {
		t.Errorf("step 5: %+v, want one shared space in old and two unshared ones in new", got)
	}
	b.Screenshot("vfork-csh-step5-1280")

	// Step 6 (C's store): the values, and the boxes' accessible names.
	b.PressKey(kb.ArrowRight)
	waitView(b, "vfork-csh", 6)
	got = check(6)
	names := make([]string, len(got))
	for i, m := range got {
		names[i] = m.Name
	}
	if want := "shared by P and C: x = 1|P's address space: x = 0|C's address space: x = 1"; strings.Join(names, "|") != want {
		t.Errorf("step 6: boxes named %q, want %q", names, want)
	}
	if list := Eval[string](b, `[...document.querySelectorAll('[data-role=memory-list] li')].map(l => l.textContent).join('|')`); list != strings.Join(names, "|") {
		t.Errorf("step 6: the screen readers' list says %q, the boxes %q", list, names)
	}
	b.Screenshot("vfork-csh-step6-1280")

	// Step 7 (C's exec): C gets a fresh, empty space; old's box is no longer
	// shared and loses data-shared as the page steps.
	b.PressKey(kb.ArrowRight)
	waitView(b, "vfork-csh", 7)
	check(7)
	b.Screenshot("vfork-csh-step7-1280")

	// Every step, back from the end and forward again, as the keys draw it.
	b.PressKey(kb.End)
	waitView(b, "vfork-csh", e.last)
	check(e.last)
	b.PressKey(kb.Home)
	waitView(b, "vfork-csh", 0)
	check(0)
	for n := 1; n <= e.last; n++ {
		b.PressKey(kb.ArrowRight)
		waitView(b, "vfork-csh", n)
		check(n)
	}

	// rfork(RFMEM) at C's store (step 5): shared in old, dropped (A7) in new.
	open("rfork-rfmem", 5)
	if got := Eval[[]memoryBox](b, memoryJS); len(got) != 3 || !got[0].Shared || got[1].HasAttr || got[2].HasAttr ||
		!slices.Equal(got[0].Vars, []string{"x = 5"}) || len(got[1].Vars) != 0 || !slices.Equal(got[2].Vars, []string{"x = 5"}) {
		t.Errorf("rfork-rfmem step 5: %+v, want old's space shared by P and C with x = 5, new's P empty and C with x = 5", got)
	}
	b.Screenshot("rfork-rfmem-step5-1280")

	setViewport(b, 400, 800)
	if n := open("vfork-csh", 6); n != 3 {
		t.Errorf("400 px wide: %d memory boxes, want 3", n)
	}
	Eval[any](b, `scrollTo(0, document.querySelector('[data-pane="0"] [data-role=tree]').getBoundingClientRect().top + scrollY - 180)`)
	b.Screenshot("vfork-csh-step6-400")

	// A scenario without variables draws no memory.
	setViewport(b, 1280, 720)
	if n := open("fork-follow-continue", 3); n != 0 {
		t.Errorf("fork-follow-continue: %d memory boxes, want none", n)
	}
}

func sameBox(a, b memoryBox) bool {
	return a.Pane == b.Pane && a.Shared == b.Shared && a.HasAttr == b.HasAttr &&
		slices.Equal(a.Pids, b.Pids) && slices.Equal(a.Vars, b.Vars)
}

func TestMemoryStepLatency(t *testing.T) {
	b := NewBrowser(t)
	srv := NewServer(t)
	setViewport(b, 1280, 720)
	emulateMedia(b, "reduce")
	const key = "vfork-csh"
	b.Navigate(srv.URL + "/?scenario=" + key + "&designs=old,new")
	b.WaitApp()
	last := readView(b).Last
	lat := warmSteps(b, last, 40)
	t.Logf("keydown → step drawn on %s (old,new, %d steps, animations off): %v; load average %s",
		key, last, lat, loadAverage())
}
