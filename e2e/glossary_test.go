//go:build !wasm

package e2e

// TestGlossary checks, in the browser, that the page's kernel words explain
// themselves (issue 9, "Words explained where they stand"): a [data-term]
// shows its glossary entry as the page's [role=tooltip] on keyboard focus and
// on hover, in the words of the pane's design; a trace log is one tab stop
// whose terms the arrow keys reach; /glossary lists every entry and
// /assumptions A1..A12 in order; an assumption badge links to its entry.

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"forklab/internal/webserver"
	"forklab/scenarios"
	"forklab/sim"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// tipJS reads the page's tooltip: whether it shows, the term it shows, its
// text, and the term that the focused element (or "") names with
// aria-describedby.
const tipJS = `(() => {
  const tips = document.querySelectorAll('[role=tooltip]');
  const t = tips[0];
  const a = document.activeElement;
  return {count: tips.length, shown: !!t && !t.hidden && t.offsetHeight > 0, term: t ? (t.dataset.term || '') : '',
    text: t ? t.textContent : '',
    described: a && a.getAttribute('aria-describedby') === (t && t.id) ? (a.dataset.term || '') : ''};
})()`

type tipState struct {
	Count     int    `json:"count"`
	Shown     bool   `json:"shown"`
	Term      string `json:"term"`
	Text      string `json:"text"`
	Described string `json:"described"`
}

func TestGlossary(t *testing.T) {
	terms, err := scenarios.Glossary()
	must(t, err)
	entry := map[string]scenarios.Term{}
	for _, g := range terms {
		entry[g.Term] = g
	}
	b := NewBrowser(t)
	srv := NewServer(t)
	b.CheckLocalRequests(srv.URL)
	setViewport(b, 1280, 720)

	// wantTip waits until the tooltip shows term's entry, with note if any.
	wantTip := func(term, note string, focused bool) tipState {
		t.Helper()
		g, ok := entry[term]
		if !ok {
			t.Fatalf("%s has no glossary entry", term)
		}
		b.Poll(fmt.Sprintf(`(() => { const t = document.querySelector('[role=tooltip]'); return t && !t.hidden && t.dataset.term === %s; })()`, jsString(term)))
		s := Eval[tipState](b, tipJS)
		if s.Count != 1 {
			t.Errorf("%d tooltips on the page, want one", s.Count)
		}
		if !s.Shown || !strings.Contains(s.Text, g.Text) || !strings.Contains(s.Text, g.Source) {
			t.Errorf("the tooltip of %s shows %q, want its entry's text and source", term, s.Text)
		}
		if note != "" && !strings.Contains(s.Text, note) {
			t.Errorf("the tooltip of %s lacks %q: %q", term, note, s.Text)
		}
		if focused && s.Described != term {
			t.Errorf("the focused %s is not described by the tooltip (aria-describedby names it for %q)", term, s.Described)
		}
		return s
	}

	// Keyboard: Tab reaches a term of the narration, and focus shows it.
	b.Navigate(srv.URL + "/?scenario=fork-follow-to-scx&step=5&designs=old,new")
	waitView(b, "fork-follow-to-scx", 5)
	Eval[any](b, `document.activeElement && document.activeElement.blur()`)
	focused := ""
	for range 80 {
		b.PressKey(kb.Tab)
		if focused = Eval[string](b, `(document.activeElement && document.activeElement.dataset.term) || ''`); focused != "" {
			break
		}
	}
	if focused == "" {
		t.Fatal("Tab never reaches a [data-term]")
	}
	wantTip(focused, "", true)
	b.Screenshot("focus")
	b.PressKey(kb.Escape)
	b.Poll(`document.querySelector('[role=tooltip]').hidden`)

	// A trace log is one tab stop: nothing inside it is, and ↓ walks its
	// terms without moving the timeline.
	if n := Eval[int](b, `document.querySelectorAll('[data-role=trace] [tabindex="0"], [data-role=trace] button:not([tabindex="-1"]), [data-role=trace] a').length`); n != 0 {
		t.Errorf("%d tab stops inside the trace logs, want none", n)
	}
	if n := Eval[int](b, `document.querySelectorAll('[data-role=trace][tabindex="0"]').length`); n != 2 {
		t.Errorf("%d trace logs are tab stops, want 2 (one a pane)", n)
	}
	Eval[any](b, `document.querySelector('article.pane[data-design=new] [data-role=trace]').focus()`)
	inLog := ""
	for range 40 {
		b.PressKey(kb.ArrowDown)
		inLog = Eval[string](b, `(() => { const a = document.activeElement; return a && a.closest('[data-role=trace]') && a.dataset.term || ''; })()`)
		if inLog != "" {
			break
		}
	}
	if inLog == "" {
		t.Fatal("↓ in a trace log never reaches a term")
	}
	wantTip(inLog, "", true)
	if v := readView(b); v.Step != 5 {
		t.Errorf("↓ in the trace log moved the timeline to step %d", v.Step)
	}

	// A term in a pane is told for the pane's design: PL_FLAG_CHILD's chip
	// under the proposal says the flag is not the proposal's.
	chip := `article.pane[data-design=new] .chip[data-term=PL_FLAG_CHILD]`
	if !Eval[bool](b, fmt.Sprintf(`document.querySelector(%s) !== null`, jsString(chip))) {
		t.Fatal("no PL_FLAG_CHILD chip under new at step 5")
	}
	Eval[any](b, fmt.Sprintf(`document.querySelector(%s).focus()`, jsString(chip)))
	wantTip("PL_FLAG_CHILD", "Not in mikulin-2012 (new)", true)
	Eval[any](b, `document.activeElement.blur()`)

	// Hover: the pointer on a term shows it, off it hides it.
	hovered := Eval[string](b, `(() => { const e = document.querySelector('article.pane[data-design=old] .narration [data-term]');
	  e.scrollIntoView({block: 'center'}); return e.dataset.term; })()`)
	xy := Eval[[]float64](b, `(() => { const r = document.querySelector('article.pane[data-design=old] .narration [data-term]').getBoundingClientRect();
	  return [r.left + r.width / 2, r.top + r.height / 2]; })()`)
	b.Do(chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, xy[0], xy[1]))
	wantTip(hovered, "", false)
	b.Screenshot("hover")
	b.Do(chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, 2, 2))
	b.Poll(`document.querySelector('[role=tooltip]').hidden`)

	// Narrow: the tooltip stays inside the window.
	setViewport(b, 390, 844)
	Eval[any](b, `document.querySelector('article.pane[data-design=new] .narration [data-term][tabindex="0"], article.pane[data-design=new] [data-term]').focus()`)
	b.Poll(`!document.querySelector('[role=tooltip]').hidden`)
	if r := Eval[[]float64](b, `(() => { const r = document.querySelector('[role=tooltip]').getBoundingClientRect(); return [r.left, r.right]; })()`); r[0] < 0 || r[1] > 390 {
		t.Errorf("at 390 px the tooltip spans %v, outside the window", r)
	}
	b.Screenshot("narrow")
	setViewport(b, 1280, 720)

	// An assumption badge links to its entry on /assumptions.
	b.Navigate(srv.URL + "/?scenario=fork-follow-continue&designs=old,new")
	v := waitView(b, "fork-follow-continue", 0)
	badge := ""
	for n := 1; n <= v.Last && badge == ""; n++ {
		b.PressKey(kb.ArrowRight)
		waitView(b, "fork-follow-continue", n)
		badge = Eval[string](b, `(() => { const a = document.querySelector('a[data-role=assumption-badge]'); return a ? a.getAttribute('href') : ''; })()`)
	}
	if !strings.HasPrefix(badge, "/assumptions#A") {
		t.Fatalf("no assumption badge links to /assumptions#A…: %q", badge)
	}
	b.Click(fmt.Sprintf(`a[data-role=assumption-badge][href=%s]`, jsString(badge)))
	name := strings.TrimPrefix(badge, "/assumptions#")
	b.Poll(fmt.Sprintf(`location.pathname === '/assumptions' && location.hash === '#%s' && document.getElementById(%s) !== null && document.querySelector('#assumptions[data-runtime=wasm]') !== null`, name, jsString(name)))

	// /assumptions: A1..A12 in order, each with the thread's words or none,
	// and what forklab assumes.
	d, _ := sim.LookupDesign("new")
	says, err := scenarios.ReviewOnAssumptions(d)
	must(t, err)
	type asDOM struct {
		Name    string   `json:"name"`
		Quotes  []string `json:"quotes"`
		Assumes string   `json:"assumes"`
	}
	got := Eval[[]asDOM](b, `[...document.querySelectorAll('[data-role=assumption]')].map(e => ({name: e.dataset.assumption,
	  quotes: [...e.querySelectorAll('[data-role=quote] p')].map(q => q.textContent), assumes: e.querySelector('.as-text').textContent}))`)
	if len(got) != 12 {
		t.Fatalf("/assumptions lists %d assumptions, want 12", len(got))
	}
	for i, a := range got {
		want := says[i]
		if a.Name != fmt.Sprintf("A%d", i+1) || a.Name != want.Assumption.Name {
			t.Errorf("entry %d is %s, want A%d", i, a.Name, i+1)
		}
		if a.Assumes != want.Assumption.Text {
			t.Errorf("%s assumes %q, want %q", a.Name, a.Assumes, want.Assumption.Text)
		}
		if len(a.Quotes) != len(want.Quotes) {
			t.Errorf("%s quotes %d passages, want %d", a.Name, len(a.Quotes), len(want.Quotes))
			continue
		}
		for j, q := range a.Quotes {
			if q != want.Quotes[j].Text {
				t.Errorf("%s quotation %d = %q, want %q", a.Name, j, q, want.Quotes[j].Text)
			}
		}
	}
	b.Screenshot("assumptions")

	// /glossary: every entry, with its text and its source, linked where it
	// names an address.
	b.Navigate(srv.URL + "/glossary")
	b.Poll(`document.querySelector('#glossary[data-runtime=wasm]') !== null`)
	type glDOM struct {
		Term, Text, Source, Href string
	}
	entries := Eval[[]glDOM](b, `[...document.querySelectorAll('[data-role=entry]')].map(e => ({Term: e.dataset.entry,
	  Text: e.querySelector('.gl-text').textContent, Source: e.querySelector('.gl-source').textContent,
	  Href: (e.querySelector('.gl-source a') || {href: ''}).href}))`)
	if len(entries) != len(terms) {
		t.Errorf("/glossary lists %d entries, want %d", len(entries), len(terms))
	}
	for _, e := range entries {
		g, ok := entry[e.Term]
		switch {
		case !ok:
			t.Errorf("/glossary lists %s, which the glossary lacks", e.Term)
		case e.Text != g.Text || e.Source != "Source: "+g.Source || e.Href != g.SourceURL():
			t.Errorf("/glossary's %s = %+v, want text %q, source %q at %q", e.Term, e, g.Text, g.Source, g.SourceURL())
		}
		delete(entry, e.Term)
	}
	for term := range entry {
		t.Errorf("/glossary lacks %s", term)
	}
	b.Screenshot("glossary")

	// Both pages are pre-rendered by the server, and written by the static
	// export as pages of their own (NAME.html, which hosts serve at /NAME).
	out := t.TempDir()
	must(t, webserver.Export(WebDir(t), out))
	for path, want := range map[string]string{"/glossary": `data-entry="PL_FLAG_CHILD"`, "/assumptions": `data-assumption="A12"`} {
		res, err := http.Get(srv.URL + path)
		must(t, err)
		body, err := io.ReadAll(res.Body)
		res.Body.Close()
		must(t, err)
		if res.StatusCode != http.StatusOK || !strings.Contains(string(body), want) {
			t.Errorf("GET %s: status %d, pre-rendered page lacks %s", path, res.StatusCode, want)
		}
		page, err := os.ReadFile(filepath.Join(out, strings.TrimPrefix(path, "/")+".html"))
		if err != nil || !strings.Contains(string(page), want) {
			t.Errorf("the export's page for %s lacks %s (%v)", path, want, err)
		}
	}
}
