//go:build !wasm

package e2e

// TestUI drives the visualizer in one headless Chromium against one server:
// it loads every library scenario, steps to the end in the default pair of
// panes and again with a third pane, and checks at every step that the page
// shows what sim says (nodes, edges, states, the debugger's wait result and
// PT_LWPINFO flags, the differences). Then the keyboard, a permalink round
// trip, the editor (an error at its line and column, one's own scenario in a
// link, the size limit), the animations and reduced motion, and offline use.
// It saves a screenshot per scenario, and of the main views at 1366×768 and
// 1024×768. The console must stay free of errors throughout (the harness
// checks it when the test ends).

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"forklab/internal/webserver"
	"forklab/scenarios"
	"forklab/sim"
	"forklab/ui"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// expectation is what sim says the page must show for one scenario and set
// of designs.
type expectation struct {
	key     string
	designs []*sim.Design
	runs    []*scenarios.Run
	last    int
	marks   []int
}

func expect(key string, f *scenarios.File, ds []*sim.Design) *expectation {
	e := &expectation{key: key, designs: ds}
	for _, d := range ds {
		r := scenarios.Execute(f, d, scenarios.Options{Snapshots: true, Invariants: true})
		e.runs = append(e.runs, r)
		e.last = max(e.last, len(r.Frames)-1)
	}
	for n := 0; n <= e.last; n++ {
		if len(scenarios.Compare(e.runs, n)) > 0 {
			e.marks = append(e.marks, n)
		}
	}
	return e
}

func (e *expectation) designsKey() string {
	var s []string
	for _, d := range e.designs {
		s = append(s, d.Short())
	}
	return strings.Join(s, ",")
}

// check compares the page at position n with sim, and returns the
// differences.
func (e *expectation) check(v pageView, n int) []string {
	var errs []string
	bad := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }
	if v.Step != n || v.Last != e.last || v.Label != fmt.Sprintf("step %d / %d", n, e.last) {
		bad("step %d of %d (%q), want %d of %d", v.Step, v.Last, v.Label, n, e.last)
	}
	if v.Designs != e.designsKey() || len(v.Panes) != len(e.designs) {
		bad("designs %s in %d panes, want %s", v.Designs, len(v.Panes), e.designsKey())
		return errs
	}
	if want := len(scenarios.Compare(e.runs, n)); v.Diffs != want {
		bad("the callout lists %d differences, scenarios.Compare %d", v.Diffs, want)
	}
	if !slices.Equal(v.Marks, e.marks) && !(len(v.Marks) == 0 && len(e.marks) == 0) {
		bad("scrubber marks %v, want %v", v.Marks, e.marks)
	}
	if len(v.Unnamed) > 0 {
		bad("controls without an accessible name: %q", v.Unnamed)
	}
	for i, d := range e.designs {
		p, r := v.Panes[i], e.runs[i]
		fi := min(n, len(r.Frames)-1)
		where := fmt.Sprintf("pane %s frame %d", d.Short(), fi)
		if p.Design != d.Short() || p.Frame != fi || p.Ended != (n > len(r.Frames)-1) {
			bad("%s: the pane shows %s frame %d ended=%v", where, p.Design, p.Frame, p.Ended)
			continue
		}
		if !p.SVGns {
			bad("%s: an element of the tree is not in the SVG namespace", where)
		}
		if fi > 0 && p.Current != fi {
			bad("%s: the trace highlights frame %d", where, p.Current)
		}
		snap := &r.Frames[fi].Snapshot
		errs = append(errs, prefix(where, checkBroken(p, r, fi, n))...)
		errs = append(errs, prefix(where, checkTree(p, r, fi))...)
		errs = append(errs, prefix(where, checkDebugger(p, d, r, fi, snap))...)
	}
	return errs
}

func prefix(where string, errs []string) []string {
	for i := range errs {
		errs[i] = where + ": " + errs[i]
	}
	return errs
}

// checkBroken compares the pane's broken-invariant callouts and header badges
// with the invariants the frame broke (none once the run has ended).
func checkBroken(p paneDOM, r *scenarios.Run, fi, n int) []string {
	var want, got, badges []string
	if n <= len(r.Frames)-1 {
		for _, v := range r.Frames[fi].Broken {
			want = append(want, fmt.Sprintf("%s declared=%v", v.Invariant, v.Declared))
		}
	}
	var errs []string
	for _, b := range p.Broken {
		got = append(got, fmt.Sprintf("%s declared=%v", b.Invariant, b.Declared))
		badges = append(badges, b.Invariant)
		if !b.Shown {
			errs = append(errs, fmt.Sprintf("the callout for %s is not visible", b.Invariant))
		}
	}
	if !slices.Equal(got, want) {
		errs = append(errs, fmt.Sprintf("broken invariants %q, want %q", got, want))
	}
	if !slices.Equal(p.BrokenBadges, badges) {
		errs = append(errs, fmt.Sprintf("header badges %q, callouts %q", p.BrokenBadges, badges))
	}
	return errs
}

// checkTree compares the nodes and edges with the snapshot.
func checkTree(p paneDOM, r *scenarios.Run, fi int) []string {
	var errs []string
	snap := &r.Frames[fi].Snapshot
	live := map[int]bool{}
	for _, q := range snap.Procs {
		live[q.Pid] = q.State != sim.StateReaped
	}
	nodes := map[int]nodeDOM{}
	for _, nd := range p.Nodes {
		nodes[nd.Pid] = nd
	}
	type edge struct {
		kind       string
		pid, other int
	}
	want := map[edge]bool{}
	for _, q := range snap.Procs {
		nd, ok := nodes[q.Pid]
		delete(nodes, q.Pid)
		if q.State == sim.StateReaped {
			wasLive := false
			if fi > 0 {
				if pq, ok := r.Frames[fi-1].Snapshot.ByPid(q.Pid); ok {
					wasLive = pq.State != sim.StateReaped
				}
			}
			if ok && (nd.State != "reaped" || !wasLive) {
				errs = append(errs, fmt.Sprintf("%s is drawn as %s, but was reaped before this step", q.Name, nd.State))
			}
			continue
		}
		if !ok || !nd.Shown {
			errs = append(errs, fmt.Sprintf("%s[%d] (%s) is not drawn", q.Name, q.Pid, q.State))
			continue
		}
		got := fmt.Sprintf("%s %s parent=%d realparent=%d tracer=%d orphanof=%d", nd.Name, nd.State, nd.Parent, nd.RealParent, nd.Tracer, nd.OrphanOf)
		exp := fmt.Sprintf("%s %s parent=%d realparent=%d tracer=%d orphanof=%d", q.Name, q.State, q.Parent, q.RealParent, q.Tracer, q.OrphanOf)
		if got != exp {
			errs = append(errs, fmt.Sprintf("node %q, want %q", got, exp))
		}
		if q.State == sim.StateStopped && (nd.StopSig != q.StopSig.String() || !strings.Contains(nd.Badge, q.StopSig.String())) {
			errs = append(errs, fmt.Sprintf("%s stopped with %s (badge %q), want %s", q.Name, nd.StopSig, nd.Badge, q.StopSig))
		}
		if !strings.HasPrefix(nd.Badge, q.State.String()) {
			errs = append(errs, fmt.Sprintf("%s's badge %q does not say %s", q.Name, nd.Badge, q.State))
		}
		add := func(kind string, other int) {
			if other != 0 && live[other] {
				want[edge{kind, q.Pid, other}] = true
			}
		}
		add("parent", q.Parent)
		if q.RealParent != q.Parent {
			add("realparent", q.RealParent)
		}
		add("tracer", q.Tracer)
		add("orphan", q.OrphanOf)
	}
	for pid, nd := range nodes {
		errs = append(errs, fmt.Sprintf("node %s[%d] is drawn but sim has no such process", nd.Name, pid))
	}
	for _, ed := range p.Edges {
		k := edge{ed.Kind, ed.Pid, ed.Other}
		if !want[k] {
			errs = append(errs, fmt.Sprintf("a %s edge %d→%d is drawn that sim does not have", ed.Kind, ed.Other, ed.Pid))
		} else if !ed.Shown {
			errs = append(errs, fmt.Sprintf("the %s edge %d→%d is not visible", ed.Kind, ed.Other, ed.Pid))
		}
		delete(want, k)
	}
	for k := range want {
		errs = append(errs, fmt.Sprintf("no %s edge %d→%d", k.kind, k.other, k.pid))
	}
	return errs
}

// checkDebugger compares what the pane says the processes have learnt with
// scenarios.Run.Learnt: each process's last wait4 and PT_LWPINFO, with the
// step it returned at, and the records of trace stops no call has read.
func checkDebugger(p paneDOM, d *sim.Design, r *scenarios.Run, fi int, snap *sim.Snapshot) []string {
	var errs []string
	reports, unreported := r.Learnt(fi)
	var want, got []string
	for _, rep := range reports {
		pv, _ := snap.Proc(rep.Proc)
		call, value := "lwpinfo", rep.Result.Got
		if w := rep.Result.Res.Wait; w != nil {
			call, value = "wait", w.String()
		}
		want = append(want, fmt.Sprintf("%d %s at %d: %s", pv.Pid, call, rep.Result.Returned, value))
	}
	for _, rep := range p.Reports {
		got = append(got, fmt.Sprintf("%d %s at %d: %s", rep.Proc, rep.Call, rep.Step, rep.Value))
	}
	if !slices.Equal(got, want) {
		errs = append(errs, fmt.Sprintf("learnt %q, want %q", got, want))
	}
	if len(p.Unreported) != len(unreported) {
		return append(errs, fmt.Sprintf("%d unreported records, want %d", len(p.Unreported), len(unreported)))
	}
	for i, u := range unreported {
		pu := p.Unreported[i]
		pv, _ := snap.Proc(u.Proc)
		if pu.Proc != pv.Pid || pu.Flags != u.Lwp.Flags.String() {
			errs = append(errs, fmt.Sprintf("unreported record of %d with %s, want %s[%d] with %s", pu.Proc, pu.Flags, pv.Name, pv.Pid, u.Lwp.Flags))
			continue
		}
		if d.Linux() {
			if pu.Event != u.Lwp.LinuxEv.String() {
				errs = append(errs, fmt.Sprintf("%s: event %s, want %s", pv.Name, pu.Event, u.Lwp.LinuxEv))
			}
			continue
		}
		var lit, na []string
		for _, f := range sim.PLFlagNames {
			switch {
			case !d.HasPLFlag(f.Flag):
				na = append(na, f.Name)
			case u.Lwp.Flags&f.Flag != 0:
				lit = append(lit, f.Name)
			}
		}
		if !slices.Equal(pu.Lit, lit) && !(len(pu.Lit) == 0 && len(lit) == 0) {
			errs = append(errs, fmt.Sprintf("%s: lit chips %v, want %v", pv.Name, pu.Lit, lit))
		}
		if !slices.Equal(pu.NA, na) && !(len(pu.NA) == 0 && len(na) == 0) {
			errs = append(errs, fmt.Sprintf("%s: n/a chips %v, want %v", pv.Name, pu.NA, na))
		}
		if pu.Event != u.Lwp.Event.String() {
			errs = append(errs, fmt.Sprintf("%s: pl_event %s, want %s", pv.Name, pu.Event, u.Lwp.Event))
		}
	}
	return errs
}

// walk steps with → from the start to the end, checking every step; it
// saves a screenshot at the first step where the panes differ (or the last).
func walk(b *Browser, e *expectation, shot string) {
	t := b.t
	t.Helper()
	b.PressKey(kb.Home)
	shotAt := e.last
	if len(e.marks) > 0 {
		shotAt = e.marks[0]
	}
	for n := 0; n <= e.last; n++ {
		if n > 0 {
			b.PressKey(kb.ArrowRight)
		}
		v := waitView(b, e.key, n)
		if errs := append(e.check(v, n), checkPlaces(b, e.key, e.designsKey(), n)...); len(errs) > 0 {
			t.Errorf("%s under %s at step %d:\n  %s", e.key, e.designsKey(), n, strings.Join(errs, "\n  "))
			return
		}
		if n == shotAt && shot != "" {
			b.Screenshot(shot)
		}
	}
	// Past the end, → does nothing.
	b.PressKey(kb.ArrowRight)
	if v := readView(b); v.Step != e.last {
		t.Errorf("→ at the last step moved to step %d", v.Step)
	}
}

func TestUI(t *testing.T) {
	b := NewBrowser(t)
	srv := NewServer(t)
	b.CheckLocalRequests(srv.URL)
	lib, err := scenarios.Library()
	must(t, err)

	setViewport(b, 1366, 768)
	emulateMedia(b, "reduce") // no animation to wait for in the walks and screenshots
	b.Navigate(srv.URL + "/?scenario=fork-follow-continue")
	b.WaitApp()
	waitView(b, "fork-follow-continue", 0)

	t.Run("library", func(t *testing.T) {
		b := on(b, t)
		for _, entry := range lib {
			key := strings.TrimSuffix(entry.Path, ".txt")
			t.Run(key, func(t *testing.T) {
				b := on(b, t)
				selectScenario(b, key)
				ds := ui.DefaultDesigns(entry.File)
				walk(b, expect(key, entry.File, ds), "pair")
				b.PressKey("t")
				three := append(slices.Clone(ds), ui.ThirdDesign(entry.File, ds))
				walk(b, expect(key, entry.File, three), "")
				b.PressKey("t") // back to two panes
				v := readView(b)
				if v.Designs != expect(key, entry.File, ds).designsKey() {
					t.Errorf("t again shows %s", v.Designs)
				}
			})
		}
	})

	t.Run("keyboard", func(t *testing.T) { testKeyboard(on(b, t), srv.URL) })
	t.Run("permalink", func(t *testing.T) { testPermalink(on(b, t), srv.URL) })
	t.Run("editor", func(t *testing.T) { testEditor(on(b, t), srv.URL) })
	t.Run("views", func(t *testing.T) { testViews(on(b, t), srv.URL) })
	t.Run("save", func(t *testing.T) { testSave(on(b, t), srv.URL) })
	t.Run("invariant", func(t *testing.T) { testInvariant(on(b, t), srv.URL) })
	t.Run("motion", func(t *testing.T) { testMotion(on(b, t), srv.URL) })
	t.Run("offline", testOffline)
}

// testOffline visits the app once, then takes its server off the network:
// the service worker serves the app and all its assets from its cache (no
// request may fail), the page draws a scenario and steps through it, and a
// permalink that was never visited opens on the view it names.
func testOffline(t *testing.T) {
	b := NewBrowser(t)
	srv, offline := offlineServer(t)
	visitOnce(b, srv, "/?scenario=fork-follow-continue")
	goOffline(b, offline)
	b.Navigate(srv.URL + "/?scenario=fork-follow-continue")
	b.WaitApp()
	v := waitView(b, "fork-follow-continue", 0)
	if len(v.Panes) != 2 || len(v.Panes[0].Nodes) == 0 {
		t.Errorf("offline, the page shows %d panes", len(v.Panes))
	}
	b.PressKey(kb.End)
	waitView(b, "fork-follow-continue", v.Last)
	if !Eval[bool](b, `navigator.serviceWorker.controller !== null`) {
		t.Errorf("the offline page is not served by the service worker")
	}
	b.Screenshot("offline")

	b.Navigate(srv.URL + "/?scenario=vfork-follow&step=3&designs=old,merged,linux")
	b.WaitApp()
	v = waitView(b, "vfork-follow", 3)
	if got := v.Designs; got != "old,merged,linux" {
		t.Errorf("offline permalink: designs %s, want old,merged,linux", got)
	}
	b.Screenshot("offline-permalink")
}

// visitOnce opens path on srv, a view at its start, which may only ask srv for
// anything, and waits until the service worker has cached the app.
func visitOnce(b *Browser, srv *httptest.Server, path string) {
	b.t.Helper()
	b.CheckLocalRequests(srv.URL)
	b.Navigate(srv.URL + path)
	b.WaitApp()
	waitView(b, "", 0)
	if !Run(b, chromedp.Evaluate[bool](`navigator.serviceWorker.ready.then(() => true)`, chromedp.EvalAwaitPromise)) {
		b.t.Fatal("service worker not ready")
	}
}

// goOffline drops the network. Chromium may fetch a page's favicon itself,
// past the service worker, so that one request may fail offline; every other
// must be answered from the cache.
func goOffline(b *Browser, offline *atomic.Bool) {
	b.AllowConsole("/web/icon.svg")
	offline.Store(true)
}

// offlineServer serves the app until the returned flag is set, and then
// answers nothing, as a dropped network would.
func offlineServer(t *testing.T) (*httptest.Server, *atomic.Bool) {
	h, err := webserver.New(WebDir(t))
	must(t, err)
	offline := new(atomic.Bool)
	srv := Serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if offline.Load() {
			if hj, ok := w.(http.Hijacker); ok {
				if c, _, err := hj.Hijack(); err == nil {
					c.Close()
					return
				}
			}
			http.Error(w, "offline", http.StatusServiceUnavailable)
			return
		}
		h.ServeHTTP(w, r)
	}))
	return srv, offline
}

func testKeyboard(b *Browser, base string) {
	t := b.t
	b.Navigate(base + "/?scenario=vfork-follow")
	e := expectFor(t, "vfork-follow", nil)
	waitView(b, "vfork-follow", 0)
	b.PressKey(kb.ArrowRight)
	b.PressKey(kb.ArrowRight)
	waitView(b, "vfork-follow", 2)
	b.PressKey(kb.ArrowLeft)
	waitView(b, "vfork-follow", 1)
	b.PressKey(kb.End)
	waitView(b, "vfork-follow", e.last)
	b.PressKey(kb.Home)
	waitView(b, "vfork-follow", 0)
	// A presentation clicker's keys.
	b.PressKey(kb.PageDown)
	waitView(b, "vfork-follow", 1)
	b.PressKey(kb.PageUp)
	waitView(b, "vfork-follow", 0)
	if y := Eval[float64](b, `scrollY`); y != 0 {
		t.Errorf("PageDown/PageUp scrolled the page to %v", y)
	}
	b.PressKey("]")
	v := waitView(b, "vfork-follow", e.marks[0])
	if v.Diffs == 0 {
		t.Errorf("] went to step %d, where the callout shows no difference", v.Step)
	}
	b.PressKey("[")
	// Before the first mark there is none: [ stays.
	if v := readView(b); v.Step != e.marks[0] {
		t.Errorf("[ before the first difference moved to %d", v.Step)
	}

	// Play at 4x: the timeline moves by itself, Space stops it.
	for range 4 {
		b.PressKey("+")
	}
	b.PressKey(kb.Home)
	b.PressKey(" ")
	b.Poll(`+document.getElementById('forklab').dataset.step >= 2`)
	b.PressKey(" ")
	stopped := readView(b).Step
	b.Poll(`document.getElementById('play').getAttribute('aria-pressed') === 'false'`)
	if v := readView(b); v.Step != stopped && v.Step != stopped+1 {
		t.Errorf("still playing after Space: step %d then %d", stopped, v.Step)
	}

	// ? opens the key list, Esc closes it.
	b.PressKey("?")
	b.Poll(`document.querySelector('[data-overlay=help]') !== null`)
	if got := b.Text("[data-overlay=help] table"); !strings.Contains(got, "next step") || !strings.Contains(got, "play / pause") {
		t.Errorf("the key list says %q", got)
	}
	b.Screenshot("help")
	b.PressKey(kb.Escape)
	b.Poll(`document.querySelector('[data-overlay=help]') === null`)

	// s opens the chooser, grouped by tag, with titles and abouts.
	b.PressKey("s")
	b.Poll(`document.querySelector('[data-overlay=picker]') !== null`)
	if n := Eval[int](b, `document.querySelectorAll('[data-overlay=picker] .card').length`); n < 10 {
		t.Errorf("the chooser lists %d scenarios", n)
	}
	b.Screenshot("picker")
	b.Click(`[data-overlay=picker] .card[data-key="detach"]`)
	waitView(b, "detach", 0)

	// t adds a third pane and removes it; f changes the trace format.
	b.PressKey("t")
	b.Poll(`document.querySelectorAll('article.pane').length === 3`)
	b.PressKey("t")
	b.Poll(`document.querySelectorAll('article.pane').length === 2`)
	// The third pane's design can be chosen, and its ✕ removes it.
	b.Click("#toggle-pane")
	b.Poll(`document.querySelectorAll('article.pane').length === 3`)
	Eval[any](b, `(() => { const s = document.getElementById('design-2'); s.value = 'linux'; s.dispatchEvent(new Event('change', {bubbles: true})); })()`)
	// detach opens under its pair: line, merged and current.
	b.Poll(`document.getElementById('forklab').dataset.designs === 'merged,current,linux' && location.search.includes('designs=merged,current,linux')`)
	b.Click(`article.pane[data-pane="2"] .close`)
	b.Poll(`document.querySelectorAll('article.pane').length === 2 && document.getElementById('forklab').dataset.designs === 'merged,current'`)
	b.PressKey("f")
	b.Poll(`document.getElementById('forklab').dataset.format === 'kdump'`)

	// e opens the editor and puts the keyboard in it; Esc closes it.
	b.PressKey("e")
	b.Poll(`document.activeElement && document.activeElement.id === 'editor-text'`)
	b.PressKey(kb.Escape)
	b.Poll(`document.getElementById('editor').hidden`)

	// Every control is reachable with Tab.
	Eval[any](b, `document.activeElement && document.activeElement.blur()`)
	seen := map[string]bool{}
	controls := []string{"scenario-select", "open-picker", "toggle-editor", "open-help", "play", "forward", "speed", "scrubber", "format", "toggle-pane", "design-0", "design-1"}
	// Tab goes on from where the editor was, to the end of the page and round
	// again: enough presses for every tab stop twice.
	for range 150 {
		b.PressKey(kb.Tab)
		seen[Eval[string](b, `document.activeElement ? (document.activeElement.id || document.activeElement.tagName) : ''`)] = true
		if !slices.ContainsFunc(controls, func(id string) bool { return !seen[id] }) {
			break
		}
	}
	for _, id := range controls {
		if !seen[id] {
			t.Errorf("Tab never reaches #%s (reached %v)", id, seen)
		}
	}
	// Keys typed into a field stay there.
	b.Click("#speed")
	before := readView(b).Step
	b.PressKey("l")
	if v := readView(b); v.Step != before {
		t.Errorf("a key typed into the speed list moved the timeline")
	}
}

func testPermalink(b *Browser, base string) {
	t := b.t
	link := "/?scenario=exec-continue&step=4&designs=old,new,linux&format=strace"
	b.Navigate(base + link)
	e := expectFor(t, "exec-continue", []string{"old", "new", "linux"})
	v := waitView(b, "exec-continue", 4)
	if errs := e.check(v, 4); len(errs) > 0 {
		t.Errorf("the link shows:\n  %s", strings.Join(errs, "\n  "))
	}
	if v.Format != "strace" || v.Panes[0].Trace != "strace" {
		t.Errorf("format %s, trace %s; want strace", v.Format, v.Panes[0].Trace)
	}
	if v.Search != "?scenario=exec-continue&step=4&designs=old,new,linux&format=strace" {
		t.Errorf("the address reads %s", v.Search)
	}
	hist := Eval[int](b, `history.length`)
	b.PressKey(kb.ArrowRight)
	v = waitView(b, "exec-continue", 5)
	b.Poll(`location.search === '?scenario=exec-continue&step=5&designs=old,new,linux&format=strace'`)
	b.PressKey("f")
	b.Poll(`location.search.includes('format=plain')`)
	if h := Eval[int](b, `history.length`); h != hist {
		t.Errorf("stepping added history entries: %d, then %d", hist, h)
	}
	// Opening the address again restores exactly that view.
	href := Eval[string](b, `location.href`)
	b.Navigate(href)
	v2 := waitView(b, "exec-continue", 5)
	if v2.Designs != v.Designs || v2.Format != "plain" || v2.Search != Eval[string](b, `location.search`) {
		t.Errorf("reopened %s: designs %s format %s", href, v2.Designs, v2.Format)
	}
	if errs := e.check(v2, 5); len(errs) > 0 {
		t.Errorf("the reopened link shows:\n  %s", strings.Join(errs, "\n  "))
	}
	// Clicking a step in the trace log jumps there.
	Eval[any](b, `document.querySelector('article.pane[data-pane="0"] [data-role=trace] li[data-frame="2"] button').click()`)
	waitView(b, "exec-continue", 2)
	// A link with nonsense in it shows something sensible and says so.
	b.Navigate(base + "/?scenario=no-such&designs=old,bogus&step=999")
	b.WaitApp()
	b.Poll(`document.querySelector('[data-runtime=wasm][data-complete=true] .notice') !== null && !document.querySelector('.notice').hidden`)
	v = readView(b)
	if v.Scenario != "fork-follow-continue" || v.Step != v.Last {
		t.Errorf("a bad link shows %s at step %d of %d", v.Scenario, v.Step, v.Last)
	}
}

func testEditor(b *Browser, base string) {
	t := b.t
	b.Navigate(base + "/?scenario=fork-no-follow")
	waitView(b, "fork-no-follow", 0)
	// Open it with the button: chromedp sends a typed key as keyDown then a
	// separate "char" event, which no preventDefault on keydown can stop, so
	// an "e" would land in the editor it opens (a real key press does not).
	b.Click("#toggle-editor")
	b.Poll(`document.activeElement && document.activeElement.id === 'editor-text'`)
	src := Eval[string](b, `document.getElementById('editor-text').value`)
	entry, _ := libraryFile(t, "fork-no-follow")
	if src != entry.Src() {
		t.Errorf("the editor holds %d characters, the scenario %d", len(src), len(entry.Src()))
	}

	// An invalid line: the error shows at its line and column as you type.
	lines := strings.Split(src, "\n")
	bad := -1
	for i, l := range lines {
		if strings.HasPrefix(l, "P: fork") {
			lines[i] = "P: frok as C"
			bad = i
			break
		}
	}
	if bad < 0 {
		t.Fatal("fork-no-follow has no line P: fork")
	}
	invalid := strings.Join(lines, "\n")
	_, perr := scenarios.Parse("scenario.txt", []byte(invalid))
	var se *scenarios.Error
	if !asError(perr, &se) {
		t.Fatalf("the invalid text parses: %v", perr)
	}
	setEditor(b, invalid)
	b.Poll(`document.getElementById('editor-error') !== null`)
	want := fmt.Sprintf("Line %d, column %d: %s", se.Pos.Line, se.Pos.Col, se.Msg)
	if got := b.Text("#editor-error"); got != want {
		t.Errorf("the editor says %q, want %q", got, want)
	}
	if se.Pos.Line != bad+1 {
		t.Errorf("scenarios.Parse puts the error on line %d, the bad line is %d", se.Pos.Line, bad+1)
	}
	if got := Eval[string](b, `(document.querySelector('.gutter li[data-error=true]') || {}).textContent || ''`); !strings.HasPrefix(got, fmt.Sprint(se.Pos.Line)+" ") {
		t.Errorf("the gutter marks %q", got)
	}
	if !Eval[bool](b, `document.getElementById('editor-run').disabled && document.getElementById('editor-text').getAttribute('aria-invalid') === 'true'`) {
		t.Errorf("Run is enabled, or the text is not marked invalid, with an error")
	}
	b.Screenshot("editor-error")

	// One's own scenario: Run shows it, and the address carries it.
	lines[bad] = "P: fork as C"
	own := strings.Replace(strings.Join(lines, "\n"), "title: ", "title: My ", 1)
	setEditor(b, own)
	b.Poll(`document.getElementById('editor-error') === null && !document.getElementById('editor-run').disabled`)
	b.Click("#editor-run")
	b.Poll(`document.getElementById('forklab').dataset.scenario === 'own' && location.search.includes('src=')`)
	v := readView(b)
	if !strings.HasPrefix(v.Title, "My ") {
		t.Errorf("Run shows %q", v.Title)
	}
	f, err := scenarios.Parse("scenario.txt", []byte(own))
	must(t, err)
	e := expect("own", f, ui.DefaultDesigns(f))
	b.PressKey(kb.Escape) // close the editor
	b.Poll(`document.getElementById('editor').hidden`)
	b.PressKey(kb.End)
	v = waitView(b, "own", e.last)
	if errs := e.check(v, e.last); len(errs) > 0 {
		t.Errorf("one's own scenario shows:\n  %s", strings.Join(errs, "\n  "))
	}
	b.Poll(fmt.Sprintf(`location.search.includes('src=') && location.search.includes('step=%d')`, e.last))
	href := Eval[string](b, `location.href`)
	b.Navigate(href)
	v = waitView(b, "own", e.last)
	if !strings.HasPrefix(v.Title, "My ") {
		t.Errorf("the link of one's own scenario opens %q", v.Title)
	}
	if errs := e.check(v, e.last); len(errs) > 0 {
		t.Errorf("the link of one's own scenario shows:\n  %s", strings.Join(errs, "\n  "))
	}

	// Past the size limit: it runs, and says why the address cannot carry it.
	rng := rand.New(rand.NewPCG(1, 2))
	var big strings.Builder
	big.WriteString(own)
	for i := 0; i < 80; i++ {
		big.WriteString("\n# ")
		for j := 0; j < 100; j++ {
			big.WriteByte(byte('a' + rng.IntN(26)))
		}
	}
	b.Click("#toggle-editor")
	b.Poll(`document.getElementById('editor-text') !== null`)
	setEditor(b, big.String())
	b.Poll(`!document.getElementById('editor-run').disabled`)
	b.Click("#editor-run")
	b.Poll(`!document.getElementById('share-msg').hidden`)
	if got := b.Text("#share-msg"); !strings.Contains(got, "at most 6,000") {
		t.Errorf("past the limit the editor says %q", got)
	}
	// The page writes the address once the frame that shows the change is
	// painted (App.flushURL), so it is read after that, never at once.
	if err := b.poll(`!location.search.includes('src=')`); err != nil {
		t.Errorf("the address carries a scenario past the limit: %d characters", len(Eval[string](b, `location.search`)))
	}
	b.Screenshot("editor-too-long")
	b.PressKey(kb.Escape)
}

func testViews(b *Browser, base string) {
	for _, size := range []struct {
		w, h int64
		name string
	}{{1366, 768, "1366x768"}, {1024, 768, "1024x768"}} {
		setViewport(b, size.w, size.h)
		b.Navigate(base + "/?scenario=fork-follow-continue&step=6&designs=old,new&format=plain")
		waitView(b, "fork-follow-continue", 6)
		b.Screenshot(size.name + "-pair")
		b.Navigate(base + "/?scenario=attach-exit-status&step=6&designs=old,new,merged&format=kdump")
		waitView(b, "attach-exit-status", 6)
		b.Screenshot(size.name + "-three")
		b.Navigate(base + "/?scenario=exec-continue&step=5&designs=new,linux&format=strace")
		waitView(b, "exec-continue", 5)
		b.Screenshot(size.name + "-linux")
		fullScreenshot(b, size.name+"-linux-full")
	}
	setViewport(b, 1366, 768)
}

// testSave reads each pane's "save trace" link as the browser would save it
// and compares it with the trace log the pane shows (ui's native tests hold
// that text to sim's renderer).
func testSave(b *Browser, base string) {
	t := b.t
	b.Navigate(base + "/?scenario=vfork-follow&designs=old,linux&format=kdump")
	v := waitView(b, "vfork-follow", 0)
	for i := range v.Panes {
		pane := fmt.Sprintf(`document.querySelector('[data-pane="%d"]')`, i)
		// The log is drawn after the first paint (ui's App.restLater).
		b.Poll(pane + `.querySelectorAll('[data-role=trace] li').length > 0`)
		shown := Eval[string](b, pane+`.querySelectorAll('[data-role=trace] .tlines:not(.muted)').values().map(e => e.textContent + "\n").toArray().join("")`)
		saved := Run(b, chromedp.Evaluate[string](pane+`.querySelector('[data-role=trace-save]').href`, chromedp.EvalAwaitPromise))
		// Decoded here: the page's CSP lets it fetch nothing but its own origin.
		text := Eval[string](b, `decodeURIComponent(`+jsString(saved)+`.replace(/^[^,]*,/, ""))`)
		if !strings.HasPrefix(saved, "data:text/plain") || text != shown || !strings.Contains(text, "CALL") {
			t.Errorf("pane %d saves %d bytes (%.40q...), the pane shows %d bytes of kdump", i, len(text), text, len(shown))
		}
	}
}

// testInvariant opens traceme-exit-status at the step where P's second wait
// (line 21) gets C's exit status again: under old and new each pane calls out
// exit-status-once, broken as the design behaves, with the design's reason, and the live
// region says so; under current the pane says nothing. It saves screenshots of
// old|new and old|current with the callouts in view.
func testInvariant(b *Browser, base string) {
	t := b.t
	for _, c := range []struct {
		designs string
		breaks  []bool
	}{{"old,new", []bool{true, true}}, {"old,current", []bool{true, false}}} {
		e := expectFor(t, "traceme-exit-status", strings.Split(c.designs, ","))
		n := -1
		for fi, fr := range e.runs[0].Frames {
			if len(fr.Broken) > 0 {
				n = fi
			}
		}
		if n < 0 || e.runs[0].Frames[n].Step.Pos.Line != 21 {
			t.Fatalf("under old, traceme-exit-status breaks no invariant at line 21 (frame %d)", n)
		}
		b.Navigate(fmt.Sprintf("%s/?scenario=traceme-exit-status&step=%d&designs=%s", base, n, c.designs))
		v := waitView(b, "traceme-exit-status", n)
		if errs := e.check(v, n); len(errs) > 0 {
			t.Errorf("%s at step %d:\n  %s", c.designs, n, strings.Join(errs, "\n  "))
		}
		for i, p := range v.Panes {
			d := e.designs[i]
			if !c.breaks[i] {
				if len(p.Broken) > 0 {
					t.Errorf("%s: pane %s shows %v", c.designs, p.Design, p.Broken)
				}
				continue
			}
			if len(p.Broken) != 1 {
				t.Errorf("%s: pane %s shows %d broken invariants, want 1", c.designs, p.Design, len(p.Broken))
				continue
			}
			br := p.Broken[0]
			for _, s := range []string{"invariant broken", "exit-status-once", "no process receives the same child's exit status twice",
				"P[100] got C[101]'s exit status 2 times", "This is how " + d.Name + " behaves, a finding and not a fault in forklab's model: " + d.Breaks[0].Why} {
				if !strings.Contains(br.Text, s) {
					t.Errorf("%s: pane %s's callout %q lacks %q", c.designs, p.Design, br.Text, s)
				}
			}
			if !br.Declared || !br.Shown {
				t.Errorf("%s: pane %s's callout is declared=%v shown=%v", c.designs, p.Design, br.Declared, br.Shown)
			}
			if !strings.Contains(v.Live, "Invariant broken: exit-status-once") {
				t.Errorf("%s: the live region says %q", c.designs, v.Live)
			}
		}
		// One step back and on: the callout belongs to this step only.
		b.PressKey(kb.ArrowLeft)
		if v := waitView(b, "traceme-exit-status", n-1); len(v.Panes[0].Broken)+len(v.Panes[1].Broken) > 0 {
			t.Errorf("%s: step %d shows a broken invariant", c.designs, n-1)
		}
		b.PressKey(kb.ArrowRight)
		waitView(b, "traceme-exit-status", n)
		Eval[any](b, `document.querySelector('article.pane [data-role=broken]').scrollIntoView({block: 'center'})`)
		b.Screenshot(strings.ReplaceAll(c.designs, ",", "-"))
		Eval[any](b, `window.scrollTo(0, 0)`)
		b.Screenshot(strings.ReplaceAll(c.designs, ",", "-") + "-top")
	}
	// Three narrow panes: the header badges must fit.
	setViewport(b, 1024, 768)
	defer setViewport(b, 1366, 768)
	b.Navigate(base + "/?scenario=traceme-exit-status&step=8&designs=old,new,merged")
	v := waitView(b, "traceme-exit-status", 8)
	for _, p := range v.Panes {
		if len(p.BrokenBadges) != 1 {
			t.Errorf("old,new,merged at step 8: pane %s has header badges %v", p.Design, p.BrokenBadges)
		}
	}
	if over := Eval[int](b, `[...document.querySelectorAll('[data-role=broken-badge]')].filter(e => {
	  const r = e.getBoundingClientRect(), p = e.closest('article.pane').getBoundingClientRect();
	  return r.right > p.right || r.left < p.left; }).length`); over > 0 {
		t.Errorf("%d header badges stick out of their pane at 1024 pixels", over)
	}
	b.Screenshot("three-1024")
}

func testMotion(b *Browser, base string) {
	t := b.t
	js := `getComputedStyle(document.querySelector('g[data-role=node]')).transitionDuration`
	b.Navigate(base + "/?scenario=detach&step=1")
	waitView(b, "detach", 1)
	if d := Eval[string](b, js); d != "0s" {
		t.Errorf("under prefers-reduced-motion the nodes move in %s", d)
	}
	emulateMedia(b, "")
	defer emulateMedia(b, "reduce")
	if d := Eval[string](b, js); d == "0s" || d == "" {
		t.Errorf("the nodes do not animate: transition %q", d)
	}
	// A re-parented node slides: the same element gets a new transform,
	// which the CSS transition animates.
	b.Navigate(base + "/?scenario=detach&step=0")
	waitView(b, "detach", 0)
	Eval[any](b, `window.__node = document.querySelector('article.pane g[data-role=node][data-name=C]'); window.__from = window.__node.style.transform`)
	b.PressKey(kb.ArrowRight)
	waitView(b, "detach", 1)
	if !Eval[bool](b, `window.__node === document.querySelector('article.pane g[data-role=node][data-name=C]') && window.__node.style.transform !== window.__from`) {
		t.Errorf("attaching did not move the node of C (it was replaced, or stayed put)")
	}
	b.Screenshot("moving")
}

// expectFor returns the expectation for a library scenario under designs
// (names or aliases), or its default ones.
func expectFor(t testing.TB, key string, designs []string) *expectation {
	t.Helper()
	e, f := libraryFile(t, key)
	_ = e
	var ds []*sim.Design
	for _, n := range designs {
		d, ok := sim.LookupDesign(n)
		if !ok {
			t.Fatalf("no design %s", n)
		}
		ds = append(ds, d)
	}
	if ds == nil {
		ds = ui.DefaultDesigns(f)
	}
	return expect(key, f, ds)
}

// libEntry is a library scenario.
type libEntry struct{ e scenarios.Entry }

func (l libEntry) Src() string { return string(l.e.Src) }

func libraryFile(t testing.TB, key string) (libEntry, *scenarios.File) {
	t.Helper()
	lib, err := scenarios.Library()
	must(t, err)
	for _, e := range lib {
		if strings.TrimSuffix(e.Path, ".txt") == key {
			return libEntry{e}, e.File
		}
	}
	t.Fatalf("no library scenario %s", key)
	return libEntry{}, nil
}

// setEditor replaces the editor's text, as typing would.
func setEditor(b *Browser, text string) {
	b.t.Helper()
	js := fmt.Sprintf(`(() => { const ta = document.getElementById('editor-text'); ta.value = %s;
	  ta.dispatchEvent(new Event('input', {bubbles: true})); return true; })()`, jsString(text))
	Eval[bool](b, js)
}
