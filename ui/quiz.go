package ui

// This file is predict, then reveal: before a step that asks (state.go) is
// shown, the page shows the position before it, hides every later one (the
// tree, results, flags, trace lines, the scrubber's marks, the live text and
// the trace's save link all come from what is shown), and asks the question
// scenarios.NewQuestion makes from the model. A choice reveals the answer, the
// step's narration and the step itself. A score per lesson, and per quiz
// scenario, is kept in pageStore.

import (
	"slices"
	"strconv"
	"strings"

	"forklab/scenarios"
	"forklab/sim"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// reveal is what a stepView holds of the quiz.
type reveal struct {
	At      int                 // the reader's position: N, or N+1 while a question waits
	SeenTo  int                 // positions after this are hidden (Last when none is)
	Ask     *scenarios.Question // the question at At, nil when none
	AskPane int                 // the pane it is about
	Chosen  int                 // the choice made, noChoice while it waits or where none was
	// Revealed says that the answer at At is shown: chosen, or revealed
	// without a choice (revealAnswer).
	Revealed bool
}

// computeView builds the page for the state: the position the reader is at,
// or the one before it while a question waits there.
func (a *App) computeView() *stepView {
	last := lastPos(a.sc.runsFor(a.designs))
	to, waits := a.st.window(last, func(p int) bool { q, _ := a.questionAt(p); return q != nil })
	a.step = min(max(a.step, 0), to)
	pending := waits && a.step == to
	shown := a.step
	if pending {
		shown--
	}
	v := buildView(a.sc, a.designs, shown, a.format, !a.restLater)
	v.At, v.SeenTo, v.Chosen = a.step, v.Last, noChoice
	if waits {
		v.SeenTo = to - 1
		for n := v.SeenTo + 1; n < len(v.Marks); n++ {
			if v.Marks[n] {
				v.Marks = slices.Clone(v.Marks)
				clear(v.Marks[v.SeenTo+1:])
				break
			}
		}
	}
	if a.st.asks(a.step) {
		v.Ask, v.AskPane = a.questionAt(a.step)
		v.Chosen, v.Revealed = a.st.chosen(a.step)
		if !v.Revealed {
			v.Chosen = noChoice
		}
	}
	if pending {
		v.Live = "Step " + itoa(a.step) + " is hidden until you answer: " + v.Ask.Prompt
	}
	return v
}

// questionAt returns the question position p asks and the pane it is about,
// or nil when p asks none or the model cannot ask one there. A lesson stop's
// ask: line picks the kind and the pane; elsewhere DefaultAsk picks it for
// the pane the reader chose (the first, unless another was).
func (a *App) questionAt(p int) (*scenarios.Question, int) {
	if !a.st.asks(p) {
		return nil, 0
	}
	runs := runsOf(a.sc.runsFor(a.designs))
	if st := a.st.stop(); st != nil && st.Sc == a.sc && st.S.Ask != nil {
		ask := st.S.Ask
		i := slices.IndexFunc(a.designs, func(d *sim.Design) bool { return d.Name == ask.Design })
		if i >= 0 && runs[i].Position(st.S.Step) == p {
			if q, err := scenarios.NewQuestion(runs, i, ask.Kind, st.S.Step, ask.Proc); err == nil {
				return q, i
			}
		}
	}
	i := min(a.st.Pane, len(runs)-1)
	if !a.st.Quiz || p >= len(runs[i].Frames) {
		return nil, 0
	}
	step := runs[i].Frames[p].Step
	kind, proc := scenarios.DefaultAsk(step, runs[i].Design)
	q, err := scenarios.NewQuestion(runs, i, kind, step, proc)
	if err != nil {
		return nil, 0
	}
	return q, i
}

// askAbout makes quiz mode ask about pane i from the next question on.
func (a *App) askAbout(ctx app.Context, i int) {
	if i == a.st.Pane || i < 0 || i >= len(a.designs) {
		return
	}
	a.st.askAbout(i)
	a.refresh()
	a.afterChange(ctx)
}

func (a *App) onAskAbout(i int) app.EventHandler {
	return func(ctx app.Context, e app.Event) { a.askAbout(ctx, i) }
}

// choose answers the waiting question with choice c, counts it in the
// score, and shows the step.
func (a *App) choose(ctx app.Context, c int) {
	q := a.view.Ask
	if q == nil || c < 0 || c >= len(q.Choices) || !a.st.answer(a.step, c) {
		return
	}
	addScore(a.scoreID(), c == q.Answer)
	a.refresh()
	a.focus = "answer"
	a.afterChange(ctx)
}

// scoreID names what the score counts: the lesson, or the scenario quizzed.
func (a *App) scoreID() string {
	if a.st.Mode == modeLesson {
		if a.st.Lesson.Own() {
			return "lesson:own"
		}
		return "lesson:" + a.st.Lesson.Key
	}
	return "quiz:" + a.scenarioID()
}

// score is right answers out of questions answered.
type score struct{ Right, Asked int }

func scoreKey(id string) string { return "forklab.score." + id }

// loadScore reads a score from pageStore; a value it cannot read counts as
// none.
func loadScore(id string) score {
	v, ok := pageStore.get(scoreKey(id))
	if !ok {
		return score{}
	}
	r, n, _ := strings.Cut(v, "/")
	right, err1 := strconv.Atoi(r)
	asked, err2 := strconv.Atoi(n)
	if err1 != nil || err2 != nil || right < 0 || right > asked {
		return score{}
	}
	return score{right, asked}
}

// addScore counts one answer.
func addScore(id string, right bool) {
	s := loadScore(id)
	s.Asked++
	if right {
		s.Right++
	}
	pageStore.set(scoreKey(id), itoa(s.Right)+"/"+itoa(s.Asked))
}

func (a *App) onResetScore(ctx app.Context, e app.Event) { pageStore.del(scoreKey(a.scoreID())) }

func (a *App) onChoose(c int) app.EventHandler {
	return func(ctx app.Context, e app.Event) { a.choose(ctx, c) }
}

func (a *App) onToggleQuiz(ctx app.Context, e app.Event) { a.toggleQuiz(ctx) }
