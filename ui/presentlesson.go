package ui

// This file is what presenter mode (present.go) shows of a lesson and its
// questions, compact enough to leave the trees their room: the lesson's
// title and stop, the stop's caption, the question and its choices (the
// answer marked once revealed), a sign while a step is hidden, and the
// difference callout cut to a few rows.

import (
	"strings"

	"forklab/scenarios"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// presentDiffRows is how many rows of the difference callout presenter mode
// shows; the rest are named in one line under it. Three rows in large type
// leave two trees at 1280×720 their process names at 24 px or more
// (e2e/presenter_test.go measures it).
const presentDiffRows = 3

// presentSideRows is how many the column beside a lesson's panes lists.
const presentSideRows = 2

// renderPresentLesson is the lesson's title and stop, or an empty slot
// outside a lesson.
func (a *App) renderPresentLesson() app.UI {
	if a.st.stop() == nil {
		return el("section").Class("present-lesson").Attr("hidden", true)
	}
	k, n := a.st.Stop+1, len(a.st.Lesson.L.Stops)
	return el("section").Class("present-lesson").Attr("data-role", "lesson").
		Attr("data-stop", k).Attr("data-stops", n).Attr("aria-labelledby", "lesson-title").Body(
		el("h2").ID("lesson-title").Body(
			app.Text(a.st.Lesson.L.Title+" "),
			el("span").Class("present-stop").Text("· stop "+itoa(k)+" of "+itoa(n)),
		),
	)
}

// renderPresentMain is the panes and the callout; in a lesson, a column
// beside the panes holds the stop's caption, its question and the callout,
// so that the trees keep the height their names need. While a question
// waits the column holds the question instead of the callout: one idea at a
// time, and the room it needs.
func (a *App) renderPresentMain(held bool) app.UI {
	st := a.st.stop()
	if st == nil {
		return el("div").Class("present-main").Body(a.renderStagePanes(), a.renderPresentCallout(held, false))
	}
	return el("div").Class("present-main").Attr("data-side", true).Body(
		a.renderStagePanes(),
		el("div").Class("present-side").Body(
			el("p").Class("present-caption").Text(strings.Join(st.S.Caption, " ")),
			a.renderPresentAsk(),
			a.renderPresentCallout(held || a.questionWaits(), true),
		),
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

// renderPresentCallout is the difference callout with at most rows rows and
// a line naming the rest; nothing with one pane, where there is nothing to
// compare, nor in the column beside a lesson's panes while it is held. Beside a lesson's panes (side) it is a list, which a narrow
// column can hold; under the panes, the table.
func (a *App) renderPresentCallout(held, side bool) app.UI {
	v := a.view
	box := el("div").Class("present-callout").Attr("data-held", held).Attr("aria-hidden", held)
	if len(v.Panes) < 2 || side && held {
		return box.Attr("hidden", true)
	}
	rows := presentDiffRows
	if side {
		rows = presentSideRows
	}
	var rest []string
	cut := *v
	if len(v.Diffs) > rows {
		cut.Diffs = v.Diffs[:rows]
		for _, d := range v.Diffs[rows:] {
			rest = append(rest, diffWhat(d.What))
		}
		box = box.Attr("data-more", len(rest))
	}
	var diffs app.UI
	switch {
	case side:
		diffs = diffList(&cut)
	case len(rest) == 0:
		diffs = a.renderDiffs()
	default:
		diffs = diffsCallout(&cut, false)
	}
	return box.Body(diffs, app.If(len(rest) > 0,
		el("p").Class("present-more").Text("+"+itoa(len(rest))+" more: "+strings.Join(rest, ", "))))
}

// diffList is how v's panes differ, as a list: each thing that differs, then
// its value under each design.
func diffList(v *stepView) app.UI {
	if len(v.Diffs) == 0 {
		return el("div").Class("diffs same").Attr("data-role", "diffs").Attr("data-count", 0).
			Body(el("p").Text("The designs agree at this step on what an observer sees: " + scenarios.Observed + "."))
	}
	items := make([]app.UI, 0, 2*len(v.Diffs))
	for _, d := range v.Diffs {
		items = append(items, el("dt").Class("mono").Text(diffWhat(d.What)))
		for i, val := range d.Values {
			items = append(items, el("dd").Body(el("strong").Text(v.Panes[i].Design.Short()+": "), app.Text(val)))
		}
	}
	return el("div").Class("diffs").Attr("data-role", "diffs").Attr("data-count", len(v.Diffs)).Attr("role", "note").Body(
		el("p").Class("callout-title").Text("The designs differ here:").Title("Compared: "+scenarios.Observed+"."),
		el("dl").Body(items...),
	)
}
