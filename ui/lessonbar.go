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
				disabled(el("button").ID("next-stop").Class("btn small primary"), k == n).
					Attr("aria-keyshortcuts", "PageDown").Title("Next stop (PgDn)").
					OnClick(a.onStop(1)).Text("stop "+itoa(min(k+1, n))+" ▶"),
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
