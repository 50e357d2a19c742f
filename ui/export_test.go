package ui

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"forklab/sim"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// TestPicture draws a step as the Save menu does: the step line, the legend,
// every pane with its tree (the page's own drawing, with the picture's
// marker ids), and the narration.
func TestPicture(t *testing.T) {
	x := newTester(t)
	x.nav("/?scenario=vfork-csh&step=5&designs=old,new")
	v := x.a.view
	p := drawPicture(x.a.sc.File.Title, v, 0)
	for _, want := range []string{
		"step 5 of 8", "line 20: P: vfork as C", "orphan list (p_orphans)",
		`data-design="old"`, `data-design="new"`, "freebsd-9.0 (old)", "mikulin-2012 (new)",
		`id="save0-arrow"`, `id="save1-arrow"`, "url(#save1-arrow)",
		"P[101]", "C[102]", "blocked in vfork",
		"The designs differ on",
	} {
		if !strings.Contains(p.Markup, want) {
			t.Errorf("the picture lacks %s", want)
		}
	}
	// The narration, wrapped into lines of text.
	var words []string
	for _, m := range textContent.FindAllStringSubmatch(p.Markup, -1) {
		words = append(words, strings.Fields(m[1])...)
	}
	if text := strings.Join(words, " "); !strings.Contains(text, "P is traced: the proposal silently makes this a fork (assumption A7). C gets a copy.") {
		t.Errorf("the picture lacks the new pane's narration:\n%s", text)
	}
	if strings.Contains(p.Markup, `id="p0-arrow"`) {
		t.Error("the picture reuses the page's marker ids")
	}
	if p.W <= 2*v.Panes[0].Tree.W || p.H <= v.Panes[0].Tree.H {
		t.Errorf("picture %vx%v for two trees of %vx%v", p.W, p.H, v.Panes[0].Tree.W, v.Panes[0].Tree.H)
	}
	if p.Words == 0 {
		t.Error("the picture counts no words of narration")
	}
	if q := drawPicture(x.a.sc.File.Title, v, p.H+100); q.H != p.H+100 || !strings.Contains(q.Markup, `height="`+num(p.H+100)+`"`) {
		t.Errorf("a picture asked to be %v high is %v", p.H+100, q.H)
	}
}

func TestWrapText(t *testing.T) {
	got := wrapText("the quick brown fox jumps over the lazy dog", 15)
	want := []string{"the quick brown", "fox jumps over", "the lazy dog"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("wrapText = %q, want %q", got, want)
	}
	if got := wrapText("supercalifragilistic word", 10); got[0] != "supercalifragilistic" || got[1] != "word" {
		t.Errorf("a long word: %q", got)
	}
	if got := wrapText("   ", 10); len(got) != 0 {
		t.Errorf("blank text: %q", got)
	}
}

func TestSaveName(t *testing.T) {
	old, _ := sim.LookupDesign("old")
	nw, _ := sim.LookupDesign("new")
	ds := []*sim.Design{old, nw}
	for _, c := range []struct {
		key  string
		step int
		ext  string
		want string
	}{
		{"vfork-csh", 5, "svg", "vfork-csh-step5-old-new.svg"},
		{"freebsd/pr-12345", 0, "png", "freebsd_pr-12345-step0-old-new.png"},
		{"vfork-csh", -1, "gif", "vfork-csh-old-new.gif"},
		{"", -1, "md", "my-scenario-old-new.md"},
	} {
		if got := saveName(c.key, c.step, ds, c.ext); got != c.want {
			t.Errorf("saveName(%q, %d, %q) = %q, want %q", c.key, c.step, c.ext, got, c.want)
		}
	}
}

func TestGIFDelay(t *testing.T) {
	for _, c := range []struct {
		words int
		last  bool
		want  int
	}{
		{0, false, 250}, {10, false, 250}, {14, false, 350}, {500, false, 1000}, {0, true, 450}, {500, true, 1200},
	} {
		if got := gifDelay(c.words, c.last); got != c.want {
			t.Errorf("gifDelay(%d, %v) = %d, want %d", c.words, c.last, got, c.want)
		}
	}
}

var (
	textContent    = regexp.MustCompile(`<text[^>]*>([^<]*)</text>`)
	handoutStepTag = regexp.MustCompile(`<section [^>]*class="handout-step"[^>]*>`)
	dataStep       = regexp.MustCompile(`data-step="(\d+)"`)
)

// TestHandout opens a print=1 link: every position of the scenario, in
// order, with its trees and narration, and none of the stepper's controls;
// the link keeps print=1, and closing the handout brings the stepper back.
func TestHandout(t *testing.T) {
	x := newTester(t)
	x.nav("/?scenario=vfork-csh&designs=old,new&print=1")
	h := x.html()
	last := x.a.view.Last
	if n := strings.Count(h, `class="handout-step"`); n != last+1 {
		t.Errorf("%d handout steps, want %d", n, last+1)
	}
	prev := -1
	for _, tag := range handoutStepTag.FindAllString(h, -1) {
		n, err := strconv.Atoi(dataStep.FindStringSubmatch(tag)[1])
		if err != nil || n != prev+1 {
			t.Errorf("handout step %s after %d", tag, prev)
		}
		prev = n
	}
	if prev != last {
		t.Errorf("the handout ends at step %d, want %d", prev, last)
	}
	if n := strings.Count(h, `data-role="tree"`); n != 2*(last+1) {
		t.Errorf("%d trees, want %d", n, 2*(last+1))
	}
	for _, absent := range []string{`id="scrubber"`, `id="play"`, `class="save"`, `id="editor"`} {
		if strings.Contains(h, absent) {
			t.Errorf("the handout has %s", absent)
		}
	}
	x.contains("P never sees the store: the child&#39;s memory was a copy.", "Step 8 of 8 — line 29: P: read x")
	if l, _ := x.a.link(); !l.Print || !strings.Contains(l.query(""), "print=1") {
		t.Errorf("the handout's link %q lacks print=1", l.query(""))
	}
	x.run(func(ctx app.Context) { x.a.showHandout(ctx, false) })
	if h := x.html(); strings.Contains(h, "handout-step") || !strings.Contains(h, `id="scrubber"`) {
		t.Error("closing the handout does not bring the stepper back")
	}
	if l, _ := x.a.link(); l.Print {
		t.Error("the stepper's link keeps print=1")
	}
}

// TestSaveMenu checks the Save menu's buttons, and the transcript the
// Transcript button saves.
func TestSaveMenu(t *testing.T) {
	x := newTester(t)
	x.nav("/?scenario=orphan-race&step=2&designs=merged,current")
	x.contains(`id="save-svg"`, `id="save-png"`, `id="save-gif"`, `id="save-md"`, `id="save-handout"`, `aria-labelledby="save-label"`)
	md, err := x.a.transcript()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(md, "# ") || !strings.Contains(md, "(orphan-race)") ||
		!strings.Contains(md, "### freebsd-9.1 (merged)") || !strings.Contains(md, "### freebsd-current (current)") {
		t.Errorf("transcript:\n%s", md)
	}
}
