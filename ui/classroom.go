package ui

// This file is the main page's line of classroom tools: the button that
// starts presenter mode, and "Embed", which shows (and copies) the <iframe>
// that puts the view on a course page.

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// renderClassroomTools is the line of classroom tools, with the embed code
// under it while it is open.
func (a *App) renderClassroomTools() app.UI {
	var code app.UI = el("div").ID("embed-code").Class("embed-code").Attr("hidden", true)
	if a.embedAt != "" {
		snippet, err := a.embedSnippet(a.embedAt)
		if err != nil {
			snippet = "No embed: " + err.Error() + "."
		}
		code = el("div").ID("embed-code").Class("embed-code").Body(
			el("label").Attr("for", "embed-snippet").
				Text(a.embedCodeHelp()),
			el("textarea").ID("embed-snippet").Class("mono").Attr("readonly", true).Attr("rows", 3).
				OnFocus(selectAll).Text(snippet),
		)
	}
	return el("div").Class("classroom").Body(
		el("button").ID("present").Class("btn small").
			Attr("aria-keyshortcuts", "p").Title("Presenter mode: the trees fill the screen (p; Esc leaves)").
			OnClick(a.onPresent).Text("Present"),
		el("button").ID("embed-button").Class("btn small").
			Attr("aria-expanded", a.embedAt != "").Attr("aria-controls", "embed-code").
			Title("Copy the <iframe> that shows this view on another page").
			OnClick(a.onEmbedCode).Text("Embed code"),
		code,
	)
}

// onEmbedCode shows the embed code of the view and copies it, or hides it.
func (a *App) onEmbedCode(ctx app.Context, e app.Event) {
	if a.embedAt != "" {
		a.embedAt = ""
		return
	}
	u := ctx.Page().URL()
	if u == nil || u.Host == "" {
		return // not in a browser: there is no origin to point to
	}
	a.embedAt = u.Scheme + "://" + u.Host
	if s, err := a.embedSnippet(a.embedAt); err == nil {
		copyText(s)
	}
}

func selectAll(ctx app.Context, e app.Event) { ctx.JSSrc().Call("select") }
