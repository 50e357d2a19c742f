package ui

import (
	"strings"
	"testing"
)

// TestEmbedLesson: /embed?lesson= plays the lesson as a deck: the stop's
// step at once (its ask: asks nothing), the caption's line, PageDown and
// PageUp between stops, and the main page's embed code for a lesson view.
func TestEmbedLesson(t *testing.T) {
	x := newTester(t)
	x.nav("/embed?lesson=review-2012&stop=3")
	st := x.a.st.stop()
	if !x.a.embed.On || st == nil || x.a.st.Stop != 2 {
		t.Fatalf("embed %v, stop %d; want an embed of stop 3", x.a.embed.On, x.a.st.Stop+1)
	}
	if st.S.Ask == nil {
		t.Fatal("stop 3 of review-2012 no longer asks; pick a stop that does")
	}
	if x.a.step != st.S.Position || x.a.view.N != st.S.Position || x.a.view.Ask != nil {
		t.Errorf("at step %d (shown %d, question %v), want the stop's step %d shown, no question",
			x.a.step, x.a.view.N, x.a.view.Ask != nil, st.S.Position)
	}
	x.contains(`id="embed-caption"`, `data-stop="3"`, "Stop 3 of", `id="next-stop"`, `id="embed-callout"`,
		"forklab: The 2012 review, point by point, stop 3 of")
	if strings.Contains(x.html(), `data-role="question"`) {
		t.Error("the lesson embed shows a question")
	}
	x.do(embedKey(keyFor(keyEvent{Key: "PageDown"})))
	if x.a.st.Stop != 3 || !strings.Contains(x.a.query, "lesson=review-2012&stop=4") {
		t.Errorf("PageDown went to stop %d, address ?%s; want stop 4", x.a.st.Stop+1, x.a.query)
	}
	x.do(embedKey(keyFor(keyEvent{Key: "PageUp"})))
	if x.a.st.Stop != 2 {
		t.Errorf("PageUp went to stop %d, want 3", x.a.st.Stop+1)
	}

	x.nav("/?lesson=review-2012&stop=3")
	got, err := x.a.embedSnippet("https://forklab.example")
	if want := `<iframe src="https://forklab.example/embed?lesson=review-2012&amp;stop=3"`; err != nil || !strings.HasPrefix(got, want) ||
		!strings.Contains(got, `title="forklab: The 2012 review, point by point, stop 3 of`) {
		t.Errorf("embedSnippet of a lesson view = %q, %v; want it to start %q", got, err, want)
	}
}

// TestEmbedRefuses: what an embed does not do, it says, and shows the view.
func TestEmbedRefuses(t *testing.T) {
	x := newTester(t)
	x.nav("/embed?scenario=vfork-csh&step=5&designs=old,new&quiz=1")
	if x.a.view.N != 5 || x.a.view.Ask != nil || !strings.Contains(x.a.notice, "An embed does not ask questions (quiz=1)") {
		t.Errorf("quiz=1 embed: step %d shown, question %v, notice %q; want step 5, no question, a notice",
			x.a.view.N, x.a.view.Ask != nil, x.a.notice)
	}
	if !strings.Contains(x.a.query, "quiz=1") {
		t.Errorf("the address ?%s drops quiz=1: the ↗ link would not ask", x.a.query)
	}

	x.nav("/embed?lesson=review-2012&stop=2&start=3&end=5")
	if !strings.Contains(x.a.notice, "start= and end= bound a scenario's steps") || x.a.step != x.a.st.stop().S.Position {
		t.Errorf("a lesson embed with start=: notice %q, step %d", x.a.notice, x.a.step)
	}

	x.nav("/embed?lesson=no-such-lesson")
	if x.a.st.Mode != modeScenario || x.a.view == nil ||
		!strings.Contains(x.a.notice, "There is no lesson called “no-such-lesson”. This embed shows a library scenario instead.") {
		t.Errorf("an embed of an unknown lesson: mode %v, notice %q; want a scenario and the notice", x.a.st.Mode, x.a.notice)
	}
}
