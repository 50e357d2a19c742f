package ui

import (
	"html"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"forklab/scenarios"
	"forklab/sim"
)

// saveLinkRE finds a trace's save link: its href and file name, in either
// attribute order (go-app prints attributes in no fixed order).
var saveLinkRE = regexp.MustCompile(`<a [^>]*data-role="trace-save"[^>]*>`)

func attr(tag, name string) string {
	m := regexp.MustCompile(` ` + name + `="([^"]*)"`).FindStringSubmatch(tag)
	if m == nil {
		return ""
	}
	return html.UnescapeString(m[1])
}

// TestTraceSave checks that each pane's save link holds its whole trace, as
// sim renders it in the chosen format, under a name that says what it is.
func TestTraceSave(t *testing.T) {
	x := newTester(t)
	x.nav("/?scenario=freebsd/ptrace_vfork_follow&designs=current,linux&format=strace")
	links := saveLinkRE.FindAllString(x.html(), -1)
	if len(links) != 2 {
		t.Fatalf("%d save links, want one a pane", len(links))
	}
	e, _ := libraryEntry("freebsd/ptrace_vfork_follow")
	for i, name := range []string{"current", "linux"} {
		d, _ := sim.LookupDesign(name)
		if got, want := attr(links[i], "download"), "freebsd_ptrace_vfork_follow."+d.Name+".strace.txt"; got != want {
			t.Errorf("pane %d saves as %q, want %q", i, got, want)
		}
		href := attr(links[i], "href")
		data, ok := strings.CutPrefix(href, "data:text/plain;charset=utf-8,")
		if !ok {
			t.Fatalf("pane %d: href %.60q is not a text data: URL", i, href)
		}
		got, err := url.PathUnescape(data)
		if err != nil {
			t.Fatal(err)
		}
		if want := renderAll(t, e.File, d, "strace"); got != want {
			t.Errorf("pane %d (%s) saves:\n%s\nwant:\n%s", i, name, got, want)
		}
	}
}

// renderAll renders every event of a run of f under d in format, a line each.
func renderAll(t *testing.T, f *scenarios.File, d *sim.Design, format string) string {
	r := scenarios.Execute(f, d, scenarios.Options{})
	rend, err := sim.NewRenderer(format, d, r.Names)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, fr := range r.Frames {
		for _, l := range rend.Render(fr.Events) {
			b.WriteString(l.Text + "\n")
		}
	}
	if b.Len() == 0 {
		t.Fatalf("%s under %s renders nothing", f.Name, d.Name)
	}
	return b.String()
}

// TestTraceGroupMarkup checks the markup a trace log's step is written as
// (traceGroup.markup): the DOM go-app built of it before, character
// references for what markup reserves and for line breaks, which the
// server's tightenPage would take for its writer's.
func TestTraceGroupMarkup(t *testing.T) {
	g := &traceGroup{Frame: 3, Line: 20, Source: `D: ptrace(PT_CONTINUE, P) => 0`,
		Lines: []string{`D[100] "a" <b> & c`, `P[101] stops on SIGTRAP`}}
	want := `<li data-frame="3" data-current="true">` +
		`<button class="tstep" data-term-stop="true" tabindex="-1" aria-current="step">` +
		`<span class="sr-only">go to step </span><span class="tnum">3</span>` +
		`<span class="sr-only">, line </span><span class="mono">20: D: ptrace(PT_CONTINUE, P)</span></button>` +
		`<div class="tlines mono">D[100] &#34;a&#34; &lt;b&gt; &amp; c&#10;P[101] stops on <span class="term" data-term="SIGTRAP" tabindex="-1">SIGTRAP</span></div></li>`
	if got := g.markup(true); got != want {
		t.Errorf("current step:\n got %s\nwant %s", got, want)
	}
	if got := g.markup(false); got == g.markup(true) || !strings.Contains(got, `data-current="false"`) || !strings.Contains(got, `aria-current="false"`) {
		t.Errorf("a step not current: %s", got)
	}
	empty := &traceGroup{Frame: 1, Line: 4, Source: "P: exit(0)"}
	if got := empty.markup(false); !strings.Contains(got, `<div class="tlines mono muted">(no line in this format)</div></li>`) {
		t.Errorf("a step without lines: %s", got)
	}
}

// TestOptgroupMarkup checks a group of the scenario list as markup
// (group.optgroup): escaped, the current scenario's option selected.
func TestOptgroupMarkup(t *testing.T) {
	g := group{Tag: "fork & exec", Entries: []libEntry{
		{Key: "a", File: &scenarios.File{Title: `"A" <1>`}},
		{Key: "b", File: &scenarios.File{Title: "B"}},
	}}
	want := `<optgroup label="fork &amp; exec"><option value="a">&#34;A&#34; &lt;1&gt;</option><option value="b" selected>B</option></optgroup>`
	if got := g.optgroup("b"); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
