//go:build !wasm

package e2e

// Embeds, finished: a lesson in an embed, an embed of a quiz link, and the
// one-line callout, as a course page shows them in a frame of 800×450. The
// lesson plays as a deck (caption on one line, PageDown and PageUp between
// stops, the stop buttons in the transport); quiz=1 is refused with a plain
// notice while the view still shows; the callout opens over the trees.

import (
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp/kb"
)

// captionJS reads the lesson embed's caption: its stop, whether it is open,
// and the bottom of its open text.
const captionJS = `(() => {
  const d = document.getElementById('embed-caption');
  if (d === null) return {stop: 0};
  const c = d.querySelector('.caption').getBoundingClientRect();
  return {stop: +d.dataset.stop, stops: +d.dataset.stops, open: d.open, bottom: c.bottom,
    summary: d.querySelector('summary').getBoundingClientRect().height};
})()`

// embedCode opens the main page's embed code and returns it with the
// address its <iframe> frames, "" when it frames none.
func embedCode(b *Browser) (snippet, src string) {
	b.Click("#embed-button")
	b.Poll(`document.getElementById('embed-snippet') !== null`)
	snippet = Eval[string](b, `document.getElementById('embed-snippet').value`)
	if m := regexp.MustCompile(`<iframe src="([^"]+)"`).FindStringSubmatch(snippet); m != nil {
		src = html.UnescapeString(m[1])
	}
	return snippet, src
}

// caption is what captionJS reads.
type caption struct {
	Stop, Stops int
	Open        bool
	Bottom      float64
	Summary     float64
}

func TestEmbedLesson(t *testing.T) {
	b := NewBrowser(t)
	srv := NewServer(t)
	host := Serve(t, http.HandlerFunc(hostPage))
	setViewport(b, 1280, 720)

	// The main page's embed code, in a lesson, frames the lesson.
	b.Navigate(srv.URL + "/?lesson=review-2012&stop=3")
	b.Poll(`document.querySelector('#forklab[data-runtime="wasm"][data-mode="lesson"] [data-role="lesson"][data-stop="3"]') !== null`)
	snippet, src := embedCode(b)
	if src != srv.URL+"/embed?lesson=review-2012&stop=3" {
		t.Fatalf("the lesson's embed code is %q, want an iframe of %s/embed?lesson=review-2012&stop=3", snippet, srv.URL)
	}

	// In a frame on another origin, the stop's step shows at once (the
	// stop's question is not asked), both trees, nothing to scroll.
	setViewport(b, 800, 450)
	b.Navigate(fmt.Sprintf("%s/?w=800&h=450&src=%s", host.URL, url.QueryEscape(src)))
	s, _ := waitFrame(b, `s.mode === "embed" && s.scenario === "exec-continue" && s.settled`, nil)
	checkFits(t, s, 2)
	if !strings.Contains(s.Text, "Stop 3 of") || strings.Contains(s.Text, "Predict, then reveal") {
		t.Errorf("the framed lesson embed does not show stop 3's caption line, or asks:\n%s", s.Text)
	}
	t.Logf("lesson embed in a frame, 800×450: trees %+v, smallest process name %.1f px", s.Trees, s.MinLabel)
	b.Screenshot("frame-800x450")

	// The embed itself at 800×450: PageDown, PageUp and the stop buttons.
	b.Navigate(srv.URL + "/embed?lesson=review-2012&stop=3")
	s = waitStage(b, `s.mode === "embed" && s.scenario === "exec-continue" && s.settled`)
	checkFits(t, s, 2)
	stopAt := Eval[int](b, `+document.getElementById('forklab').dataset.step`)
	if n := Eval[int](b, `document.querySelectorAll('[data-role="question"]').length`); n != 0 {
		t.Errorf("the lesson embed shows %d questions", n)
	}
	if s.MinLabel < 14 {
		t.Errorf("the lesson embed's process names are %.1f px high, want at least 14", s.MinLabel)
	}
	c := Eval[caption](b, captionJS)
	if c.Stop != 3 || c.Open || c.Summary > 24 {
		t.Errorf("caption %+v, want stop 3, closed, one line", c)
	}
	b.Screenshot("800x450")
	b.PressKey(kb.PageDown)
	s = waitStage(b, `s.scenario === "exec-to-scx" && s.search.includes("stop=4")`)
	checkFits(t, s, 2)
	b.PressKey(kb.PageUp)
	waitStage(b, `s.scenario === "exec-continue" && s.search.includes("stop=3")`)
	b.Click("#next-stop")
	waitStage(b, `s.scenario === "exec-to-scx" && s.search.includes("stop=4")`)
	b.Click("#prev-stop")
	s = waitStage(b, `s.scenario === "exec-continue" && s.step === `+fmt.Sprint(stopAt))

	// Opened, the whole caption lies over the trees, inside the frame.
	b.Click("#embed-caption > summary")
	b.Poll(`document.getElementById('embed-caption').open`)
	c = Eval[caption](b, captionJS)
	s = waitStage(b, `true`)
	if c.Bottom > s.InnerH || s.ScrollH > s.InnerH || !strings.Contains(s.Text, "The 2012 review, point by point") {
		t.Errorf("the open caption ends at %.0f in a %.0f px frame (document %.0f high), or lacks the lesson's title", c.Bottom, s.InnerH, s.ScrollH)
	}
	b.Screenshot("caption-open")
}

// TestEmbedQuiz: an embed of a quiz link shows the view and says plainly
// that it does not ask; its ↗ link, which opens forklab, keeps quiz=1.
func TestEmbedQuiz(t *testing.T) {
	b := openView(t, 800, 450, "/embed?scenario=vfork-csh&step=5&designs=old,new&quiz=1")
	s := waitStage(b, `s.mode === "embed" && s.step === 5 && s.settled`)
	checkFits(t, s, 2)
	if !strings.Contains(s.Text, "An embed does not ask questions (quiz=1)") || strings.Contains(s.Text, "Predict, then reveal") {
		t.Errorf("the quiz embed does not say it asks nothing, or asks:\n%s", s.Text)
	}
	if href := Eval[string](b, `document.querySelector('.embed-open').getAttribute('href')`); !strings.Contains(href, "quiz=1") {
		t.Errorf("the ↗ link %q drops quiz=1", href)
	}
	b.Screenshot("800x450")
	b.PressKey(kb.ArrowRight)
	waitStage(b, `s.step === 6`)

	// A narrow frame (a phone's course page) still shows both trees whole.
	setViewport(b, 480, 360)
	s = waitStage(b, `s.innerW === 480 && s.settled`)
	checkFits(t, s, 2)
	t.Logf("quiz embed 480×360: smallest process name %.1f px", s.MinLabel)
	b.Screenshot("480x360")
}

// TestEmbedCallout: the embed's callout is one line that names what
// differs; opened (a click, or Enter on it), the whole table lies over the
// trees inside the frame, and it closes again with Enter.
func TestEmbedCallout(t *testing.T) {
	b := openView(t, 800, 450, "/embed?scenario=vfork-csh&step=5&designs=old,new")
	s := waitStage(b, `s.mode === "embed" && s.step === 5 && s.settled`)
	const box = `(() => {
  const d = document.getElementById('embed-callout'), r = d.querySelector('[data-role="diffs"]').getBoundingClientRect();
  return [d.open ? 1 : 0, r.top, r.bottom, d.querySelector('summary').getBoundingClientRect().top,
    d.querySelector('summary').getBoundingClientRect().height, d.querySelectorAll('tbody tr').length];
})()`
	c := Eval[[]float64](b, box)
	if c[0] != 0 || c[4] > 24 || !strings.Contains(s.Text, "line 20: P: vfork as C · P · P: its memory · C: its memory") {
		t.Errorf("closed callout: open %v, line %.0f px high; text:\n%s", c[0] == 1, c[4], s.Text)
	}
	b.Click("#embed-callout > summary")
	b.Poll(`document.getElementById('embed-callout').open`)
	c = Eval[[]float64](b, box)
	s = waitStage(b, `true`)
	if c[1] < 0 || c[2] > c[3]+1 || int(c[5]) != s.DiffCount || s.ScrollH > s.InnerH {
		t.Errorf("open callout spans %.0f..%.0f above its line at %.0f with %.0f rows of %d; document %.0f high in %.0f",
			c[1], c[2], c[3], c[5], s.DiffCount, s.ScrollH, s.InnerH)
	}
	b.Screenshot("open")
	b.PressKey(kb.Enter) // the summary has the focus after the click
	b.Poll(`!document.getElementById('embed-callout').open`)
}
