package ui

// This file lays out a lesson stop (docs/lessons.md): the lesson's title, which
// stop of how many, the stop's caption, and the buttons that move between stops
// (PgUp, PgDn: what a presentation clicker sends).

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// renderLessonBar is the lesson's bar, or its empty slot outside a lesson.
func (a *App) renderLessonBar() app.UI {
	st := a.st.stop()
	if st == nil {
		return el("section").Class("lesson").Attr("hidden", true)
	}
	l := a.st.Lesson
	k, n := a.st.Stop+1, len(l.L.Stops)
	title := l.L.Title
	if l.Own() {
		title += " (your lesson)"
	}
	caption := make([]app.UI, len(st.S.Caption))
	for i, c := range st.S.Caption {
		caption[i] = el("p").Text(c)
	}
	return el("section").Class("lesson").Attr("data-role", "lesson").
		Attr("data-stop", k).Attr("data-stops", n).Attr("aria-labelledby", "lesson-title").Body(
		el("div").Class("lesson-head").Body(
			el("h2").ID("lesson-title").Text(title),
			el("span").Class("lesson-count").Attr("aria-live", "polite").Text("stop "+itoa(k)+" of "+itoa(n)),
			el("span").Class("buttons").Body(
				disabled(el("button").ID("prev-stop").Class("btn small"), k == 1).
					Attr("aria-keyshortcuts", "PageUp").Title("Previous stop (PgUp)").
					OnClick(a.onStop(-1)).Text("◀ stop "+itoa(max(k-1, 1))),
				a.nextStopButton(k, n),
			),
		),
		// The caption scrolls in its box on a small screen: focusable, so that
		// the keyboard can scroll it too.
		el("div").Class("caption").TabIndex(0).Attr("role", "region").Attr("aria-label", "Stop "+itoa(k)+": what to look at").Body(caption...),
	)
}

func (a *App) onStop(by int) app.EventHandler {
	return func(ctx app.Context, e app.Event) { a.moveStop(ctx, by) }
}

// nextStopButton does what PageDown does next, and says so: while the stop's
// question waits it reveals the answer (revealkey.go), else it moves to the
// next stop.
func (a *App) nextStopButton(k, n int) app.UI {
	b := el("button").ID("next-stop").Class("btn small primary").Attr("aria-keyshortcuts", "PageDown").
		OnClick(func(ctx app.Context, e app.Event) { a.do(ctx, cmdNextStop) })
	if a.questionWaits() {
		return b.Attr("data-next", "reveal").Title("Show the model's answer, no choice made (PgDn); the next press moves on").
			Text("Reveal the answer ▶")
	}
	return disabled(b, k == n).Attr("data-next", "stop").Title("Next stop (PgDn)").Text("stop " + itoa(min(k+1, n)) + " ▶")
}
