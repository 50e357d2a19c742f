//go:build !wasm

package e2e

// Helpers for the UI tests: the page read back as data, a viewport size, and
// waiting for a step to be drawn.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// pageView is what the page shows, read from its DOM (ui sets data-*
// attributes for exactly this).
type pageView struct {
	Step     int       `json:"step"`
	Last     int       `json:"last"`
	Label    string    `json:"label"`
	Scenario string    `json:"scenario"`
	Designs  string    `json:"designs"`
	Format   string    `json:"format"`
	Diffs    int       `json:"diffs"`
	Marks    []int     `json:"marks"`
	Search   string    `json:"search"`
	Panes    []paneDOM `json:"panes"`
	Title    string    `json:"title"`
	Help     bool      `json:"help"`
	Picker   bool      `json:"picker"`
	Live     string    `json:"live"`
	Focus    string    `json:"focus"`
	Unnamed  []string  `json:"unnamed"`
}

type paneDOM struct {
	Design     string          `json:"design"`
	Frame      int             `json:"frame"`
	Ended      bool            `json:"ended"`
	Ran        string          `json:"ran"`
	Nodes      []nodeDOM       `json:"nodes"`
	Edges      []edgeDOM       `json:"edges"`
	Reports    []reportDOM     `json:"reports"`
	Unreported []unreportedDOM `json:"unreported"`
	Trace      string          `json:"trace"`
	Current    int             `json:"current"`
	SVGns      bool            `json:"svgns"`
	Broken     []brokenDOM     `json:"broken"`
	// BrokenBadges names the invariants of the header's broken-invariant badges.
	BrokenBadges []string `json:"brokenbadges"`
}

// reportDOM is a call's value as its caller learnt it (scenarios.Report).
type reportDOM struct {
	Proc  int    `json:"proc"`
	Call  string `json:"call"`
	Step  int    `json:"step"`
	Value string `json:"value"`
}

// unreportedDOM is a trace stop's record that no call has read.
type unreportedDOM struct {
	Proc  int      `json:"proc"`
	Flags string   `json:"flags"`
	Lit   []string `json:"lit"`
	NA    []string `json:"na"`
	Event string   `json:"event"`
}

// brokenDOM is a pane's callout for an invariant its step broke.
type brokenDOM struct {
	Invariant string `json:"invariant"`
	Declared  bool   `json:"declared"`
	Text      string `json:"text"`
	Shown     bool   `json:"shown"`
}

type nodeDOM struct {
	Pid        int    `json:"pid"`
	Name       string `json:"name"`
	State      string `json:"state"`
	StopSig    string `json:"stopsig"`
	Parent     int    `json:"parent"`
	RealParent int    `json:"realparent"`
	Tracer     int    `json:"tracer"`
	OrphanOf   int    `json:"orphanof"`
	Badge      string `json:"badge"`
	Shown      bool   `json:"shown"`
}

type edgeDOM struct {
	Kind  string `json:"kind"`
	Pid   int    `json:"pid"`
	Other int    `json:"other"`
	Shown bool   `json:"shown"`
}

// viewJS reads the page into a pageView, or null before the wasm front end
// has drawn a scenario.
const viewJS = `(() => {
  const m = document.querySelector('#forklab[data-runtime="wasm"][data-step][data-complete="true"]');
  if (!m) return null;
  const q = (el, s) => el.querySelector(s);
  const panes = [...document.querySelectorAll('article.pane')].map(p => {
    const cur = q(p, '[data-role=trace] li[data-current=true]');
    const svg = q(p, 'svg[data-role=tree]');
    return {
      design: p.dataset.design, frame: +p.dataset.frame, ended: p.dataset.ended === 'true',
      ran: q(p, '[data-role=ran]').textContent,
      nodes: [...p.querySelectorAll('g[data-role=node]')].filter(n => n.dataset.visible === 'true').map(n => ({
        pid: +n.dataset.pid, name: n.dataset.name, state: n.dataset.state, stopsig: n.dataset.stopsig,
        parent: +n.dataset.parent, realparent: +n.dataset.realparent, tracer: +n.dataset.tracer,
        orphanof: +n.dataset.orphanof, badge: q(n, '[data-role=badge]').textContent,
        shown: n.getBoundingClientRect().width > 0})),
      edges: [...p.querySelectorAll('g[data-role=edges] path[data-role=edge]')].filter(e => e.dataset.visible === 'true').map(e => ({
        kind: e.dataset.kind, pid: +e.dataset.pid, other: +e.dataset.other,
        shown: getComputedStyle(e).display !== 'none' && e.getTotalLength() > 0})),
      reports: [...p.querySelectorAll('[data-role=report]')].map(r => ({
        proc: +r.dataset.proc, call: r.dataset.call, step: +r.dataset.step, value: r.dataset.value})),
      unreported: [...p.querySelectorAll('[data-role=unreported]')].map(u => ({
        proc: +u.dataset.proc, flags: u.dataset.flags,
        lit: [...u.querySelectorAll('.chip[data-state=set]')].map(c => c.dataset.flag),
        na: [...u.querySelectorAll('.chip[data-state="n/a"]')].map(c => c.dataset.flag),
        event: q(u, '[data-role=event]').textContent})),
      trace: q(p, '[data-role=trace]').dataset.format,
      current: cur ? +cur.dataset.frame : 0,
      svgns: svg !== null && svg.namespaceURI === 'http://www.w3.org/2000/svg' &&
        [...svg.querySelectorAll('*')].every(e => e.namespaceURI === 'http://www.w3.org/2000/svg'),
      broken: [...p.querySelectorAll('[data-role=broken]')].map(b => ({
        invariant: b.dataset.invariant, declared: b.dataset.declared === 'true', text: b.textContent,
        shown: b.getBoundingClientRect().height > 0 && getComputedStyle(b).visibility !== 'hidden'})),
      brokenbadges: [...p.querySelectorAll('[data-role=broken-badge]')].map(b => b.dataset.invariant),
    };
  });
  const unnamed = [...document.querySelectorAll('button, select, input, textarea')].filter(e => {
    if (e.closest('[hidden]')) return false;
    const label = e.getAttribute('aria-label') || (e.labels && e.labels.length ? e.labels[0].textContent : '') ||
      (e.getAttribute('aria-labelledby') ? 'x' : '') || e.textContent.trim();
    return !label;
  }).map(e => e.outerHTML.slice(0, 80));
  return {
    step: +m.dataset.step, last: +m.dataset.last, label: document.getElementById('step-label').textContent,
    scenario: m.dataset.scenario, designs: m.dataset.designs, format: m.dataset.format,
    diffs: +q(document, '[data-role=diffs]').dataset.count,
    marks: [...document.querySelectorAll('[data-role=marks] .mark')].map(e => +e.dataset.pos),
    search: location.search, panes, title: document.getElementById('scenario-title').textContent,
    help: q(document, '[data-overlay=help]') !== null, picker: q(document, '[data-overlay=picker]') !== null,
    live: document.getElementById('live').textContent,
    focus: document.activeElement ? (document.activeElement.id || document.activeElement.tagName) : '',
    unnamed,
  };
})()`

// readView reads the page, once it shows a scenario completely.
func readView(b *Browser) pageView {
	b.t.Helper()
	return pollView(b, viewJS, "a scenario")
}

// waitView waits until the page shows position step of scenario (any
// scenario if ""), and returns what it shows.
func waitView(b *Browser, scenario string, step int) pageView {
	b.t.Helper()
	cond := fmt.Sprintf(`(() => { const m = document.querySelector('#forklab[data-runtime="wasm"][data-step][data-complete="true"]');
	  if (m === null || m.dataset.step !== %q || (%q !== '' && m.dataset.scenario !== %q) ||
	    !document.getElementById('step-label').textContent.startsWith('step ' + %q + ' /')) return null;
	  return %s; })()`, fmt.Sprint(step), scenario, scenario, fmt.Sprint(step), viewJS)
	return pollView(b, cond, fmt.Sprintf("step %d of %q", step, scenario))
}

// pollView polls the expression js until it gives a view.
func pollView(b *Browser, js, what string) pageView {
	b.t.Helper()
	deadline := time.Now().Add(Timeout)
	for {
		ctx, cancel := context.WithTimeout(b.ctx, time.Until(deadline)+time.Second)
		v, err := chromedp.Run(ctx, chromedp.Poll[*pageView](js, chromedp.WithPollingTimeout(time.Until(deadline))))
		cancel()
		if err == nil && v != nil {
			return *v
		}
		// The page may reload under the poll (the service worker's first
		// install, a new version): poll the new page, as Browser.Poll does.
		if err == nil || !navigated(err) || time.Now().After(deadline) {
			b.t.Fatalf("waiting for %s: %v%s", what, err, b.consoleDump())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// setViewport sizes the page's viewport, as a screen of w×h CSS pixels.
func setViewport(b *Browser, w, h int64) {
	b.t.Helper()
	b.Do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
			Width: w, Height: h, DeviceScaleFactor: 1,
		})
		return err
	}))
}

// selectScenario chooses a scenario in the title line's list, as a person
// would.
func selectScenario(b *Browser, key string) {
	b.t.Helper()
	js := fmt.Sprintf(`(() => { const s = document.getElementById('scenario-select'); s.value = %q;
	  s.dispatchEvent(new Event('change', {bubbles: true})); return s.value === %q; })()`, key, key)
	if !Eval[bool](b, js) {
		b.t.Fatalf("scenario %s is not in the list", key)
	}
}

// must fails the test now if err is not nil.
func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// on returns a Browser for subtest t that drives b's tab. The helpers fail
// the test they were given, and a subtest must not fail its parent from its
// own goroutine. b (the parent's) still checks the console for both when the
// parent ends.
func on(b *Browser, t testing.TB) *Browser {
	return &Browser{t: t, ctx: b.ctx, responses: map[string]*network.Response{}}
}

// emulateMedia sets prefers-reduced-motion for the tab ("reduce" or "").
func emulateMedia(b *Browser, reducedMotion string) {
	b.t.Helper()
	var features []*emulation.MediaFeature
	if reducedMotion != "" {
		features = append(features, &emulation.MediaFeature{Name: "prefers-reduced-motion", Value: reducedMotion})
	}
	b.Do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: features})
		return err
	}))
}

// jsString writes s as a JavaScript string literal.
func jsString(s string) string {
	b, err := json.Marshal(s)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// asError is errors.As.
func asError(err error, target any) bool { return errors.As(err, target) }

// fullScreenshot saves a PNG of the whole page (quality 100 is PNG) as
// ArtefactDir()/<test>-<name>.png.
func fullScreenshot(b *Browser, name string) {
	b.t.Helper()
	png := Run(b, chromedp.FullScreenshot(100))
	dir, err := ArtefactDir()
	must(b.t, err)
	path := filepath.Join(dir, fileName(b.t.Name()+"-"+name)+".png")
	must(b.t, os.WriteFile(path, png, 0o644))
	b.t.Logf("screenshot: %s", path)
}
