//go:build !wasm

package e2e

// The page moves its trees' nodes and links itself after go-app has mounted
// them (ui/place.go, static/trees.js). What it shows must be where the
// server's pre-render of the same view draws them, which go-app draws
// fresh: checked at every step of TestUI's walks and after each change of
// view in TestPlaces.

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp/kb"
)

// places is where a page draws its panes' trees: each node's transform and
// each link's path, in the order of the page.
type places struct {
	Nodes []string `json:"nodes"`
	Links []string `json:"links"`
}

const placesJS = `(() => {
  const trees = [...document.querySelectorAll('article.pane svg[data-role=tree]')];
  return {
    nodes: trees.flatMap(t => [...t.querySelectorAll('g[data-role=nodes] > g[data-role=node]')].map(n => n.style.transform)),
    links: trees.flatMap(t => [...t.querySelectorAll('g[data-role=edges] path[data-role=edge]')].map(e => e.getAttribute('d'))),
  };
})()`

var (
	tagRE       = regexp.MustCompile(`<(g|path) [^>]*>`)
	nodeStyleRE = regexp.MustCompile(`style="transform:(translate\([^)]*\));"`)
	linkPathRE  = regexp.MustCompile(` d="([^"]*)"`)
)

// preRendered returns where the server's pre-render of path draws the
// trees.
func preRendered(t testing.TB, base, path string) places {
	t.Helper()
	resp, err := http.Get(base + path)
	must(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	must(t, err)
	var p places
	for _, tag := range tagRE.FindAllString(string(body), -1) {
		switch {
		case !strings.Contains(tag, ` data-pid=`): // the legend's samples
		case strings.Contains(tag, `data-role="node"`):
			m := nodeStyleRE.FindStringSubmatch(tag)
			if m == nil {
				t.Fatalf("%s: a node without a place: %s", path, tag)
			}
			p.Nodes = append(p.Nodes, m[1])
		case strings.Contains(tag, `data-role="edge"`):
			m := linkPathRE.FindStringSubmatch(tag)
			if m == nil {
				t.Fatalf("%s: a link without a path: %s", path, tag)
			}
			p.Links = append(p.Links, m[1])
		}
	}
	return p
}

// checkPlaces compares where the page draws its trees at step n of scenario
// key under designs with the pre-render of that view.
func checkPlaces(b *Browser, key, designs string, n int) []string {
	b.t.Helper()
	base := Eval[string](b, `location.origin`)
	path := "/?scenario=" + url.QueryEscape(key) + "&step=" + fmt.Sprint(n) + "&designs=" + designs
	want := preRendered(b.t, base, path)
	got := Eval[places](b, placesJS)
	var errs []string
	diff := func(what string, got, want []string) {
		if len(got) != len(want) {
			errs = append(errs, fmt.Sprintf("%d %s drawn, the pre-render of %s has %d", len(got), what, path, len(want)))
			return
		}
		for i := range got {
			if got[i] != want[i] {
				errs = append(errs, fmt.Sprintf("%s %d at %q, the pre-render of %s at %q", what, i, got[i], path, want[i]))
				return
			}
		}
	}
	diff("nodes", got.Nodes, want.Nodes)
	diff("links", got.Links, want.Links)
	return errs
}

// TestPlaces changes the view in every way that keeps a tree on the page
// but changes what it draws, and after each compares where the nodes and
// links are with the pre-render.
func TestPlaces(t *testing.T) {
	b := NewBrowser(t)
	srv := NewServer(t)
	b.CheckLocalRequests(srv.URL)
	setViewport(b, 1366, 768)
	emulateMedia(b, "reduce")
	b.Navigate(srv.URL + "/?scenario=orphan-race&step=3&designs=merged,current")
	b.WaitApp()
	waitView(b, "orphan-race", 3)
	// Presenter mode has no step label for waitView: wait for the step.
	check := func(what, key string, n int) {
		t.Helper()
		b.Poll(fmt.Sprintf(`document.querySelector('#forklab[data-scenario=%q][data-step="%d"][data-complete=true]') !== null`, key, n))
		designs := Eval[string](b, `document.getElementById('forklab').dataset.designs`)
		if errs := checkPlaces(b, key, designs, n); len(errs) > 0 {
			t.Errorf("after %s:\n  %s", what, strings.Join(errs, "\n  "))
		}
	}
	check("loading a link", "orphan-race", 3)
	b.PressKey(kb.ArrowRight)
	check("→", "orphan-race", 4)
	b.PressKey(kb.End)
	last := Eval[int](b, `+document.getElementById('forklab').dataset.last`)
	check("End", "orphan-race", last)
	b.PressKey(kb.Home)
	check("Home", "orphan-race", 0)
	b.PressKey(kb.End)
	b.PressKey("t")
	check("adding a pane", "orphan-race", last)
	Eval[any](b, `(() => { const s = document.getElementById('design-0'); s.value = 'old'; s.dispatchEvent(new Event('change', {bubbles: true})); })()`)
	b.Poll(`document.querySelector('article.pane[data-pane="0"]').dataset.design === 'old'`)
	check("changing a pane's design", "orphan-race", last)
	b.PressKey("t")
	check("removing a pane", "orphan-race", last)
	b.PressKey("p")
	b.Poll(`document.querySelector('#forklab[data-mode=present]') !== null`)
	b.PressKey(kb.PageUp)
	check("presenter mode, a step back", "orphan-race", last-1)
	b.PressKey(kb.Escape)
	b.Poll(`document.querySelector('#forklab[data-mode=present]') === null`)
	b.PressKey(kb.ArrowLeft)
	check("leaving presenter mode, a step back", "orphan-race", last-2)
	// Printing shows the handout meanwhile, every step's trees.
	Eval[any](b, `window.dispatchEvent(new Event('beforeprint'))`)
	b.Poll(`document.querySelector('.handout-step') !== null`)
	Eval[any](b, `window.dispatchEvent(new Event('afterprint'))`)
	b.Poll(`document.querySelector('.handout-step') === null`)
	check("printing", "orphan-race", last-2)
	selectScenario(b, "vfork-csh")
	check("another scenario", "vfork-csh", 0)
	b.PressKey(kb.End)
	check("End", "vfork-csh", Eval[int](b, `+document.getElementById('forklab').dataset.last`))
}
