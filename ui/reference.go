package ui

// This file is the language reference panel of the editor: every call of the
// scenario language with its syntax, an example and what it does, as
// scenarios.Reference gives them (generated from the parser's own tables),
// then every other kind of line (scenarios.LineReference).
// An error in the editor names the call of its line and opens its entry.

import (
	"strings"

	"forklab/scenarios"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// refID is the element id of a reference entry.
func refID(name string) string { return "ref-" + strings.ReplaceAll(name, " ", "-") }

// onToggleReference opens or closes the reference.
func (a *App) onToggleReference(ctx app.Context, e app.Event) {
	a.refOpen = !a.refOpen
	if a.refOpen {
		a.focus = "reference"
	}
	a.later(ctx)
}

// onShowReference opens the reference at the entry of call.
func (a *App) onShowReference(call string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		a.refOpen = true
		a.focus = refID(call)
		a.later(ctx)
	}
}

// errorCall returns the reference entry of the call on line of src, if the
// line is a step whose call the reference knows.
func errorCall(src string, line int) (scenarios.CallRef, bool) {
	ls := strings.Split(src, "\n")
	if line < 1 || line > len(ls) {
		return scenarios.CallRef{}, false
	}
	_, rest, ok := strings.Cut(ls[line-1], ":")
	if !ok {
		return scenarios.CallRef{}, false
	}
	rest, _, _ = strings.Cut(rest, "=>")
	ws := strings.Fields(rest)
	switch {
	case len(ws) == 0:
		return scenarios.CallRef{}, false
	case ws[0] == "ptrace" && len(ws) > 1:
		if r, ok := scenarios.ReferenceFor("ptrace " + ws[1]); ok {
			return r, true
		}
	}
	return scenarios.ReferenceFor(ws[0])
}

// renderErrorRef is the link from an error to the entry of its line's call.
func (a *App) renderErrorRef() app.UI {
	if a.draftErr == nil {
		return el("span")
	}
	r, ok := errorCall(a.draft, a.draftErr.Pos.Line)
	if !ok {
		return el("button").ID("error-ref").Class("btn small linklike").OnClick(a.onToggleReference).
			Text("The scenario language: every call")
	}
	return el("button").ID("error-ref").Class("btn small linklike").Attr("data-ref", r.Name).
		OnClick(a.onShowReference(r.Name)).Text("How to write " + r.Name + " (language reference)")
}

// renderReference is the reference panel, or nothing when closed.
func (a *App) renderReference() app.UI {
	if !a.refOpen {
		return el("section").ID("reference").Class("reference").Attr("hidden", true)
	}
	var rows []app.UI
	for _, r := range scenarios.Reference() {
		rows = append(rows, el("tr").ID(refID(r.Name)).TabIndex(-1).Attr("data-role", "reference-entry").Body(
			el("th").Attr("scope", "row").Class("mono").Text(r.Name),
			el("td").Class("mono").Text(r.Syntax),
			el("td").Class("mono").Text(r.Example),
			el("td").Text(r.Does),
		))
	}
	return el("section").ID("reference").Class("reference").TabIndex(-1).Attr("aria-label", "Scenario language reference").Body(
		el("div").Class("reference-head").Body(
			el("h3").Text("The scenario language: every call"),
			el("button").ID("reference-close").Class("btn small").OnClick(a.onToggleReference).Text("Close"),
		),
		el("p").Class("legend").Text("A step is ACTOR: CALL, optionally followed by => RESULT. The examples use the processes R, C (R's child) and D."),
		el("table").Body(
			tableHead("call", "syntax", "example", "what it does"),
			el("tbody").Body(rows...),
		),
		el("h4").Text("Every other line: the header, proc, results, say:, expect"),
		el("table").Body(
			tableHead("line", "syntax", "example", "what it does"),
			el("tbody").Body(lineRows()...),
		),
	)
}

// lineRows are the reference's rows for the lines that are not calls.
func lineRows() []app.UI {
	var rows []app.UI
	for _, r := range scenarios.LineReference() {
		rows = append(rows, el("tr").Attr("data-role", "reference-line").Body(
			el("th").Attr("scope", "row").Class("mono").Text(r.Name),
			el("td").Class("mono").Text(r.Syntax),
			el("td").Body(el("pre").Class("mono ref-example").Text(r.Example)),
			el("td").Text(r.Does),
		))
	}
	return rows
}
