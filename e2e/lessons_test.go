//go:build !wasm

package e2e

// TestLessons drives the start page, a lesson and predict-then-reveal in
// headless Chromium: bare / is the start page and a scenario link is not;
// /?lesson=review-2012 shows stop 1 and PgDn moves to stop 2 (the address
// and data-stop follow); a question stop hides the step until a choice is
// made, and the revealed answer is the one scenarios.NewQuestion computes
// natively; quiz=1 asks at every step of orphan-race. It saves screenshots
// at 1280×720 and 400 px wide.

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"forklab/scenarios"
	"forklab/sim"

	"github.com/chromedp/chromedp/kb"
)

func TestLessons(t *testing.T) {
	b := NewBrowser(t)
	srv := NewServer(t)
	b.CheckLocalRequests(srv.URL)
	setViewport(b, 1280, 720)
	emulateMedia(b, "reduce")

	start := time.Now()
	b.Navigate(srv.URL + "/")
	b.WaitApp()
	b.Poll(`document.querySelector('#forklab[data-runtime="wasm"][data-mode="start"] [data-role="start"] a[href="/?lesson=review-2012"]') !== null`)
	t.Logf("navigate / → start page drawn by wasm: %v", time.Since(start).Round(time.Millisecond))
	if n := Eval[int](b, `document.querySelectorAll('[data-role="lesson-link"]').length`); n != 4 {
		t.Errorf("the start page lists %d lessons, want 4", n)
	}
	b.Screenshot("start-1280")
	setViewport(b, 400, 720)
	b.Screenshot("start-400")
	setViewport(b, 1280, 720)
	// A lesson's link on the start page opens the lesson in the page.
	b.Click(`[data-role="start"] a[href="/?lesson=first-ptrace"]`)
	b.Poll(`document.querySelector('#forklab[data-mode="lesson"] [data-role="lesson"][data-stop="1"]') !== null && location.search.startsWith("?lesson=first-ptrace")`)

	b.Navigate(srv.URL + "/?scenario=orphan-race")
	waitView(b, "orphan-race", 0)
	if Eval[bool](b, `document.querySelector('[data-role="start"]') !== null`) {
		t.Error("a scenario link shows the start page")
	}

	lessons, err := scenarios.Lessons()
	must(t, err)
	var review *scenarios.Lesson
	for _, l := range lessons {
		if l.Name == "lessons/review-2012.txt" {
			review = l
		}
	}
	if review == nil {
		t.Fatal("no review-2012 lesson")
	}

	start = time.Now()
	b.Navigate(srv.URL + "/?lesson=review-2012")
	b.Poll(`document.querySelector('#forklab[data-runtime="wasm"][data-complete="true"] [data-role="lesson"][data-stop="1"]') !== null`)
	t.Logf("navigate /?lesson=review-2012 → stop 1 drawn whole: %v", time.Since(start).Round(time.Millisecond))
	if got := b.Text(`[data-role="lesson"] .caption`); !strings.Contains(got, review.Stops[0].Caption[0][:30]) {
		t.Errorf("stop 1 shows %q", got)
	}
	b.Screenshot("stop-1-1280")
	setViewport(b, 400, 720)
	b.Screenshot("stop-1-400")
	setViewport(b, 1280, 720)
	start = time.Now()
	b.PressKey(kb.PageDown)
	b.Poll(`document.querySelector('[data-role="lesson"][data-stop="2"]') !== null`)
	t.Logf("PgDn → stop 2 drawn: %v", time.Since(start).Round(time.Millisecond))
	b.Poll(`location.search.includes("stop=2")`)
	t.Logf("PgDn → the address names stop 2: %v", time.Since(start).Round(time.Millisecond))

	// Stop 2 asks: the step stays hidden until a choice.
	st := review.Stops[1]
	if st.Ask == nil {
		t.Fatal("review-2012's stop 2 asks nothing")
	}
	q := stopQuestion(t, st)
	b.Poll(`document.querySelector('[data-role="question"]') !== null`)
	hiddenBefore(t, b, st.Position)
	if got := b.Text(`#ask-prompt`); got != q.Prompt {
		t.Errorf("the page asks %q, the model %q", got, q.Prompt)
	}
	choices := Eval[[]string](b, `[...document.querySelectorAll('[data-role="choice"]')].map(e => e.textContent)`)
	if strings.Join(choices, "|") != strings.Join(q.Choices, "|") {
		t.Errorf("choices %q, the model's %q", choices, q.Choices)
	}
	b.Screenshot("question-1280")
	setViewport(b, 400, 720)
	b.Screenshot("question-400")
	setViewport(b, 1280, 720)
	wrong := (q.Answer + 1) % len(q.Choices)
	start = time.Now()
	b.Click(fmt.Sprintf(`[data-role="choice"][data-choice="%d"]`, wrong))
	b.Poll(`document.querySelector('[data-role="answer"]') !== null`)
	t.Logf("a choice → the answer and the step shown: %v", time.Since(start).Round(time.Millisecond))
	if got := Eval[string](b, `document.querySelector('[data-role="answer"]').dataset.answer`); got != q.Choices[q.Answer] {
		t.Errorf("revealed %q, the model's answer is %q", got, q.Choices[q.Answer])
	}
	if got := Eval[string](b, `document.querySelector('[data-role="answer"]').dataset.chosen`); got != q.Choices[wrong] {
		t.Errorf("the answer says %q was chosen, not %q", got, q.Choices[wrong])
	}
	b.Poll(fmt.Sprintf(`document.getElementById('forklab').dataset.step === "%d" && document.querySelector('[data-role="trace-save"]') !== null`, st.Position))
	b.Screenshot("answer-1280")
	setViewport(b, 400, 720)
	b.Screenshot("answer-400")
	setViewport(b, 1280, 720)

	// Quiz mode asks at every step.
	b.Navigate(srv.URL + "/?scenario=orphan-race&quiz=1")
	waitView(b, "orphan-race", 0) // the start: no step has run, nothing to ask
	last := Eval[int](b, `+document.getElementById('forklab').dataset.last`)
	for p := 1; p <= last; p++ {
		b.PressKey(kb.ArrowRight)
		b.Poll(fmt.Sprintf(`document.getElementById('forklab').dataset.at === "%d" && document.querySelector('[data-role="question"]') !== null`, p))
		hiddenBefore(t, b, p)
		b.Click(`[data-role="choice"][data-choice="0"]`)
		b.Poll(fmt.Sprintf(`document.querySelector('[data-role="answer"]') !== null && document.getElementById('forklab').dataset.step === "%d"`, p))
	}
}

// stopQuestion computes natively the question a stop asks.
func stopQuestion(t *testing.T, st *scenarios.Stop) *scenarios.Question {
	t.Helper()
	var runs []*scenarios.Run
	at := 0
	for i, n := range st.Designs {
		d, _ := sim.LookupDesign(n)
		runs = append(runs, scenarios.Execute(st.Entry.File, d, scenarios.Options{Snapshots: true}))
		if n == st.Ask.Design {
			at = i
		}
	}
	q, err := scenarios.NewQuestion(runs, at, st.Ask.Kind, st.Step, st.Ask.Proc)
	must(t, err)
	return q
}

// hiddenBefore checks that the page shows nothing of position p or later:
// the panes, the trace logs (no line, no save link), the scrubber's marks.
func hiddenBefore(t *testing.T, b *Browser, p int) {
	t.Helper()
	got := Eval[map[string]any](b, `(() => { const m = document.getElementById('forklab');
	  return {step: +m.dataset.step,
	    frames: Math.max(-1, ...[...document.querySelectorAll('.pane')].map(e => +e.dataset.frame)),
	    lines: Math.max(-1, ...[...document.querySelectorAll('ol[data-role="trace"] li')].map(e => +e.dataset.frame)),
	    marks: Math.max(-1, ...[...document.querySelectorAll('[data-role="marks"] .mark')].map(e => +e.dataset.pos)),
	    save: document.querySelectorAll('[data-role="trace-save"]').length,
	    live: document.getElementById('live').textContent}; })()`)
	for _, k := range []string{"step", "frames", "lines", "marks"} {
		if v, _ := got[k].(float64); int(v) >= p {
			t.Errorf("step %d is asked, but the page shows %s up to %d", p, k, int(v))
		}
	}
	if v, _ := got["save"].(float64); v != 0 {
		t.Errorf("step %d is asked, but the trace can be saved", p)
	}
	if live, _ := got["live"].(string); !strings.Contains(live, "hidden until you answer") {
		t.Errorf("the live region says %q", live)
	}
}
