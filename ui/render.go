package ui

// This file lays out the page. Its slots keep their place whether or not
// they have content, so that go-app updates the panes' SVG in place from step
// to step (which is what lets CSS animate the trees).

import (
	"strings"

	"forklab/scenarios"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Render lays out the page from the state and the view computed from it.
// The data-runtime attribute tells the server pre-render ("server") from the
// page that the wasm front end mounted ("wasm"); the browser tests wait for
// the latter. data-keys lists the keys the app binds (boundKeys).
func (a *App) Render() app.UI {
	a.shown = a.shown[:0]
	runtime := "server"
	if app.IsClient {
		runtime = "wasm"
	}
	main := app.Main().ID("forklab").Attr("data-runtime", runtime).Attr("data-mode", a.modeName()).
		Attr("data-keys", boundKeys).TabIndex(-1)
	if a.st.Mode == modeStart {
		return main.Body(a.header(), a.startNotice(), a.renderEditor(), a.renderStart(), a.renderOverlay())
	}
	if a.view == nil {
		return main.Body(
			a.header(),
			el("p").Class("loading").Text("Loading the scenario library…"),
		)
	}
	v := a.view
	if a.handout || a.printing {
		return a.renderHandout(main)
	}
	body := a.modeBody()
	if body == nil {
		body = []app.UI{
			a.header(),
			a.renderLessonBar(),
			&introView{App: a, Sc: a.sc, Notice: a.notice, AboutOpen: a.aboutOpen},
			a.renderEditor(),
			a.renderOrders(),
			a.renderTransport(),
			a.renderClassroomTools(),
			a.renderAsk(),
			a.renderStepBar(),
			a.renderPanes(),
		}
	}
	return main.
		Attr("data-scenario", a.scenarioID()).
		Attr("data-step", v.N).
		Attr("data-at", v.At).
		Attr("data-quiz", a.st.Quiz).
		Attr("data-last", v.Last).
		Attr("data-designs", designsKey(a.designs)).
		Attr("data-format", a.format).
		Attr("data-complete", !a.restLater).
		Body(append(body,
			a.renderOverlay(),
			el("div").ID("live").Class("sr-only").
				Attr("role", "status").Attr("aria-live", "polite").Attr("aria-atomic", "true").
				Text(v.Live),
		)...)
}

// scenarioID names the scenario on screen: its library key, or "own".
func (a *App) scenarioID() string {
	if a.sc == nil {
		return ""
	}
	if a.sc.Own() {
		return "own"
	}
	return a.sc.Key
}

// renderStepBar names the step the panes ran, the scenario's narration for
// every design, and where the designs differ, how.
func (a *App) renderStepBar() app.UI {
	v := a.view
	line, text := stepText(v)
	now := el("p").Class("now").Attr("data-shared", v.Shared != nil).Body(
		el("span").Class("lineno").Text(line),
		el("code").ID("step-source").Text(text),
	)
	says := make([]app.UI, 0, len(v.Says))
	for _, s := range v.Says {
		says = append(says, el("p").Class("say").Body(markTerms(s, false)...))
	}
	return el("section").Class("stepbar").Attr("aria-label", "This step").Body(
		el("div").Class("now-line").Body(now, renderLegend()),
		el("div").Class("says").Body(says...),
		a.renderDiffs(),
	)
}

// stepText names the step the panes ran at v: its line ("" at the start or
// where the panes ran different steps) and its call.
func stepText(v *stepView) (line, text string) {
	switch {
	case v.Shared != nil:
		return "line " + itoa(v.Shared.Pos.Line), callText(v.Shared.Source)
	case v.N == 0:
		return "", "The start: the processes the scenario declares, before any step."
	}
	return "", "Here the designs run different steps; each pane names its own."
}

// renderDiffs is the callout that says how the panes differ at this step.
func (a *App) renderDiffs() app.UI {
	return diffsCallout(a.view, a.st.Mode == modeLesson || a.st.Quiz)
}

// diffsCallout is the callout that says how the panes differ at step v;
// scrolls says that it scrolls (in a lesson or a quiz: style.css), so the
// keyboard must reach it.
func diffsCallout(v *stepView, scrolls bool) app.UI {
	if len(v.Diffs) == 0 {
		msg := "The designs agree at this step on what an observer sees: " + scenarios.Observed + "."
		if len(v.Panes) < 2 {
			msg = "One pane: nothing to compare."
		}
		return el("div").Class("diffs same").Attr("data-role", "diffs").Attr("data-count", 0).Body(el("p").Text(msg))
	}
	head := []app.UI{el("th").Attr("scope", "col").Text("what differs")}
	for _, p := range v.Panes {
		head = append(head, el("th").Attr("scope", "col").Text(p.Design.Short()))
	}
	rows := make([]app.UI, 0, len(v.Diffs))
	for _, d := range v.Diffs {
		cells := []app.UI{el("th").Attr("scope", "row").Class("mono").Text(diffWhat(d.What))}
		for _, val := range d.Values {
			cells = append(cells, el("td").Text(val))
		}
		rows = append(rows, el("tr").Body(cells...))
	}
	box := el("div").Class("diffs").Attr("data-role", "diffs").Attr("data-count", len(v.Diffs)).Attr("role", "note")
	if scrolls {
		box = box.TabIndex(0)
	}
	return box.Body(
		el("p").Class("callout-title").Text("The designs differ here in what an observer sees:").Title("Compared: "+scenarios.Observed+"."),
		el("table").Body(
			el("thead").Body(el("tr").Body(head...)),
			el("tbody").Body(rows...),
		),
	)
}

// renderOverlay is the slot of the scenario chooser and the key list.
func (a *App) renderOverlay() app.UI {
	switch a.overlay {
	case "picker":
		return a.renderPicker()
	case "help":
		return a.renderHelp()
	}
	return el("div").Class("overlay-slot").Attr("hidden", true)
}

// diffWhat drops the inline expectation from a difference's "line N: step".
func diffWhat(what string) string {
	if strings.HasPrefix(what, "line ") {
		if head, src, ok := strings.Cut(what, ": "); ok {
			return head + ": " + callText(src)
		}
	}
	return what
}
