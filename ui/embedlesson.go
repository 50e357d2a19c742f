package ui

// This file is a lesson in an embed (/embed?lesson=review-2012&stop=3): the
// lesson plays as a deck. Its caption is one line (the summary of a
// <details>; opened, the whole caption over the trees), PageDown and PageUp
// move between stops, and the transport has the stop buttons beside the
// step buttons. An embed asks nothing (viewState.Deck): a frame on a course
// page has no room for a question, its choices and its answer, so the stop's
// step is shown at once, and quiz=1 is refused with a notice; the ↗ link
// opens the same view, questions and all, in forklab.

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// deckNotice makes the view state a deck and says what of the link an
// embed does not do: quiz=1, and start= or end= in a lesson (whose stops
// each name their own scenario and step), which it then drops.
func (a *App) deckNotice(e *embedding) string {
	a.st.Deck = true
	var out []string
	if a.st.Quiz {
		out = append(out, "An embed does not ask questions (quiz=1): it shows every step. Open it in forklab (↗) to be asked.")
	}
	if a.st.Mode == modeLesson && (e.Start > 0 || e.End >= 0) {
		out = append(out, "start= and end= bound a scenario's steps; this embed plays a lesson, whose stops set their own.")
		e.Start, e.End = 0, -1
	}
	return joinNotices(out...)
}

// renderEmbedCaption is the lesson's title, the stop's number and its
// caption on one line, the whole caption when opened; nothing outside a
// lesson.
func (a *App) renderEmbedCaption() app.UI {
	st := a.st.stop()
	if st == nil {
		return nil
	}
	k, n := a.st.Stop+1, len(a.st.Lesson.L.Stops)
	caption := make([]app.UI, len(st.S.Caption))
	for i, c := range st.S.Caption {
		caption[i] = el("p").Text(c)
	}
	first := ""
	if len(st.S.Caption) > 0 {
		first = st.S.Caption[0]
	}
	return el("details").ID("embed-caption").Class("embed-caption").
		Attr("data-role", "lesson").Attr("data-stop", k).Attr("data-stops", n).Body(
		el("summary").Title("Show the whole caption (Enter)").Body(
			el("strong").Text("Stop "+itoa(k)+" of "+itoa(n)+" · "),
			app.Text(first),
		),
		el("div").Class("caption").TabIndex(0).Attr("role", "region").
			Attr("aria-label", a.st.Lesson.L.Title+", stop "+itoa(k)+": what to look at").Body(
			append([]app.UI{el("p").Class("caption-title").Text(a.st.Lesson.L.Title)}, caption...)...),
	)
}

// embedStopButton is the transport's button to the stop by stops away, nil
// outside a lesson.
func (a *App) embedStopButton(by int) app.UI {
	if a.st.Mode != modeLesson {
		return nil
	}
	k, n := a.st.Stop+1, len(a.st.Lesson.L.Stops)
	if by < 0 {
		return disabled(el("button").ID("prev-stop").Class("btn small"), k == 1).
			Attr("aria-keyshortcuts", "PageUp").Title("Previous stop (PgUp)").
			OnClick(a.onStop(-1)).Text("◀ stop")
	}
	return disabled(el("button").ID("next-stop").Class("btn small"), k == n).
		Attr("aria-keyshortcuts", "PageDown").Title("Next stop (PgDn)").
		OnClick(a.onStop(1)).Text("stop ▶")
}

// embedNoStart shows a library scenario where the link would open the start
// page (it names a lesson that does not load): an embed never shows the
// start page. The notice says why the lesson is not there.
func (a *App) embedNoStart() {
	if a.st.Mode != modeStart {
		return
	}
	why := a.notice
	a.applyLink(linkState{View: true})
	a.notice = joinNotices(why, "This embed shows a library scenario instead.")
}

// embedTitle names what the embed shows, for its heading and its frame's
// title: the lesson and its stop, or the scenario.
func (a *App) embedTitle() string {
	if a.st.Mode == modeLesson {
		return "forklab: " + a.st.Lesson.L.Title + ", stop " + itoa(a.st.Stop+1) + " of " + itoa(len(a.st.Lesson.L.Stops))
	}
	return "forklab: " + a.sc.File.Title
}

// embedCodeHelp is what the main page says over the embed code: the
// parameters that apply to the view.
func (a *App) embedCodeHelp() string {
	if a.st.Mode == modeLesson {
		return "Paste this into the course page's HTML. It opens the lesson at this stop, as a deck: PgDn and PgUp move between stops, and its questions are left to forklab itself. Add &autoplay=1 to its address to play this stop's scenario on from its step, &speed= to set how fast."
	}
	return "Paste this into the course page's HTML. It opens at this step; add &start=, &end=, &autoplay=1 or &speed= to its address to bound or play it."
}
