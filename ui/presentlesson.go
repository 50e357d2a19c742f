package ui

// This file is what presenter mode (present.go) shows of a lesson and its
// questions, compact enough to leave the trees their room: the lesson's
// title and stop, the stop's caption, the question and its choices (the
// answer marked once revealed), a sign while a step is hidden, and the
// difference callout cut to a few rows.

import (
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// presentDiffRows is how many rows of the difference callout presenter mode
// shows; the rest are named in one line under it. Three rows in large type
// leave two trees at 1280×720 their process names at 24 px or more
// (e2e/presenter_test.go measures it).
const presentDiffRows = 3

// renderPresentLesson is the lesson's title, stop and caption, or an empty
// slot outside a lesson.
func (a *App) renderPresentLesson() app.UI {
	st := a.st.stop()
	if st == nil {
		return el("section").Class("present-lesson").Attr("hidden", true)
	}
	k, n := a.st.Stop+1, len(a.st.Lesson.L.Stops)
	return el("section").Class("present-lesson").Attr("data-role", "lesson").
		Attr("data-stop", k).Attr("data-stops", n).Attr("aria-labelledby", "lesson-title").Body(
		el("h2").ID("lesson-title").Body(
			app.Text(a.st.Lesson.L.Title+" "),
			el("span").Class("present-stop").Text("· stop "+itoa(k)+" of "+itoa(n)),
		),
		el("p").Class("present-caption").Text(strings.Join(st.S.Caption, " ")),
	)
}

// renderPresentAsk is the question at the position with its choices, which
// can be clicked, or once revealed the choices with the model's answer
// marked. Its slot stays (hidden) when there is none.
func (a *App) renderPresentAsk() app.UI {
	v := a.view
	q := v.Ask
	if q == nil {
		return el("section").Class("present-ask").Attr("hidden", true)
	}
	head := el("p").Class("present-prompt").Body(
		el("strong").Text("Step "+itoa(v.At)+", "+q.Design.Short()+": "),
		el("span").ID("ask-prompt").Text(q.Prompt),
	)
	if !v.Revealed {
		return el("section").Class("present-ask").Attr("data-role", "question").
			Attr("aria-labelledby", "ask-prompt").Body(head, a.renderChoices())
	}
	marked := make([]app.UI, len(q.Choices))
	for i, c := range q.Choices {
		li := el("li").Class("mono").Text(c)
		switch {
		case i == q.Answer:
			li = el("li").Class("mono").Attr("data-model", true).Body(
				el("span").Class("present-mark").Text("✓ the model: "), app.Text(c))
		case i == v.Chosen:
			li = li.Attr("data-chosen", true)
		}
		marked[i] = li
	}
	return a.answerSection("present-ask answered").Body(head, el("ul").Class("choices").Body(marked...))
}

// renderHiddenSign says, while a question waits, that the step it asks
// about is not on screen yet.
func (a *App) renderHiddenSign() app.UI {
	if !a.questionWaits() {
		return el("p").Class("present-hidden").Attr("hidden", true)
	}
	return el("p").Class("present-hidden").Attr("data-role", "hidden-step").
		Text("step " + itoa(a.view.At) + " hidden until the answer (PgDn reveals it)")
}

// renderPresentCallout is the difference callout with at most
// presentDiffRows rows and a line naming the rest; nothing with one pane,
// where there is nothing to compare.
func (a *App) renderPresentCallout(held bool) app.UI {
	v := a.view
	box := el("div").Class("present-callout").Attr("data-held", held).Attr("aria-hidden", held)
	if len(v.Panes) < 2 {
		return box.Attr("hidden", true)
	}
	if len(v.Diffs) <= presentDiffRows {
		return box.Body(a.renderDiffs())
	}
	cut := *v
	cut.Diffs = v.Diffs[:presentDiffRows]
	rest := make([]string, 0, len(v.Diffs)-presentDiffRows)
	for _, d := range v.Diffs[presentDiffRows:] {
		rest = append(rest, diffWhat(d.What))
	}
	return box.Attr("data-more", len(rest)).Body(
		diffsCallout(&cut, false),
		el("p").Class("present-more").Text("+"+itoa(len(rest))+" more: "+strings.Join(rest, ", ")),
	)
}
