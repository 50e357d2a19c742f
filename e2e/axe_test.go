//go:build !wasm

package e2e

// axe-core (pinned in e2e/axe/package-lock.json; .ci/run installs it with
// npm ci) checks every view of the app against WCAG 2.1 A and AA and axe's
// best practices, under the server's Content-Security-Policy.

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"forklab/internal/webbuild"

	"github.com/chromedp/chromedp"
)

// axeViews are the views that axe-core must find nothing on: a path, and a
// JavaScript condition that holds once the view is drawn whole. A new view
// is one more line.
var axeViews = []struct{ name, path, ready string }{
	{"start page", "/", `document.querySelector('#forklab[data-runtime="wasm"][data-mode="start"]') !== null`},
	{"main page", "/?scenario=fork-follow-continue", drawnJS},
	{"lesson stop", "/?lesson=review-2012&stop=1", drawnJS + ` && document.querySelector('[data-role=lesson]') !== null`},
	{"question", "/?lesson=review-2012&stop=2", drawnJS + ` && document.querySelector('[data-role=question]') !== null`},
	{"quiz mode", "/?scenario=orphan-race&quiz=1&step=1", `document.querySelector('#forklab[data-runtime="wasm"] [data-role=question] [data-role=choice]') !== null`},
	{"three panes", "/?scenario=vfork-follow&designs=old,new,linux&format=kdump", drawnJS},
	{"scenario mid-way", "/?scenario=orphan-race&step=6&designs=merged,current", drawnJS},
	{"address spaces", "/?scenario=vfork-csh&step=6&designs=old,new", drawnJS + ` && document.querySelector('[data-role=memory]') !== null`},
	{"keys overlay", "/?scenario=vfork-csh&step=3", drawnJS + ` && ` + afterKey("?", `document.querySelector('[data-overlay=help]') !== null`)},
	{"scenario chooser", "/?scenario=fork-follow-continue", drawnJS + ` && ` + afterKey("s", `document.querySelector('[data-overlay=picker]') !== null`)},
	{"editor", "/?scenario=vfork-follow", drawnJS + ` && ` + afterKey("e", `document.querySelector('#editor:not([hidden]) textarea') !== null`)},
	{"term explained", "/?scenario=fork-follow-to-scx&step=5&designs=old,new", drawnJS + ` && (document.querySelector('[role=tooltip]:not([hidden])') !== null || document.querySelector('.narration [data-term]').dispatchEvent(new MouseEvent('mouseover', {bubbles: true})) && false)`},
	{"glossary", "/glossary", `document.querySelector('#glossary[data-runtime="wasm"]') !== null`},
	{"assumptions", "/assumptions", `document.querySelector('#assumptions[data-runtime="wasm"]') !== null`},
	{"presenter mode", "/?scenario=orphan-race&step=6&designs=merged,current&present=1", stageDrawnJS},
	{"embed", "/embed?scenario=vfork-csh&step=5&designs=old,new", stageDrawnJS},
	{"lesson embed, caption and callout open", "/embed?lesson=review-2012&stop=3&quiz=1", stageDrawnJS +
		` && [...document.querySelectorAll('#embed-caption, #embed-callout')].every(d => d.open || (d.open = true, false))`},
}

// afterKey is a condition that holds once cond does, pressing key (a
// keydown on the window, as the app listens) while it does not.
func afterKey(key, cond string) string {
	return `(` + cond + ` || (window.dispatchEvent(new KeyboardEvent('keydown', {key: ` + jsString(key) + `})), false))`
}

// drawnJS holds once the main page shows its scenario whole, trace logs
// included (ui draws them after the first paint: App.restLater).
const drawnJS = `document.querySelector('#forklab[data-runtime="wasm"][data-complete="true"]') !== null && ` +
	`[...document.querySelectorAll('article.pane')].every(p => p.querySelector('[data-role=trace] li') !== null)`

// stageDrawnJS holds once presenter mode or an embed is drawn whole (they
// show no trace logs).
const stageDrawnJS = `document.querySelector('#forklab[data-runtime="wasm"][data-complete="true"][data-mode]') !== null`

// axeTags are the rule sets run: WCAG 2.0 and 2.1, levels A and AA, and
// axe's best practices.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"}

// axeSource returns axe.min.js from e2e/axe/node_modules. Without it the
// test skips, or fails under REQUIRE_BROWSER=1 (.ci/run installs it).
func axeSource(t *testing.T) string {
	t.Helper()
	root, err := webbuild.ModuleRoot(".")
	must(t, err)
	path := filepath.Join(root, "e2e", "axe", "node_modules", "axe-core", "axe.min.js")
	src, err := os.ReadFile(path)
	if err != nil {
		if RequireBrowser() {
			t.Fatalf("REQUIRE_BROWSER=1: %v (install it: npm ci --prefix e2e/axe)", err)
		}
		t.Skipf("skipping the axe-core test: %v (npm ci --prefix e2e/axe installs it)", err)
	}
	return string(src)
}

// axeViolation is one rule that axe-core found broken, with where.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target  []any  `json:"target"`
		HTML    string `json:"html"`
		Summary string `json:"failureSummary"`
	} `json:"nodes"`
}

// runAxe injects axe-core into the page with Runtime.evaluate (which the
// page's Content-Security-Policy does not govern, as it would a <script>
// element) and returns what it finds.
func runAxe(b *Browser, src string) []axeViolation {
	b.t.Helper()
	if !Eval[bool](b, `window.axe !== undefined || (() => { `+src+`; return window.axe !== undefined; })()`) {
		b.t.Fatal("axe-core did not load")
	}
	js := fmt.Sprintf(`axe.run(document, {runOnly: {type: 'tag', values: %s}, resultTypes: ['violations']})
	  .then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
	    nodes: v.nodes.map(n => ({target: n.target, html: n.html, failureSummary: n.failureSummary}))})))`,
		jsList(axeTags))
	return Run(b, chromedp.Evaluate[[]axeViolation](js, chromedp.EvalAwaitPromise))
}

// jsList writes ss as a JavaScript array of strings.
func jsList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = jsString(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

func TestAxe(t *testing.T) {
	src := axeSource(t)
	b := NewBrowser(t)
	srv := NewServer(t)
	b.CheckLocalRequests(srv.URL)
	for _, v := range axeViews {
		t.Run(v.name, func(t *testing.T) {
			tb := on(b, t)
			tb.Navigate(srv.URL + v.path)
			tb.WaitApp()
			tb.Poll(v.ready)
			// One level-1 heading, which a screen reader lists (axe asks
			// for at least one).
			if n := Eval[int](tb, `[...document.querySelectorAll('h1')].filter(h => !h.closest('[hidden],[aria-hidden=true]')).length`); n != 1 {
				t.Errorf("%s: %d level-1 headings, want 1", v.path, n)
			}
			found := runAxe(tb, src)
			nodes := 0
			for _, f := range found {
				nodes += len(f.Nodes)
				for i, n := range f.Nodes {
					if i == 5 {
						t.Errorf("  … and %d more", len(f.Nodes)-i)
						break
					}
					t.Errorf("axe %s (%s): %s\n  at %v: %.160s\n  %s", f.ID, f.Impact, f.Help, n.Target, n.HTML, strings.ReplaceAll(n.Summary, "\n", "\n  "))
				}
			}
			t.Logf("%s: %d rules broken, %d nodes", v.path, len(found), nodes)
		})
	}
}
