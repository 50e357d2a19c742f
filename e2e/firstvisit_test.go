//go:build !wasm

package e2e

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"forklab/scenarios"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// recordLoadJS records, from the end of the page's parsing on (before it,
// a list shows its first entries as they arrive), what the title line's
// scenario list shows each time the page changes: its value and how many
// entries it has; each width it has been drawn at; and each count of
// divergence marks under the scrubber.
const recordLoadJS = `window.__sel = []; window.__selWidths = []; window.__marks = [];
new MutationObserver(() => {
  if (document.readyState === 'loading') return;
  const marks = document.querySelector('[data-role=marks]');
  const n = marks && marks.querySelectorAll('.mark').length;
  if (marks && window.__marks[window.__marks.length - 1] !== n) window.__marks.push(n);
  const s = document.getElementById('scenario-select');
  if (!s) return;
  const v = s.value + " " + s.options.length;
  if (window.__sel[window.__sel.length - 1] !== v) window.__sel.push(v);
  const w = s.getBoundingClientRect().width;
  if (!window.__selWidths.includes(w)) window.__selWidths.push(w);
}).observe(document, {childList: true, subtree: true, attributes: true});`

// TestFirstVisitLists checks, in the browser, what the first view of a
// scenario link draws from the library's headers alone (issue 12): the
// title line's list shows the linked scenario while the page loads and,
// once the rest of the view has come, it and the chooser name every library
// scenario, by key and title, as the whole library says; and a scenario
// chosen from them opens and runs. Screenshots at 1280×720 and at a phone's
// width.
func TestFirstVisitLists(t *testing.T) {
	lib, err := scenarios.Library()
	must(t, err)
	b := NewBrowser(t)
	srv := NewServer(t)
	b.Do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: recordLoadJS})
		return err
	}))
	for _, size := range []struct {
		name string
		w, h int64
	}{{"1280", 1280, 720}, {"narrow", 390, 844}} {
		setViewport(b, size.w, size.h)
		b.Navigate(srv.URL + "/?scenario=fork-follow-continue")
		b.WaitApp()
		waitView(b, "fork-follow-continue", 0)
		// The first render lists the scenario shown alone (topBar.Later); the
		// list comes with the rest of the view.
		b.Poll(`document.querySelector('#forklab[data-complete=true]') !== null`)
		shown := Eval[[]string](b, `window.__sel`)
		if want := fmt.Sprintf("fork-follow-continue %d", len(lib)); len(shown) == 0 || shown[len(shown)-1] != want {
			t.Errorf("the scenario list, once the view is complete, shows %v; want %q last", shown, want)
		}
		for _, v := range shown {
			if !strings.HasPrefix(v, "fork-follow-continue ") {
				t.Errorf("while the page loads, the scenario list shows %q (all: %v), want fork-follow-continue throughout", v, shown)
			}
		}
		if ms := Eval[[]int](b, `window.__marks`); len(ms) != 1 || ms[0] == 0 {
			t.Errorf("at %s the scrubber shows these counts of divergence marks while the page loads: %v; want the same count throughout", size.name, ms)
		}
		if ws := Eval[[]float64](b, `window.__selWidths`); len(ws) != 1 {
			t.Errorf("at %s the scenario list changes width while the page loads (the line moves): %v px", size.name, ws)
		}
		got := Eval[[]string](b, `Array.from(document.querySelectorAll('#scenario-select option')).map(o => o.value + "\t" + o.textContent)`)
		if len(got) != len(lib) {
			t.Fatalf("the scenario list has %d entries, the library %d", len(got), len(lib))
		}
		for _, e := range lib {
			if want := strings.TrimSuffix(e.Path, ".txt") + "\t" + e.File.Title; !slices.Contains(got, want) {
				t.Errorf("the scenario list lacks %q", want)
			}
		}
		b.Screenshot("first-view-" + size.name)

		b.PressKey("s")
		b.Poll(`document.querySelector('[data-overlay=picker]') !== null`)
		cards := Eval[[]string](b, `Array.from(document.querySelectorAll('[data-overlay=picker] .card')).map(c => c.dataset.key + "\t" + c.querySelector('.card-title').textContent + "\t" + c.querySelector('.card-about').textContent)`)
		if len(cards) != len(lib) {
			t.Fatalf("the chooser has %d cards, the library %d", len(cards), len(lib))
		}
		for _, e := range lib {
			if want := strings.TrimSuffix(e.Path, ".txt") + "\t" + e.File.Title + "\t" + strings.Join(e.File.About, " "); !slices.Contains(cards, want) {
				t.Errorf("the chooser lacks %q", want)
			}
		}
		b.Screenshot("picker-" + size.name)
		b.PressKey(kb.Escape)
		b.Poll(`document.querySelector('[data-overlay=picker]') === null`)
	}

	// A scenario chosen from the list is parsed whole and runs.
	selectScenario(b, "orphan-race")
	waitView(b, "orphan-race", 0)
	b.PressKey(kb.ArrowRight)
	waitView(b, "orphan-race", 1)
}
