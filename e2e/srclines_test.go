//go:build !wasm

package e2e

// TestSourceLines checks, in the browser, that a kernel event's file links to
// the line of the function's definition at the design's revision where the
// model knows it (issue 11, "Kernel events link to the source line"): under
// freebsd-9.1 kern_ptrace links to its line in release/9.1.0, under linux to
// the file at v6.18, which has no line on record.

import (
	"strconv"
	"strings"
	"testing"

	"forklab/scenarios"
	"forklab/sim"
)

// srcLinksJS reads every pane's source links: design, href, text, title.
const srcLinksJS = `[...document.querySelectorAll('article.pane')].flatMap(p =>
  [...p.querySelectorAll('.events a.srcline')].map(a => ({design: p.dataset.design, href: a.href,
    text: a.textContent, title: a.closest('.fn').title, target: a.target})))`

type srcLink struct {
	Design, Href, Text, Title, Target string
}

func TestSourceLines(t *testing.T) {
	const key = "attach-exit-status"
	e, ok, err := scenarios.LibraryFile(key)
	must(t, err)
	if !ok {
		t.Fatalf("no library scenario %s", key)
	}
	var step int
	merged, _ := sim.LookupDesign("merged")
	r := scenarios.Execute(e.File, merged, scenarios.Options{})
frames:
	for i, fr := range r.Frames {
		for _, ev := range fr.Events {
			if ev.Common().Func == "kern_ptrace" {
				step = i
				break frames
			}
		}
	}
	if step == 0 {
		t.Fatalf("%s under merged has no kern_ptrace event", key)
	}
	b := NewBrowser(t)
	srv := NewServer(t)
	b.CheckLocalRequests(srv.URL)
	for _, w := range []int64{1280, 420} {
		setViewport(b, w, 720)
		b.Navigate(srv.URL + "/?scenario=" + key + "&designs=merged,linux&step=" + strconv.Itoa(step))
		waitView(b, key, step)
		links := Eval[[]srcLink](b, srcLinksJS)
		var ptrace, linux bool
		for _, l := range links {
			if l.Target != "_blank" {
				t.Errorf("%s link %s opens in the page, not beside it", l.Design, l.Href)
			}
			switch {
			case l.Design == "merged" && strings.HasPrefix(l.Text, "sys/kern/sys_process.c:"):
				ptrace = true
				line := strings.TrimPrefix(l.Text, "sys/kern/sys_process.c:")
				want := "https://github.com/pkelsey/libuinet/blob/4eef0e411c08a780df83935b42caaad1cee46164/sys/kern/sys_process.c#L" + line
				if l.Href != want || !strings.Contains(l.Title, "release/9.1.0") {
					t.Errorf("kern_ptrace under 9.1 links to %s (%q), want %s", l.Href, l.Title, want)
				}
			case l.Design == "linux":
				linux = true
				if !strings.HasPrefix(l.Href, "https://github.com/torvalds/linux/blob/v6.18/") || strings.Contains(l.Href, "#L") ||
					!strings.Contains(l.Title, "no line: ") {
					t.Errorf("a linux event links to %s (%q), want the file at v6.18 saying why it has no line", l.Href, l.Title)
				}
			}
		}
		if !ptrace || !linux {
			t.Errorf("at %dpx, step %d: no kern_ptrace line link under 9.1 (%v) or no linux file link (%v): %+v", w, step, ptrace, linux, links)
		}
		Eval[bool](b, `(() => { document.querySelector('article.pane .events a.srcline').scrollIntoView({block: 'center'}); return true; })()`)
		b.Screenshot("w" + strconv.Itoa(int(w)))
	}
}
