package ui

// This file is how the page enters and leaves its modes (state.go): the
// start page, a lesson and its stops, quiz mode. Each command changes the
// view state first, then shows what it says.

import (
	"slices"

	"forklab/scenarios"
	"forklab/sim"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// applyModeLink opens the start page or a lesson when the link asks for one,
// and reports whether it did; otherwise the link shows a scenario.
func (a *App) applyModeLink(l linkState) bool {
	switch {
	case l.Lesson != "":
		ls, err := openLibraryLesson(l.Lesson)
		switch {
		case err != nil:
			a.notice = "The lessons do not load: " + err.Error()
		case ls == nil:
			a.notice = "There is no lesson called “" + l.Lesson + "”."
		default:
			a.st.openLesson(ls, l.Stop-1, l.Quiz)
			a.showStop(l)
			return true
		}
		a.showStart()
		return true
	case l.Src != "" && scenarios.IsLesson([]byte(l.Src)):
		ls, err := ownLesson(l.Src)
		if err != nil {
			a.notice = "The lesson in this link does not load; it is in the editor."
			a.draft, a.editing, a.editGen = l.Src, true, a.editGen+1
			a.draftErr = asScenarioError(err)
			a.showStart()
			return true
		}
		a.st.openLesson(ls, l.Stop-1, l.Quiz)
		a.showStop(l)
		return true
	case !l.View:
		a.showStart()
		return true
	}
	return false
}

// showStart shows the start page.
func (a *App) showStart() {
	a.st.openStart()
	a.sc, a.view, a.designs = nil, nil, nil
	a.query = ""
}

// showStop shows the lesson stop the state names: its scenario at its step
// under its designs, unless the link names others.
func (a *App) showStop(l linkState) {
	st := a.st.stop()
	// A new scenario draws its trees first (App.restLater); a stop on the
	// scenario already on screen only moves it.
	a.restLater = app.IsClient && !a.overPreRender && a.sc != st.Sc
	a.sc = st.Sc
	a.designs = stopDesigns(st)
	if ds := linkDesigns(l.Designs); len(ds) > 0 {
		a.designs = ds
	}
	a.step = st.S.Position
	if l.HasStep {
		a.step = l.Step
	}
	a.format = "plain"
	if validFormat(l.Format) {
		a.format = l.Format
	}
	a.refresh()
}

// stopDesigns returns a stop's designs.
func stopDesigns(st *lessonStop) []*sim.Design {
	var ds []*sim.Design
	for _, n := range st.S.Designs {
		if d, ok := sim.LookupDesign(n); ok {
			ds = append(ds, d)
		}
	}
	return ds
}

// linkDesigns returns the designs a link names that exist, each once, at most
// maxPanes.
func linkDesigns(names []string) []*sim.Design {
	var ds []*sim.Design
	for _, n := range names {
		if d, ok := sim.LookupDesign(n); ok && !slices.Contains(ds, d) && len(ds) < maxPanes {
			ds = append(ds, d)
		}
	}
	return ds
}

// unknownDesigns returns the names that are no design, for the link's notice.
func unknownDesigns(names []string) []string {
	var out []string
	for _, n := range names {
		if _, ok := sim.LookupDesign(n); !ok {
			out = append(out, n)
		}
	}
	return out
}

// moveStop moves to the stop by stops away.
func (a *App) moveStop(ctx app.Context, by int) {
	if !a.st.moveStop(by) {
		return
	}
	a.pause()
	a.showStop(linkState{})
	a.afterChange(ctx)
}

// toggleQuiz turns quiz mode on or off.
func (a *App) toggleQuiz(ctx app.Context) {
	a.st.setQuiz(!a.st.Quiz)
	a.pause()
	a.refresh()
	a.afterChange(ctx)
}

// lessonLink returns the link of the lesson view, and one's own lesson's
// text packed for it.
func (a *App) lessonLink() (linkState, string) {
	st := a.st.stop()
	l := linkState{Stop: a.st.Stop + 1, Quiz: a.st.Quiz}
	if a.step != st.S.Position {
		l.Step, l.HasStep = a.step, true
	}
	if !slices.Equal(a.designs, stopDesigns(st)) {
		for _, d := range a.designs {
			l.Designs = append(l.Designs, d.Short())
		}
	}
	if a.format != "plain" {
		l.Format = a.format
	}
	if !a.st.Lesson.Own() {
		l.Lesson = a.st.Lesson.Key
		return l, ""
	}
	packed, err := packSrc(a.st.Lesson.Src)
	if linkProblem(packed, err) != "" {
		packed = ""
	}
	return l, packed
}

// startNotice is the start page's notice: a link that named a lesson or
// view that does not exist.
func (a *App) startNotice() app.UI {
	return hidden(el("p").Class("notice").Attr("role", "alert"), a.notice == "").Text(a.notice)
}

// checkDraft parses the editor's text as what it is: a lesson (IsLesson)
// or a scenario.
func checkDraft(text string) error {
	if scenarios.IsLesson([]byte(text)) {
		_, err := ownLesson(text)
		return err
	}
	_, err := scenarios.Parse("scenario.txt", []byte(text))
	return err
}

// runLessonDraft opens the editor's lesson at its first stop.
func (a *App) runLessonDraft(ctx app.Context) {
	ls, err := ownLesson(a.draft)
	if err != nil {
		a.draftErr = asScenarioError(err)
		a.focus = "editor-error"
		a.later(ctx)
		return
	}
	a.pause()
	a.notice, a.shareMsg, a.overlay = "", "", ""
	a.st.openLesson(ls, 0, a.st.Quiz)
	a.showStop(linkState{})
	a.draftFor = a.sc
	a.shareMsg = linkProblem(packSrc(ls.Src))
	a.afterChange(ctx)
}
