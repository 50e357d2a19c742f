package ui

// This file is the embed's difference callout, compact: one line that names
// what differs (the summary of a <details>), and the full table (render.go's
// renderDiffs) over the trees when it is opened. The trees keep the frame's
// height; the browser keeps the line keyboard-operable (Enter, Space).

import (
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// renderEmbedCallout is the embed's one-line callout with the table behind
// it.
func (a *App) renderEmbedCallout() app.UI {
	return el("details").ID("embed-callout").Class("embed-callout").Attr("data-count", len(a.view.Diffs)).Body(
		el("summary").Title("Show the differences (Enter)").Text(embedCalloutLine(a.view)),
		a.renderDiffs(),
	)
}

// embedCalloutLine is the callout's line: what differs at the step shown,
// or that nothing does.
func embedCalloutLine(v *stepView) string {
	switch {
	case len(v.Panes) < 2:
		return "One pane: nothing to compare."
	case len(v.Diffs) == 0:
		return "The designs agree here on what an observer sees."
	}
	what := make([]string, len(v.Diffs))
	for i, d := range v.Diffs {
		what[i] = diffWhat(d.What)
	}
	n := "1 thing"
	if len(v.Diffs) > 1 {
		n = itoa(len(v.Diffs)) + " things"
	}
	return "The designs differ here in " + n + ": " + strings.Join(what, " · ")
}
