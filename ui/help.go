package ui

// This file is the help overlay: the keys, and how to read the picture.

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// renderHelp lists every key binding.
func (a *App) renderHelp() app.UI {
	rows := make([]app.UI, 0, len(keyBindings))
	for _, b := range keyBindings {
		rows = append(rows, el("tr").Body(
			el("th").Attr("scope", "row").Body(el("kbd").Text(b.Show)),
			el("td").Text(b.Does),
		))
	}
	return a.overlayFrame("help", "Keyboard keys",
		el("table").Class("keys").Body(
			el("thead").Body(el("tr").Body(
				el("th").Attr("scope", "col").Text("key"),
				el("th").Attr("scope", "col").Text("does"),
			)),
			el("tbody").Body(rows...),
		),
		el("p").Text("Keys act anywhere except while typing in a field; PageDown and PageUp (a clicker's keys) step from the slider and the lists too, and ← → from a list. Esc always closes. "+
			"Every button and list can also be reached with Tab."),
		el("h3").Text("Reading the panes"),
		el("ul").Body(
			el("li").Text("Each pane runs the same scenario under one kernel design; the timeline moves them together. A run that has ended stays on its last step."),
			el("li").Text("A mark on the scrubber, and the callout above the panes, show where what an observer sees differs between the panes."),
			el("li").Text("A node is NAME[pid] with its state. Solid lines go to the current parent (p_pptr), dashed ones to the real parent where it differs (p_oppid), orange arrows from the tracer, dotted purple lines to the process whose orphan list (p_orphans) holds it."),
			el("li").Text("Under each tree: the last wait4() result decoded, and the PT_LWPINFO record, every pl_flags bit a chip: lit when set, outlined when it changed this step, n/a when the design has no such flag."),
			el("li").Text("An assumption badge marks what the 2012 proposal's model rests on where the review message leaves a point open; it links to the list of assumptions, with what the message says on each."),
			el("li").Body(
				app.Text("A dotted line under a kernel word means it explains itself: point at it, or give it the keyboard focus (Tab; inside a trace log, the kernel events or the flag chips, ↓ and ↑ move from word to word). Esc hides the explanation. All of them are in the "),
				el("a").Attr("href", glossaryPath).Text("glossary"),
				app.Text("."),
			),
			el("li").Text("A red ✗ badge marks a step where the design breaks one of the model's invariants, such as handing one process the same child's exit status twice: a finding when that is how the design behaves (its entry in the design table says so, and why), a bug in forklab's model when it is not."),
		),
	)
}
