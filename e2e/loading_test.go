//go:build !wasm

package e2e

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp/kb"
)

// TestLoadingShowsPreRender checks what a first visit sees while app.wasm is
// still on its way (issue 12): the pre-rendered view of its link, with
// go-app's loader as a small note in a corner that covers no tree (it was a
// screen over the whole page), saying that forklab is loading; and that,
// once app.wasm arrives, the module that wasmstart.js compiled from the
// page's head runs the page, fetched once. The pre-rendered trees are drawn
// at once, their boxes not growing in under links already drawn, and its
// texts and controls read and stand as the program's will.
func TestLoadingShowsPreRender(t *testing.T) {
	b, open := openLoading(t, "/?scenario=fork-follow-continue")
	// The pre-rendered trees are drawn at once: no box grows in under its
	// links.
	const running = `Array.from(document.querySelectorAll('svg[data-role=tree]')).flatMap(s => s.getAnimations({subtree: true})).filter(a => a.playState === 'running').map(a => a.animationName)`
	if got := Eval[[]string](b, running); len(got) != 0 {
		t.Errorf("the pre-rendered trees animate as the page is drawn: %v", got)
	}
	b.Screenshot("loading-1280")
	// The pre-rendered page reads as the program's own will: no space
	// before the punctuation after a glossary term, no line break inside a
	// trace line, the transport's controls where they will be, and what
	// the trees mark true marked so (webserver.tightenPage).
	const looks = `[...['#about', '#trace-0 li:nth-child(2) .tlines', '#scenario-title', '.legend'].map(s => document.querySelector(s).innerText),
	  ...['#play', '#next-diff', '#format', '#toggle-pane'].map(s => { const r = document.querySelector(s).getBoundingClientRect(); return r.x + ',' + r.y; }),
	  ...['aria-hidden', 'data-visible', 'data-current'].map(a => a + ' ' + document.querySelectorAll('#forklab svg [' + a + '=true]').length)]`
	preLooks := Eval[[]string](b, looks)
	if legend := preLooks[3]; !strings.Contains(legend, "orphan list (p_orphans)") {
		t.Errorf("the trees' legend reads %q, want it to name the orphan list (p_orphans)", legend)
	}
	type box struct {
		W, H      float64
		Label     string
		Covered   bool // the first tree's first process is under the loader
		TreeShown bool
	}
	got := Eval[box](b, `(() => {
	  const l = document.getElementById('app-wasm-loader').getBoundingClientRect();
	  const n = document.querySelector('svg[data-role=tree] g[data-role=node]').getBoundingClientRect();
	  const at = document.elementFromPoint(n.x + n.width / 2, n.y + n.height / 2);
	  return {W: l.width, H: l.height, Label: document.getElementById('app-wasm-loader-label').textContent,
	    Covered: !!(at && at.closest('#app-wasm-loader')), TreeShown: !!(at && at.closest('svg[data-role=tree]'))};
	})()`)
	if got.W > 600 || got.H > 80 || got.Covered || !got.TreeShown {
		t.Errorf("while app.wasm loads, the loader is %.0f×%.0f px and covers the tree (%v), the tree shows (%v): want a note in a corner and the pre-rendered tree visible", got.W, got.H, got.Covered, got.TreeShown)
	}
	if got.Label != "loading forklab…" {
		t.Errorf("the loader says %q, want %q", got.Label, "loading forklab…")
	}

	setViewport(b, 390, 844)
	b.Screenshot("loading-narrow")
	setViewport(b, 1280, 720)

	open()
	b.WaitApp()
	waitView(b, "fork-follow-continue", 0)
	b.Poll(`document.querySelector('#forklab[data-complete=true]') !== null`)
	if got := Eval[[]string](b, looks); !slices.Equal(got, preLooks) {
		t.Errorf("the pre-rendered page reads\n%q\nand the program's\n%q", preLooks, got)
	}
	// tightenPage writes "true" into the pre-render's aria-* and data-*
	// attributes that go-app wrote bare, which is right while the app sets
	// none of them to "".
	const empty = `[...document.querySelectorAll('#forklab *')].flatMap(e => [...e.attributes]).filter(a => /^(aria|data)-/.test(a.name) && a.value === '').map(a => a.name)`
	if got := Eval[[]string](b, empty); len(got) != 0 {
		t.Errorf("the program's page has aria-* or data-* attributes set to \"\": %v", got)
	}
	if Eval[bool](b, `document.getElementById('app-wasm-loader') !== null`) {
		t.Error("the loader is still there once the app runs")
	}
	if n := countSuffix(b.Requests(), "/web/app.wasm"); n != 1 {
		t.Errorf("app.wasm requested %d times, want once", n)
	}
	// The nodes the reader saw pre-rendered do not grow in again when the
	// app's own replace them; a node that appears later does.
	if got := Eval[[]string](b, running); len(got) != 0 {
		t.Errorf("once the app has replaced the pre-rendered trees, their nodes animate again: %v", got)
	}
	b.PressKey(kb.End)
	waitView(b, "fork-follow-continue", 12)
	b.PressKey(kb.Home)
	waitView(b, "fork-follow-continue", 0)
	b.Poll(`document.querySelector('#forklab[data-complete=true]') !== null`)
	time.Sleep(500 * time.Millisecond) // the animations of the steps above end
	b.PressKey(kb.End)
	waitView(b, "fork-follow-continue", 12)
	if got := Eval[[]string](b, running); !slices.Contains(got, "grow") {
		t.Errorf("a node that appears at a later step does not grow in (running: %v)", got)
	}
}

// TestPreRenderScrollsTraces: a link to a later step shows, before the
// program runs, that step's lines in each trace log (static/traces.js),
// scrolled where the program scrolls them once it runs.
func TestPreRenderScrollsTraces(t *testing.T) {
	b, release := openLoading(t, "/?scenario=vfork-follow&step=9")
	const tops = `[...document.querySelectorAll('ol[data-role=trace]')].map(l => l.scrollTop)`
	pre := Eval[[]float64](b, tops)
	if len(pre) != 2 || pre[0] == 0 || pre[1] == 0 {
		t.Errorf("the pre-rendered trace logs of step 9 are scrolled to %v px, want both below their top", pre)
	}
	release()
	b.WaitApp()
	waitView(b, "vfork-follow", 9)
	b.Poll(`document.querySelector('#forklab[data-complete=true]') !== null`)
	want, err := json.Marshal(pre)
	must(t, err)
	b.Poll(fmt.Sprintf(`JSON.stringify(%s) === %q`, tops, want))
}
