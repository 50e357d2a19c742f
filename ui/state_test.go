package ui

import (
	"html"
	"net/url"
	"strings"
	"testing"

	"forklab/scenarios"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// TestViewStateWindow drives the state alone: what asks, how far the reader
// may go, and what an answer opens.
func TestViewStateWindow(t *testing.T) {
	var s viewState
	s.openScenario(false)
	has := func(int) bool { return true }
	if to, waits := s.window(9, has); to != 9 || waits {
		t.Errorf("no quiz: window = %d, %v; want 9, false", to, waits)
	}
	s.setQuiz(true)
	if to, waits := s.window(9, has); to != 1 || !waits {
		t.Errorf("quiz: window = %d, %v; want 1, true", to, waits)
	}
	if !s.answer(1, 2) || s.answer(1, 0) {
		t.Error("the first answer at a position counts, a second does not")
	}
	if c, ok := s.chosen(1); !ok || c != 2 {
		t.Errorf("chosen(1) = %d, %v", c, ok)
	}
	if to, _ := s.window(9, has); to != 2 {
		t.Errorf("after answering 1: window reaches %d, want 2", to)
	}
	if to, _ := s.window(9, func(p int) bool { return p != 2 }); to != 3 {
		t.Errorf("a position the model asks nothing at is passed: window reaches %d, want 3", to)
	}
	s.resetAnswers()
	if to, _ := s.window(9, has); to != 1 {
		t.Errorf("after a reset: window reaches %d, want 1", to)
	}
	s.openStart()
	if s.Mode != modeStart || s.Quiz || s.stop() != nil || s.moveStop(1) {
		t.Errorf("start page: %+v", s)
	}
}

// TestLessonStops moves through a lesson's stops in the state.
func TestLessonStops(t *testing.T) {
	ls, err := openLibraryLesson("review-2012")
	if err != nil || ls == nil {
		t.Fatal(ls, err)
	}
	var s viewState
	s.openLesson(ls, 99, false)
	n := len(ls.L.Stops)
	if s.Stop != n-1 || s.moveStop(1) {
		t.Errorf("a stop past the end opens the last: %d of %d", s.Stop, n)
	}
	if !s.moveStop(-1) || s.Stop != n-2 {
		t.Errorf("PgUp: stop %d", s.Stop)
	}
	s.openLesson(ls, -3, false)
	if s.Stop != 0 || s.moveStop(-1) {
		t.Errorf("a stop before the first opens the first: %d", s.Stop)
	}
	// Without quiz, only a stop with ask: asks, and only at its own step.
	for i, st := range ls.L.Stops {
		s.openLesson(ls, i, false)
		for p := 0; p <= st.Position+1; p++ {
			want := st.Ask != nil && p == st.Position && p > 0
			if got := s.asks(p); got != want {
				t.Errorf("stop %d: asks(%d) = %v, want %v", i+1, p, got, want)
			}
		}
		// Quiz mode in a lesson asks from the stop's own step on.
		s.setQuiz(true)
		if st.Position > 1 && s.asks(st.Position-1) {
			t.Errorf("stop %d in quiz mode asks before its step", i+1)
		}
	}
}

// TestStartPage: bare / is the start page, lessons first, and any link that
// names a view opens it.
func TestStartPage(t *testing.T) {
	x := newTester(t)
	x.nav("/")
	x.contains(`data-mode="start"`, `data-role="start"`, `href="/?lesson=first-ptrace"`, `href="/?scenario=orphan-race"`, "start here", "Choose a scenario…")
	h := x.html()
	if strings.Index(h, `href="/?lesson=`) > strings.Index(h, `href="/?scenario=`) {
		t.Error("the library comes before the lessons")
	}
	if strings.Index(h, "first-ptrace") > strings.Index(h, "review-2012") {
		t.Error("the lesson tagged start is not first")
	}
	for _, link := range []string{"/?scenario=detach", "/?step=2", "/?designs=old,linux", "/?lesson=review-2012"} {
		x.nav(link)
		if x.a.st.Mode == modeStart {
			t.Errorf("%s opened the start page", link)
		}
	}
	x.nav("/?lesson=no-such")
	x.contains(`data-mode="start"`, "There is no lesson called")
}

// TestLessonInPage opens a stop from a link, moves with PgDn, and checks the
// link follows.
func TestLessonInPage(t *testing.T) {
	x := newTester(t)
	x.nav("/?lesson=review-2012&stop=3")
	st := x.a.st.stop()
	if x.a.st.Mode != modeLesson || x.a.st.Stop != 2 || x.a.sc != st.Sc {
		t.Fatalf("state %+v", x.a.st)
	}
	x.contains(`data-role="lesson"`, `data-stop="3"`, "stop 3 of 15", html.EscapeString(st.S.Caption[0][:40]))
	if got := designsKey(x.a.designs); got != strings.Join(shortNames(st.S.Designs), ",") {
		t.Errorf("designs %s, want the stop's %v", got, st.S.Designs)
	}
	x.do(cmdNextStop) // stop 3 asks: PgDn reveals its answer first (revealkey.go)
	if x.a.st.Stop != 2 || !x.a.view.Revealed {
		t.Errorf("PgDn at stop 3's question: stop %d, revealed %v; want the answer revealed at stop 3", x.a.st.Stop+1, x.a.view.Revealed)
	}
	x.do(cmdNextStop)
	x.contains(`data-stop="4"`)
	if !strings.Contains(x.a.query, "lesson=review-2012&stop=4") {
		t.Errorf("query %q", x.a.query)
	}
	// → steps the stop's scenario; the link keeps the stop and names the step.
	x.do(cmdBack)
	if x.a.step != x.a.st.stop().S.Position-1 || !strings.Contains(x.a.query, "stop=4&step=") {
		t.Errorf("step %d, query %q", x.a.step, x.a.query)
	}
	x.do(cmdPrevStop)
	x.contains(`data-stop="3"`)
}

// shortNames returns the aliases of canonical design names.
func shortNames(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = linkDesigns([]string{n})[0].Short()
	}
	return out
}

// TestQuestionStop: a stop that asks shows the step before, hides the rest,
// and reveals the model's answer after a choice.
func TestQuestionStop(t *testing.T) {
	pageStore.del(scoreKey("lesson:review-2012"))
	x := newTester(t)
	x.nav("/?lesson=review-2012&stop=2")
	st := x.a.st.stop()
	v := x.a.view
	if st.S.Ask == nil || v.Ask == nil || v.Chosen != -1 {
		t.Fatal("stop 2 asks nothing")
	}
	if v.N != st.S.Position-1 || v.At != st.S.Position || v.SeenTo != st.S.Position-1 {
		t.Errorf("shown %d, at %d, seen to %d; the step is %d", v.N, v.At, v.SeenTo, st.S.Position)
	}
	runs := make([]*scenarios.Run, len(x.a.designs))
	for i, d := range x.a.designs {
		runs[i] = scenarios.Execute(st.Sc.File, d, scenarios.Options{Snapshots: true})
	}
	want, err := scenarios.NewQuestion(runs, 0, st.S.Ask.Kind, st.S.Step, st.S.Ask.Proc)
	if err != nil {
		t.Fatal(err)
	}
	x.contains(`data-role="question"`, html.EscapeString(want.Prompt))
	if strings.Contains(x.html(), `data-role="trace-save"`) {
		t.Error("the trace's save link is there while the question waits")
	}
	x.do(cmdForward) // no way past an unanswered question
	if x.a.view.At != st.S.Position {
		t.Errorf("→ moved past the question to %d", x.a.view.At)
	}
	wrong := (want.Answer + 1) % len(want.Choices)
	x.run(func(ctx app.Context) { x.a.choose(ctx, wrong) })
	v = x.a.view
	if v.N != st.S.Position || v.Chosen != wrong {
		t.Errorf("after a choice: shown %d, chosen %d", v.N, v.Chosen)
	}
	x.contains(`data-role="answer"`, `data-answer="`+want.Choices[want.Answer]+`"`, `data-role="trace-save"`)
	if s := loadScore("lesson:review-2012"); s != (score{0, 1}) {
		t.Errorf("score %+v, want 0 of 1", s)
	}
}

// TestQuizEveryStep: quiz=1 asks at each step of a scenario.
func TestQuizEveryStep(t *testing.T) {
	x := newTester(t)
	x.nav("/?scenario=orphan-race&quiz=1&step=4")
	if x.a.step != 1 || x.a.view.Ask == nil {
		t.Fatalf("a quiz link starts at the first question: step %d", x.a.step)
	}
	for p := 1; p <= x.a.view.Last; p++ {
		v := x.a.view
		if v.At != p || v.Ask == nil || v.Chosen != -1 || v.N != p-1 {
			t.Fatalf("step %d: at %d, shown %d, question %v", p, v.At, v.N, v.Ask != nil)
		}
		for n := p; n < len(v.Marks); n++ {
			if v.Marks[n] {
				t.Errorf("step %d: the scrubber marks %d, not yet shown", p, n)
			}
		}
		x.run(func(ctx app.Context) { x.a.choose(ctx, x.a.view.Ask.Answer) })
		x.do(cmdForward)
	}
}

// TestPairPerScenario: a scenario opens under its pair, and designs the
// reader picks hold for that scenario only.
func TestPairPerScenario(t *testing.T) {
	x := newTester(t)
	x.nav("/?scenario=orphan-race")
	if got := designsKey(x.a.designs); got != "merged,current" {
		t.Errorf("orphan-race opens under %s, not its pair", got)
	}
	linux := linkDesigns([]string{"linux"})[0]
	x.run(func(ctx app.Context) { x.a.setDesign(ctx, 1, linux) })
	x.run(func(ctx app.Context) { x.a.openScenario(ctx, "vfork-csh") })
	if got := designsKey(x.a.designs); got != "old,new" {
		t.Errorf("vfork-csh opens under %s after linux was picked for orphan-race", got)
	}
	// From a lesson, Browse opens the scenario under its pair and leaves the lesson.
	x.nav("/?lesson=exit-status&stop=2")
	x.run(func(ctx app.Context) { x.a.openScenario(ctx, "orphan-race") })
	if x.a.st.Mode != modeScenario || designsKey(x.a.designs) != "merged,current" {
		t.Errorf("from a lesson: mode %v, designs %s", x.a.st.Mode, designsKey(x.a.designs))
	}
}

// TestOwnLessonInLink: one's own lesson travels in src= and opens as a
// lesson; a broken one opens the editor at its error.
func TestOwnLessonInLink(t *testing.T) {
	src := "lesson: Mine\n\nstop: orphan-race merged,current at \"R: wait C\"\n  say: Look at R's wait.\n  ask: result merged\n\nstop: vfork-csh old,new at start\n  say: Before the vfork.\n"
	x := newTester(t)
	x.nav("/?src=" + mustPack(t, src) + "&stop=2")
	if x.a.st.Mode != modeLesson || !x.a.st.Lesson.Own() || x.a.st.Stop != 1 || x.a.sc.Key != "vfork-csh" {
		t.Fatalf("state %+v, scenario %s", x.a.st, x.a.scenarioID())
	}
	x.contains("Mine (your lesson)", `data-stop="2"`)
	if !strings.HasPrefix(x.a.query, "src="+mustPack(t, src)+"&stop=2") {
		t.Errorf("query %q does not carry the lesson", x.a.query)
	}
	x.do(cmdPrevStop)
	x.contains(`data-role="question"`)
	bad := strings.Replace(src, "orphan-race", "no-such-scenario", 1)
	x.nav("/?src=" + mustPack(t, bad))
	if !x.a.editing || x.a.draftErr == nil || x.a.draftErr.Pos.Line != 3 {
		t.Errorf("a broken lesson: editing %v, error %+v", x.a.editing, x.a.draftErr)
	}
	x.contains("The lesson in this link does not load")
}

// TestPreRenderHides: the server's pre-render of a question stop shows
// neither the step nor the trace's save link; of bare /, the start page.
func TestPreRenderHides(t *testing.T) {
	for link, want := range map[string]string{"/": `data-role="start"`, "/?lesson=review-2012&stop=2": `data-role="question"`} {
		a := &App{}
		u, _ := url.Parse("http://localhost" + link)
		a.applyLink(parseLink(u))
		h := app.HTMLString(a)
		if !strings.Contains(h, want) {
			t.Errorf("the pre-render of %s lacks %s", link, want)
		}
		if strings.Contains(h, `data-role="trace-save"`) {
			t.Errorf("the pre-render of %s can save the trace", link)
		}
	}
}

// TestQuizAskAbout: the reader picks the pane quiz mode asks about.
func TestQuizAskAbout(t *testing.T) {
	x := newTester(t)
	x.nav("/?scenario=orphan-race&quiz=1&step=1")
	if x.a.view.Ask == nil || x.a.view.AskPane != 0 {
		t.Fatal("no question about pane 1")
	}
	x.run(func(ctx app.Context) { x.a.askAbout(ctx, 1) })
	if v := x.a.view; v.Ask == nil || v.AskPane != 1 || v.Ask.Design != x.a.designs[1] {
		t.Errorf("after picking pane 2 the question is about pane %d", v.AskPane+1)
	}
	x.contains(`data-role="ask-pane"`)
}
