package ui

// This file lays out predict, then reveal (quiz.go): the question with its
// choices as buttons, then the answer, what was chosen and the step's
// explanation, with the score and its reset.

import (
	"slices"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// renderAsk is the question or the revealed answer at the reader's position.
// Its slot stays in place (hidden) when there is none.
func (a *App) renderAsk() app.UI {
	v := a.view
	q := v.Ask
	if q == nil {
		return el("section").Class("ask").Attr("hidden", true)
	}
	pane := "pane " + itoa(v.AskPane+1) + " (" + q.Design.Short() + ")"
	if !v.Revealed {
		return el("section").Class("ask").Attr("data-role", "question").Attr("aria-labelledby", "ask-prompt").Body(
			el("p").Class("ask-head").Body(
				el("strong").Text("Predict, then reveal · step "+itoa(v.At)+", "+pane+". "),
				el("span").ID("ask-prompt").Text(q.Prompt),
			),
			a.renderChoices(),
			a.renderAskPanes(),
			a.renderScore("Step "+itoa(v.At)+" stays hidden until you choose; PgDn reveals the answer without a choice."),
		)
	}
	var says []app.UI
	for _, s := range q.Step.Says {
		if s.Designs == nil || slices.Contains(s.Designs, q.Design.Name) {
			says = append(says, el("p").Class("say").Text(s.Text))
		}
	}
	return a.answerSection("ask answered").Body(
		el("p").Class("ask-head").Body(a.answerLine()...),
		el("div").Class("says").Body(says...),
		a.renderScore(""),
	)
}

// answerSection is the revealed answer's box, with what tests read of it:
// the model's answer, and the choice made ("" for none).
func (a *App) answerSection(class string) app.HTMLElem {
	v, q := a.view, a.view.Ask
	chosen := ""
	if v.Chosen != noChoice {
		chosen = q.Choices[v.Chosen]
	}
	return el("section").ID("answer").Class(class).TabIndex(-1).
		Attr("data-role", "answer").Attr("data-right", v.Chosen == q.Answer).
		Attr("data-answer", q.Choices[q.Answer]).Attr("data-chosen", chosen).
		Attr("aria-label", "The answer")
}

// answerLine says the revealed answer: the verdict on the choice made, or
// that none was, then the question and the model's answer.
func (a *App) answerLine() []app.UI {
	v, q := a.view, a.view.Ask
	model := []app.UI{el("span").Text(q.Prompt + " The model: "), el("code").Text(q.Choices[q.Answer])}
	if v.Chosen == noChoice {
		return append([]app.UI{el("strong").Text("Revealed. ")},
			append(model, el("span").Text(". No choice was made; the score does not count it."))...)
	}
	verdict := "Right. "
	if v.Chosen != q.Answer {
		verdict = "Not this time. "
	}
	return append([]app.UI{el("strong").Text(verdict)},
		append(model, el("span").Text(". You chose: "), el("code").Text(q.Choices[v.Chosen]), el("span").Text("."))...)
}

// renderChoices is the waiting question's choices, each a button that
// answers with it.
func (a *App) renderChoices() app.UI {
	q := a.view.Ask
	choices := make([]app.UI, len(q.Choices))
	for i, c := range q.Choices {
		choices[i] = el("li").Body(el("button").Class("btn choice mono").
			Attr("data-role", "choice").Attr("data-choice", i).
			OnClick(a.onChoose(i), i).Text(c))
	}
	return el("ul").Class("choices").Body(choices...)
}

// renderAskPanes lets the reader pick the pane quiz mode asks about, where
// the question is quiz mode's (a stop's ask: fixes its own).
func (a *App) renderAskPanes() app.UI {
	st := a.st.stop()
	if len(a.designs) < 2 || st != nil && st.S.Ask != nil && a.view.At == st.S.Position {
		return el("p").Class("ask-panes").Attr("hidden", true)
	}
	buttons := []app.UI{el("span").Text("Ask about: ")}
	for i, d := range a.designs {
		buttons = append(buttons, el("button").Class("btn small").Attr("data-role", "ask-pane").
			Attr("aria-pressed", i == a.view.AskPane).OnClick(a.onAskAbout(i), i).Text(d.Short()))
	}
	return el("p").Class("ask-panes").Body(buttons...)
}

// renderScore shows the score of the lesson or quiz scenario, with its reset.
func (a *App) renderScore(note string) app.UI {
	s := loadScore(a.scoreID())
	where := "this lesson"
	if a.st.Mode != modeLesson {
		where = "this scenario's quiz"
	}
	kept := "kept in this browser"
	if !pageStore.persistent() {
		kept = "kept until the page closes (this browser does not allow storage here)"
	}
	return el("p").Class("score").Attr("data-role", "score").Attr("data-right", s.Right).Attr("data-asked", s.Asked).Body(
		app.If(note != "", el("span").Class("ask-note").Text(note+" ")),
		el("span").Text("Score for "+where+": "+itoa(s.Right)+" of "+itoa(s.Asked)+" ("+kept+"). "),
		el("button").Class("btn small").Attr("data-role", "score-reset").OnClick(a.onResetScore).Text("Reset score"),
	)
}
