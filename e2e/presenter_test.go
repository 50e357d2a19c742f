//go:build !wasm

package e2e

// Presenter mode and embeds, as a lecturer and a course page use them: the
// trees fill a 1280×720 projector with nothing to scroll, the clicker's
// PageDown steps whatever has focus, and /embed works in a frame on another
// origin, sandboxed or not.

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// stageJS measures the page (or a frame) in presenter mode or an embed.
const stageJS = `(() => {
  const m = document.querySelector('#forklab[data-runtime="wasm"][data-complete="true"]');
  if (m === null) return null;
  const de = document.documentElement;
  const trees = [...document.querySelectorAll('svg[data-role="tree"]')].map(s => {
    const r = s.getBoundingClientRect(); return {w: r.width, h: r.height, bottom: r.bottom, right: r.right};
  });
  const labels = [...document.querySelectorAll('[data-role="node"][data-visible="true"] text[data-role="label"]')]
    .map(t => t.getBoundingClientRect().height);
  const diffs = document.querySelector('[data-role="diffs"]');
  const dr = diffs ? diffs.getBoundingClientRect() : null;
  const held = document.querySelector('.present-callout');
  return {
    mode: m.dataset.mode || "", step: +m.dataset.step, scenario: m.dataset.scenario,
    scrollH: de.scrollHeight, scrollW: de.scrollWidth, innerH: innerHeight, innerW: innerWidth,
    trees, minLabel: labels.length ? Math.min(...labels) : 0,
    diffCount: diffs ? +diffs.dataset.count : -1, diffBottom: dr ? dr.bottom : -1, diffH: dr ? dr.height : 0,
    held: held ? held.dataset.held === "true" : false,
    h1: document.querySelectorAll('h1').length, header: document.querySelector('header.top') !== null,
    traces: document.querySelectorAll('ol[data-role="trace"]').length,
    hint: document.getElementById('present-hint') !== null,
    text: document.body.innerText, search: location.search,
    settled: document.getAnimations().every(a => a.playState !== "running"),
  };
})()`

// stage is what stageJS reads.
type stage struct {
	Mode, Scenario, Text, Search string
	Step                         int
	ScrollH, ScrollW             float64
	InnerH, InnerW               float64
	Trees                        []struct{ W, H, Bottom, Right float64 }
	MinLabel                     float64
	DiffCount                    int
	DiffBottom, DiffH            float64
	Held, Header, Hint, Settled  bool
	H1, Traces                   int
}

// waitStage polls the page until cond (a JavaScript test of s, the stage)
// holds, and returns the stage.
func waitStage(b *Browser, cond string) stage {
	b.t.Helper()
	var s stage
	b.Poll(fmt.Sprintf(`(() => { const s = %s; return s !== null && (%s); })()`, stageJS, cond))
	if err := json.Unmarshal([]byte(Eval[string](b, "JSON.stringify("+stageJS+")")), &s); err != nil {
		b.t.Fatal(err)
	}
	return s
}

// checkFits fails unless the stage shows n trees, each of a usable size,
// and nothing to scroll.
func checkFits(t *testing.T, s stage, n int) {
	t.Helper()
	if len(s.Trees) != n {
		t.Fatalf("%d trees, want %d", len(s.Trees), n)
	}
	for i, tr := range s.Trees {
		if tr.W < 100 || tr.H < 100 || tr.Bottom > s.InnerH || tr.Right > s.InnerW {
			t.Errorf("tree %d is %.0f×%.0f, bottom %.0f, right %.0f in a %.0f×%.0f view", i, tr.W, tr.H, tr.Bottom, tr.Right, s.InnerW, s.InnerH)
		}
	}
	if s.ScrollH > s.InnerH || s.ScrollW > s.InnerW {
		t.Errorf("something scrolls: the document is %.0f×%.0f in a %.0f×%.0f view", s.ScrollW, s.ScrollH, s.InnerW, s.InnerH)
	}
	if s.H1 != 1 {
		t.Errorf("%d level-1 headings, want 1", s.H1)
	}
}

func TestPresenterMode(t *testing.T) {
	b := NewBrowser(t)
	srv := NewServer(t)
	setViewport(b, 1280, 720)
	b.Navigate(srv.URL + "/?scenario=orphan-race&step=6&designs=merged,current&present=1")
	s := waitStage(b, `s.mode === "present" && s.step === 6 && s.settled`)
	checkFits(t, s, 2)
	t.Logf("1280×720: trees %+v, smallest process name %.1f px, callout %.0f px high ending at %.0f, document %.0f×%.0f",
		s.Trees, s.MinLabel, s.DiffH, s.DiffBottom, s.ScrollW, s.ScrollH)
	if s.MinLabel < 24 {
		t.Errorf("the process names are %.1f px high, want at least 24", s.MinLabel)
	}
	if s.DiffCount < 1 || s.DiffBottom > s.InnerH || s.Held {
		t.Errorf("callout: %d differences, bottom %.0f, held %v; want it shown on screen", s.DiffCount, s.DiffBottom, s.Held)
	}
	if s.Header || s.Traces != 0 {
		t.Errorf("presenter mode shows the header (%v) or %d trace logs", s.Header, s.Traces)
	}
	b.Screenshot("1280x720")

	// The key hint on the first press of ?, then Space (a clicker) steps.
	b.PressKey("?")
	if s = waitStage(b, `s.hint`); !strings.Contains(s.Text, "leave presenter mode") {
		t.Errorf("the key hint does not say how to leave:\n%s", s.Text)
	}
	b.Screenshot("hint")
	b.PressKey("?")
	waitStage(b, `!s.hint`)
	b.PressKey(" ")
	waitStage(b, `s.step === 7 && s.mode === "present"`)

	// One idea at a time: with the callout held back, the step's tree
	// change comes first, the callout on the next press.
	b.Navigate(srv.URL + "/?scenario=orphan-race&step=5&designs=merged,current&present=1&staged=1")
	waitStage(b, `s.step === 5`)
	b.PressKey(kb.PageDown)
	if s = waitStage(b, `s.step === 6`); !s.Held || s.DiffCount < 1 {
		t.Errorf("after PageDown to step 6: callout held %v with %d differences, want held", s.Held, s.DiffCount)
	}
	b.PressKey(kb.PageDown)
	waitStage(b, `s.step === 6 && !s.held`)
	b.PressKey(kb.PageDown)
	waitStage(b, `s.step === 7`)

	// Esc leaves: the whole page is back, and the address forgets present=1.
	b.PressKey(kb.Escape)
	// The address is written after the next paint: wait for it too.
	s = waitStage(b, `s.mode === "scenario" && s.header && !s.search.includes("present=")`)
	if s.Step != 7 || strings.Contains(s.Search, "present=") || s.H1 != 1 {
		t.Errorf("after Esc: step %d, address %q, %d h1; want step 7, no present=, one h1", s.Step, s.Search, s.H1)
	}
	// And the Present button enters it again.
	b.Click("#present")
	waitStage(b, `s.mode === "present" && s.step === 7 && s.search.includes("present=1")`)
}

// askJS reads presenter mode's lesson and question: the stop, the caption,
// the question's choices, the revealed answer and the hidden-step sign.
const askJS = `JSON.stringify((() => {
  const l = document.querySelector('.present-lesson[data-role="lesson"]');
  const cap = document.querySelector('.present-caption');
  const ans = document.querySelector('[data-role="answer"]');
  const more = document.querySelector('.present-callout[data-more]');
  const side = document.querySelector('.present-side');
  const cut = side ? [side, ...side.children].some(e => e.scrollHeight > e.clientHeight + 1) : false;
  return {
    cut,
    stop: l ? +l.dataset.stop : 0, caption: cap ? cap.textContent : "",
    captionH: cap ? cap.getBoundingClientRect().height : 0,
    question: document.querySelector('[data-role="question"]') !== null,
    choices: document.querySelectorAll('[data-role="choice"]').length,
    answer: ans ? ans.dataset.answer : "", chosen: ans ? ans.dataset.chosen : "",
    model: (document.querySelector('[data-model]') || {}).textContent || "",
    hidden: document.querySelector('[data-role="hidden-step"]') !== null,
    more: more ? +more.dataset.more : 0,
  };
})())`

// askState is what askJS reads.
type askState struct {
	Stop, Choices, More    int
	Caption, Answer, Model string
	Chosen                 string
	CaptionH               float64
	Question, Hidden, Cut  bool
}

func readAsk(b *Browser) askState {
	b.t.Helper()
	var a askState
	if err := json.Unmarshal([]byte(Eval[string](b, askJS)), &a); err != nil {
		b.t.Fatal(err)
	}
	return a
}

// TestPresenterLesson: a lesson in presenter mode at 1280×720 shows its
// title, stop and caption, and at a question stop the question and its
// choices, with a sign that the step is hidden; the clicker's next press
// reveals the model's answer (no choice recorded), the next one moves on.
// Two trees keep their process names at 24 px or more with the callout cut
// to a few rows, before and after the reveal.
func TestPresenterLesson(t *testing.T) {
	b := NewBrowser(t)
	srv := NewServer(t)
	setViewport(b, 1280, 720)
	names := func(what string, s stage) {
		t.Helper()
		checkFits(t, s, 2)
		t.Logf("%s: smallest process name %.1f px, callout %.0f px high ending at %.0f, trees %+v", what, s.MinLabel, s.DiffH, s.DiffBottom, s.Trees)
		if s.MinLabel < 24 {
			t.Errorf("%s: the process names are %.1f px high, want at least 24", what, s.MinLabel)
		}
		if s.DiffBottom > s.InnerH || readAsk(b).Cut {
			t.Errorf("%s: the callout ends at %.0f in a %.0f px view, or the column beside the panes cuts its text", what, s.DiffBottom, s.InnerH)
		}
	}

	// review-2012 stop 2: a question stop on two panes whose designs differ
	// in many rows.
	b.Navigate(srv.URL + "/?lesson=review-2012&stop=2&present=1")
	s := waitStage(b, `s.mode === "present" && s.settled && document.querySelector('[data-role="question"]') !== null`)
	names("review-2012 stop 2, question", s)
	a := readAsk(b)
	if a.Stop != 2 || a.Caption == "" || a.Choices < 2 || !a.Hidden {
		t.Errorf("review-2012 stop 2: %+v; want stop 2, a caption, the choices and the hidden-step sign", a)
	}
	b.Screenshot("review-2012-2-question")
	b.PressKey(kb.PageDown)
	s = waitStage(b, `s.settled && document.querySelector('[data-role="answer"]') !== null`)
	names("review-2012 stop 2, revealed", s)
	a = readAsk(b)
	if a.Stop != 2 || a.Answer == "" || a.Chosen != "" || !strings.Contains(a.Model, a.Answer) || a.Hidden {
		t.Errorf("after PageDown: %+v; want stop 2, the model's answer marked, nothing chosen, no hidden sign", a)
	}
	t.Logf("review-2012 stop 2 revealed: %d callout rows left out, caption %.0f px high", a.More, a.CaptionH)
	b.Screenshot("review-2012-2-revealed")
	b.PressKey(kb.PageDown)
	if s = waitStage(b, `s.settled && document.querySelector('.present-lesson[data-stop="3"]') !== null`); s.Mode != "present" {
		t.Errorf("the press after the reveal left presenter mode: %q", s.Mode)
	}

	// first-ptrace stop 3 (the user trial's link): one pane, a question.
	b.Navigate(srv.URL + "/?lesson=first-ptrace&stop=3&present=1")
	s = waitStage(b, `s.mode === "present" && s.settled && document.querySelector('[data-role="question"]') !== null`)
	a = readAsk(b)
	t.Logf("first-ptrace stop 3: smallest process name %.1f px", s.MinLabel)
	if a.Stop != 3 || a.Caption == "" || a.Choices < 2 || !a.Hidden || s.MinLabel < 24 {
		t.Errorf("first-ptrace stop 3: %+v, names %.1f px", a, s.MinLabel)
	}
	if strings.Contains(s.Text, "nothing to compare") {
		t.Error("one pane in presenter mode still says there is nothing to compare")
	}
	b.Screenshot("first-ptrace-3-question")
	b.Click(`[data-role="choice"][data-choice="0"]`)
	waitStage(b, `document.querySelector('[data-role="answer"]') !== null`)
	if a = readAsk(b); a.Chosen == "" {
		t.Errorf("a clicked choice is not recorded: %+v", a)
	}
	b.Screenshot("first-ptrace-3-chosen")

	// Outside presenter mode PageDown reveals first too, and the lesson
	// bar's next button says what the next press does.
	b.Navigate(srv.URL + "/?lesson=review-2012&stop=2")
	b.Poll(`document.querySelector('#forklab[data-complete="true"] #next-stop[data-next="reveal"]') !== null`)
	b.PressKey(kb.PageDown)
	b.Poll(`document.querySelector('#next-stop[data-next="stop"]') !== null`)
	if a = readAsk(b); a.Answer == "" || a.Chosen != "" || !strings.Contains(Eval[string](b, "location.search"), "stop=2") {
		t.Errorf("PageDown on the main page at stop 2's question: %+v, address %s", a, Eval[string](b, "location.search"))
	}
	b.Screenshot("review-2012-2-main-revealed")
}

// TestPageDownWhateverHasFocus: a clicker's PageDown steps forward after a
// click on the slider (whose own PageDown would step back), and → steps from
// a focused design list without changing the design.
func TestPageDownWhateverHasFocus(t *testing.T) {
	b := openView(t, 1280, 720, "/?scenario=orphan-race&step=2&designs=merged,current")
	waitView(b, "orphan-race", 2)
	b.Click("#scrubber")
	n := Eval[int](b, `+document.getElementById('scrubber').value`)
	waitView(b, "orphan-race", n)
	if got := Eval[string](b, "document.activeElement.id"); got != "scrubber" {
		t.Fatalf("the click left the focus on %q, not the slider", got)
	}
	b.PressKey(kb.PageDown)
	waitView(b, "orphan-race", n+1)
	b.PressKey(kb.PageUp)
	b.PressKey(kb.PageUp)
	waitView(b, "orphan-race", n-1)

	if !Eval[bool](b, `(() => { const s = document.getElementById('design-0'); s.focus(); return document.activeElement === s; })()`) {
		t.Fatal("the design list does not take the focus")
	}
	b.PressKey(kb.ArrowRight)
	v := waitView(b, "orphan-race", n)
	if v.Designs != "merged,current" {
		t.Errorf("→ on the design list changed the designs to %q", v.Designs)
	}
	b.PressKey(kb.PageDown)
	waitView(b, "orphan-race", n+1)
}

// openView starts a browser of a w×h viewport on the real server, at path.
func openView(t *testing.T, w, h int64, path string) *Browser {
	b := NewBrowser(t)
	srv := NewServer(t)
	setViewport(b, w, h)
	b.Navigate(srv.URL + path)
	return b
}

// hostPage serves a page, on its own origin, that frames the URL in ?src=
// at ?w= × ?h=, sandboxed as ?sandbox= says when it is given.
func hostPage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	sandbox := ""
	if q.Has("sandbox") {
		sandbox = ` sandbox="` + html.EscapeString(q.Get("sandbox")) + `"`
	}
	fmt.Fprintf(w, `<!doctype html><html lang="en"><head><title>a course page</title>
<style>body { margin: 0 } iframe { display: block; border: 0 }</style></head>
<body><iframe src="%s" width="%s" height="%s" title="forklab"%s></iframe></body></html>`,
		html.EscapeString(q.Get("src")), html.EscapeString(q.Get("w")), html.EscapeString(q.Get("h")), sandbox)
}

// frameTargets are the frames' own targets that frameEval attached to.
var frameTargets = map[target.ID]context.Context{}

// frameEval evaluates js, which returns a string, in the page's first
// frame: in a world of its own when the frame shares the page's process
// (it is on another origin), in the frame's own target when Chromium runs
// it in a process of its own (a sandboxed frame).
func frameEval(b *Browser, js string) (string, error) {
	var out string
	ctx, cancel := context.WithTimeout(b.ctx, Timeout)
	defer cancel()
	targets, err := chromedp.Targets(ctx)
	if err != nil {
		return "", err
	}
	for _, ti := range targets {
		if ti.Type == "iframe" {
			fctx, ok := frameTargets[ti.TargetID]
			if !ok {
				// Attached until the browser ends: cancelling would close
				// the frame.
				fctx, _ = chromedp.NewContext(b.ctx, chromedp.WithTargetID(ti.TargetID))
				frameTargets[ti.TargetID] = fctx
			}
			return chromedp.Run(fctx, chromedp.Evaluate[string](js))
		}
	}
	err = chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		tree, err := cdp.Call(ctx, t, page.GetFrameTree, cdp.Empty{})
		if err != nil {
			return err
		}
		if len(tree.FrameTree.ChildFrames) == 0 {
			return fmt.Errorf("the page has no frame")
		}
		w, err := cdp.Call(ctx, t, page.CreateIsolatedWorld, page.CreateIsolatedWorldParams{FrameID: tree.FrameTree.ChildFrames[0].Frame.ID})
		if err != nil {
			return err
		}
		yes := true
		res, err := cdp.Call(ctx, t, runtime.Evaluate, runtime.EvaluateParams{Expression: js, ContextID: w.ExecutionContextID, ReturnByValue: &yes})
		if err != nil {
			return err
		}
		if res.ExceptionDetails != nil {
			return fmt.Errorf("%s", res.ExceptionDetails.Text)
		}
		return json.Unmarshal(res.Result.Value, &out)
	}))
	return out, err
}

// waitFrame polls the frame until stageJS gives a stage that cond (a
// JavaScript test of s) accepts, or the frame's text matches give (a plain
// message), and returns what it found.
func waitFrame(b *Browser, cond string, give *regexp.Regexp) (stage, string) {
	b.t.Helper()
	deadline := time.Now().Add(Timeout)
	js := fmt.Sprintf(`(() => { const s = %s; return JSON.stringify(s !== null && (%s) ? s : {text: document.body ? document.body.innerText : ""}); })()`, stageJS, cond)
	for {
		out, err := frameEval(b, js)
		var s stage
		if err == nil {
			err = json.Unmarshal([]byte(out), &s)
		}
		if err == nil && (s.Mode != "" || give != nil && give.MatchString(s.Text)) {
			return s, s.Text
		}
		if time.Now().After(deadline) {
			b.t.Fatalf("waiting for the frame: %v; it shows %q%s", err, s.Text, b.consoleDump())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func TestEmbed(t *testing.T) {
	b := NewBrowser(t)
	srv := NewServer(t)
	host := Serve(t, http.HandlerFunc(hostPage))
	setViewport(b, 1280, 720)

	// The main page's embed code frames its view.
	b.Navigate(srv.URL + "/?scenario=vfork-csh&step=5&designs=old,new")
	waitView(b, "vfork-csh", 5)
	snippet, src := embedCode(b)
	want := srv.URL + "/embed?scenario=vfork-csh&step=5&designs=old,new"
	if !strings.HasPrefix(src, want) {
		t.Fatalf("embed code %q, want an iframe of %s", snippet, want)
	}

	// The process names' least height at each size (the embed's chrome is
	// small, the callout one line: the trees take the frame).
	for _, size := range [][3]int64{{800, 450, 14}, {960, 540, 16}} {
		w, h, least := size[0], size[1], float64(size[2])
		setViewport(b, w, h)
		b.Navigate(fmt.Sprintf("%s/?w=%d&h=%d&src=%s", host.URL, w, h, url.QueryEscape(src)))
		s, _ := waitFrame(b, `s.mode === "embed" && s.step === 5 && s.settled`, nil)
		checkFits(t, s, 2)
		if s.InnerW != float64(w) || s.InnerH != float64(h) {
			t.Errorf("the frame is %.0f×%.0f, want %d×%d", s.InnerW, s.InnerH, w, h)
		}
		t.Logf("embed %d×%d: trees %+v, smallest process name %.3f px, document %.0f×%.0f", w, h, s.Trees, s.MinLabel, s.ScrollW, s.ScrollH)
		// Chromium measures these names in whole pixels, up to float
		// rounding (14 comes back a hair under): a thousandth is let go.
		if s.MinLabel < least-0.001 {
			t.Errorf("embed %d×%d: the process names are %.1f px high, want at least %.0f", w, h, s.MinLabel, least)
		}
		if s.DiffCount < 1 || !strings.Contains(s.Text, "The designs differ here in") {
			t.Errorf("embed %d×%d: the callout line is missing (%d differences):\n%s", w, h, s.DiffCount, s.Text)
		}
		b.Screenshot(fmt.Sprintf("%dx%d", w, h))
	}
}

// TestEmbedSandboxed: in a frame sandboxed without allow-same-origin, the
// embed runs (app.wasm is served to the null origin, storage goes through
// pageStore) or says what the host must allow; never a bare TypeError.
func TestEmbedSandboxed(t *testing.T) {
	b := NewBrowser(t)
	srv := NewServer(t)
	host := Serve(t, http.HandlerFunc(hostPage))
	// The service worker cannot register in an opaque origin; go-app says so
	// in the console, and the embed runs without it.
	b.AllowConsole("service worker registration failed")
	setViewport(b, 800, 450)
	src := srv.URL + "/embed?scenario=vfork-csh&step=5&designs=old,new"
	b.Navigate(fmt.Sprintf("%s/?w=800&h=450&sandbox=allow-scripts&src=%s", host.URL, url.QueryEscape(src)))
	s, text := waitFrame(b, `s.mode === "embed" && s.step === 5 && s.settled`, regexp.MustCompile(`could not load its program`))
	if strings.Contains(text, "TypeError") {
		t.Fatalf("the sandboxed embed shows a TypeError:\n%s", text)
	}
	b.Screenshot("sandboxed")
	// forklab's server serves /web/ to the null origin, and sandbox.js
	// readies go-app's start: the embed runs, not just a message.
	if s.Mode != "embed" {
		t.Fatalf("the sandboxed embed did not start; it says: %s", text)
	}
	checkFits(t, s, 2)
	if _, err := frameEval(b, `(() => { document.getElementById("forward").click(); return ""; })()`); err != nil {
		t.Fatal(err)
	}
	waitFrame(b, `s.mode === "embed" && s.step === 6`, nil)
}

// TestClassroomToolsNarrow: at a phone's width the main page's Present and
// Embed code buttons and the embed code fit, and the code is the view's.
func TestClassroomToolsNarrow(t *testing.T) {
	b := openView(t, 390, 844, "/?scenario=vfork-csh&step=5&designs=old,new")
	waitView(b, "vfork-csh", 5)
	b.Click("#embed-button")
	b.Poll(`document.getElementById('embed-snippet') !== null`)
	r := Eval[[]float64](b, `(() => { const e = document.getElementById('embed-code').getBoundingClientRect(); return [e.left, e.right, innerWidth]; })()`)
	if r[0] < 0 || r[1] > r[2] {
		t.Errorf("the embed code spans %.0f..%.0f in a %.0f px view", r[0], r[1], r[2])
	}
	b.Do(chromedp.ScrollIntoView("#embed-code"))
	b.Screenshot("390")
	b.Click("#embed-button")
	b.Poll(`document.getElementById('embed-snippet') === null`)
}

// TestEmbedAutoplay: autoplay=1 plays from start= to end= at speed= and
// stops there.
func TestEmbedAutoplay(t *testing.T) {
	b := NewBrowser(t)
	srv := NewServer(t)
	setViewport(b, 800, 450)
	b.Navigate(srv.URL + "/embed?scenario=vfork-csh&designs=old,new&start=2&end=4&autoplay=1&speed=4")
	s := waitStage(b, `s.mode === "embed" && s.step >= 2`)
	if s.Step > 3 {
		t.Errorf("the embed opened at step %d, want start=2 (then playing)", s.Step)
	}
	waitStage(b, `s.step === 4 && document.getElementById('play').getAttribute('aria-pressed') === 'false'`)
	time.Sleep(2 * stepAt4x)
	if n := Eval[int](b, `+document.getElementById('forklab').dataset.step`); n != 4 {
		t.Errorf("the player went on to step %d past end=4", n)
	}
}

// stepAt4x is how long a step lasts at speed 4 (ui: 1400 ms at 1×).
const stepAt4x = 350 * time.Millisecond

// TestEmbedOffline: after one visit to the main page, the service worker
// has the embed cached, and an embed never visited opens offline on the
// view it names.
func TestEmbedOffline(t *testing.T) {
	b := NewBrowser(t)
	srv, offline := offlineServer(t)
	visitOnce(b, srv, "/?scenario=vfork-csh")
	goOffline(b, offline)
	setViewport(b, 800, 450)
	b.Navigate(srv.URL + "/embed?scenario=vfork-csh&step=5&designs=old,new")
	checkFits(t, waitStage(b, `s.mode === "embed" && s.step === 5 && s.settled`), 2)
	b.Screenshot("offline")
}
