package ui

// This file is the scenario editor: the text of the scenario on screen,
// editable, parsed as you type with the first error shown at its line and
// column, and Run, which shows it in the panes. One's own scenario travels in
// the address (src=, compressed), up to maxLinkSrc characters.

import (
	"errors"
	"strings"

	"forklab/scenarios"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// asScenarioError returns err as a *scenarios.Error, wrapping one that is not.
// It follows Unwrap itself: errors.As would link reflection's type
// comparisons into app.wasm (about 20 KB) for this one call.
func asScenarioError(err error) *scenarios.Error {
	for e := err; e != nil; e = errors.Unwrap(e) {
		if se, ok := e.(*scenarios.Error); ok {
			return se
		}
	}
	return &scenarios.Error{Pos: scenarios.Pos{Line: 1, Col: 1}, Msg: err.Error()}
}

// resetDraft puts the text of the scenario on screen into the editor.
func (a *App) resetDraft() {
	a.draft, a.draftFor, a.draftErr = a.sc.Src, a.sc, nil
	a.editGen++
}

// toggleEditor opens or closes the editor.
func (a *App) toggleEditor(ctx app.Context) {
	a.editing = !a.editing
	if a.editing {
		a.loadDraft()
		a.focus = "editor-text"
	} else {
		a.focus = "toggle-editor"
	}
	a.pause()
	a.later(ctx)
}

func (a *App) onToggleEditor(ctx app.Context, e app.Event) { a.toggleEditor(ctx) }
func (a *App) onCloseEditor(ctx app.Context, e app.Event) {
	if a.editing {
		a.toggleEditor(ctx)
	}
}

// onDraftInput parses the text as it is typed.
func (a *App) onDraftInput(ctx app.Context, e app.Event) {
	a.setDraft(ctx.JSSrc().Get("value").String())
	a.keepDraft()
}

// setDraft takes a new editor text and parses it.
func (a *App) setDraft(text string) {
	a.draft = text
	a.draftFor = nil // edited: no longer the text of a scenario on screen
	a.draftErr = nil
	if err := checkDraft(text); err != nil {
		a.draftErr = asScenarioError(err)
	}
}

// onRun shows the editor's text in the panes.
func (a *App) onRun(ctx app.Context, e app.Event) { a.runDraft(ctx) }

func (a *App) runDraft(ctx app.Context) {
	if scenarios.IsLesson([]byte(a.draft)) {
		a.runLessonDraft(ctx)
		return
	}
	f, err := scenarios.Parse("scenario.txt", []byte(a.draft))
	if err != nil {
		a.draftErr = asScenarioError(err)
		a.focus = "editor-error"
		a.later(ctx)
		return
	}
	sc := newScenario("", f, a.draft)
	a.dropDraft(a.sc)
	a.load(ctx, sc)
	a.draftFor = sc
	a.shareMsg = linkProblem(sc.packed())
}

// onReset puts the scenario on screen back into the editor.
func (a *App) onReset(ctx app.Context, e app.Event) {
	a.dropDraft(a.sc)
	a.resetDraft()
	a.focus = "editor-text"
	a.later(ctx)
}

// onCopyLink copies the address of the view.
func (a *App) onCopyLink(ctx app.Context, e app.Event) {
	if a.editing && a.draft != a.sc.Src {
		u, why := a.draftLink(ctx)
		if u == "" {
			a.shareMsg = why
			return
		}
		copyText(u)
		a.shareMsg = "A link to the text in the editor, not run yet (copied, where the browser allows it): " + u
		return
	}
	if a.sc.Own() {
		if why := linkProblem(a.sc.packed()); why != "" {
			a.shareMsg = why
			return
		}
	}
	u := a.shareURL(ctx)
	copyText(u)
	a.shareMsg = "The link to this view (copied, where the browser allows it): " + u
}

// renderEditor is the editor, or its empty slot when closed. The open editor
// is a function of its own: the wasm engine compiles a function on its first
// call, and the first view, with the editor closed, then compiles only this.
func (a *App) renderEditor() app.UI {
	if !a.editing {
		return el("section").ID("editor").Class("editor").Attr("hidden", true)
	}
	return a.renderOpenEditor()
}

// renderOpenEditor is the open editor: its buttons, status, reference and
// the text with a gutter of line numbers.
func (a *App) renderOpenEditor() app.UI {
	lines := strings.Count(a.draft, "\n") + 1
	errLine := 0
	if a.draftErr != nil {
		errLine = a.draftErr.Pos.Line
	}
	gutter := make([]app.UI, lines)
	for i := range gutter {
		li := el("li").Text(itoa(i + 1))
		if i+1 == errLine {
			li = el("li").Attr("data-error", true).Title(a.draftErr.Msg).Text(itoa(i+1) + " ⚠")
		}
		gutter[i] = li
	}
	ta := el("textarea").ID("editor-text").Class("mono").
		Attr("rows", lines+1).
		Spellcheck(false).
		Attr("wrap", "off").
		Attr("aria-label", "Scenario text").
		Attr("aria-describedby", "editor-status").
		Attr("aria-invalid", a.draftErr != nil).
		OnInput(a.onDraftInput).
		Text(a.draft)
	// A new generation gets a new element, so the textarea shows the text
	// loaded into it rather than what was typed into the old one.
	var box app.UI = el("div").Class("editor-text").Body(ta)
	if a.editGen%2 == 1 {
		box = el("span").Class("editor-text").Body(ta)
	}
	var status []app.UI
	if e := a.draftErr; e != nil {
		status = append(status,
			el("p").ID("editor-error").Class("error").TabIndex(-1).
				Attr("data-line", e.Pos.Line).Attr("data-col", e.Pos.Col).
				Text("Line "+itoa(e.Pos.Line)+", column "+itoa(e.Pos.Col)+": "+e.Msg),
			el("pre").Class("error-at mono").Attr("aria-hidden", "true").Text(errorExcerpt(a.draft, e.Pos.Line, e.Pos.Col)),
			a.renderErrorRef(),
		)
	} else {
		status = append(status, el("p").Class("ok").Text("No errors. Run shows it in the panes."))
	}
	return el("section").ID("editor").Class("editor").Attr("aria-label", "Scenario editor").Body(
		el("div").Class("editor-head").Body(
			el("h2").Text("Scenario text"),
			el("div").Class("buttons").Body(
				disabled(el("button").ID("editor-run").Class("btn primary"), a.draftErr != nil).
					Title("Run this text in the panes").OnClick(a.onRun).Text("Run"),
				el("button").ID("editor-copy").Class("btn").
					Title("Copy a link to the view; your own scenario travels in the link").OnClick(a.onCopyLink).Text("Copy link"),
				el("button").ID("editor-reset").Class("btn").
					Title("Put the text of the scenario on screen back").OnClick(a.onReset).Text("Reset"),
				el("button").ID("editor-help").Class("btn").Attr("aria-expanded", a.refOpen).Attr("aria-controls", "reference").
					Title("Every call of the scenario language, with its syntax and an example").OnClick(a.onToggleReference).Text("Language"),
				el("button").ID("editor-close").Class("btn").Attr("aria-label", "Close the editor (Esc)").
					OnClick(a.onCloseEditor).Text("Close"),
			),
		),
		el("div").ID("editor-status").Attr("role", "status").Body(status...),
		hidden(el("p").ID("share-msg").Class("share").Attr("role", "status"), a.shareMsg == "").Text(a.shareMsg),
		a.renderReference(),
		el("div").Class("editor-body").Body(
			el("ol").Class("gutter mono").Attr("aria-hidden", "true").Body(gutter...),
			box,
		),
	)
}

// errorExcerpt is the line of an error with a caret under its column.
func errorExcerpt(src string, line, col int) string {
	ls := strings.Split(src, "\n")
	if line < 1 || line > len(ls) {
		return ""
	}
	l := ls[line-1]
	pad := []rune(l)
	col = min(max(col, 1), len(pad)+1)
	var caret strings.Builder
	for _, r := range pad[:col-1] {
		if r == '\t' {
			caret.WriteByte('\t')
		} else {
			caret.WriteByte(' ')
		}
	}
	caret.WriteByte('^')
	return l + "\n" + caret.String()
}
