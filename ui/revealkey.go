package ui

// This file is what the "next" press does while a question waits (quiz.go):
// it reveals the answer first, without recording a choice (a class answers
// aloud; a reader who presses on sees what they skipped), and only the press
// after it moves on. PageDown does so everywhere; in presenter mode the
// clicker's other next keys (→, Space) do too.

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// questionWaits reports whether a question on screen waits for its answer.
func (a *App) questionWaits() bool {
	return a.view != nil && a.view.Ask != nil && !a.view.Revealed
}

// revealFirst turns the next press c into cmdRevealAnswer while a question
// waits.
func (a *App) revealFirst(c command) command {
	if (c == cmdNextStop || a.present.On && c == cmdForward) && a.questionWaits() {
		return cmdRevealAnswer
	}
	return c
}

// revealNow shows the waiting question's answer and the step it hid, with
// no choice made and nothing counted in the score.
func (a *App) revealNow(ctx app.Context) {
	if !a.questionWaits() || !a.st.revealAnswer(a.step) {
		return
	}
	a.pause()
	a.refresh()
	if !a.present.On {
		a.focus = "answer"
	}
	a.afterChange(ctx)
}
