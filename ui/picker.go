package ui

// This file chooses the scenario: a drop-down list in the title line, and a
// chooser that lists the library grouped by tag (each scenario under its
// first tag) with every scenario's title and about: text (browse.go).

import (
	"slices"
	"sort"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// group is one tag's scenarios.
type group struct {
	Tag     string
	Entries []libEntry
}

// optgroup is g as a group of the scenario list, current's option selected:
// markup, as the list is most of the title line's elements (tracelog.go).
func (g group) optgroup(current string) string {
	var b strings.Builder
	b.WriteString(`<optgroup label="` + escapeMarkup(g.Tag) + `">`)
	for _, e := range g.Entries {
		b.WriteString(`<option value="` + escapeMarkup(e.Key) + `"`)
		if e.Key == current {
			b.WriteString(` selected`)
		}
		b.WriteString(`>` + escapeMarkup(e.File.Title) + `</option>`)
	}
	b.WriteString(`</optgroup>`)
	return b.String()
}

// groups returns the library grouped by first tag, tags in alphabetical
// order, scenarios in path order: headers only (libraryIndex), for lists.
func groups() []group {
	es, _ := libraryIndex()
	var out []group
	for _, e := range es {
		i := slices.IndexFunc(out, func(g group) bool { return g.Tag == e.Group })
		if i < 0 {
			out = append(out, group{Tag: e.Group})
			i = len(out) - 1
		}
		out[i].Entries = append(out[i].Entries, e)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Tag < out[j].Tag }) // README, "Sorting and app.wasm's size"
	return out
}

var groupsCache []group

func libraryGroups() []group {
	if groupsCache == nil {
		groupsCache = groups()
	}
	return groupsCache
}

// renderPicker is the chooser: every scenario by tag, with title and about,
// filtered (browse.go).
func (a *App) renderPicker() app.UI {
	return a.overlayFrame("picker", "Choose a scenario", &browseView{App: a, Current: a.scenarioID()})
}

// overlayFrame is a modal dialog around body.
func (a *App) overlayFrame(which, title string, body ...app.UI) app.UI {
	return el("div").Class("overlay").Attr("data-overlay", which).OnClick(a.onOverlayBackdrop).Body(
		el("div").ID("overlay").Class("overlay-panel").
			Attr("role", "dialog").Attr("aria-modal", "true").Attr("aria-labelledby", "overlay-title").
			TabIndex(-1).
			OnClick(stopPropagation).
			Body(
				el("div").Class("overlay-head").Body(
					el("h2").ID("overlay-title").Text(title),
					el("button").ID("overlay-close").Class("btn").Attr("aria-label", "Close (Esc)").Title("Close (Esc)").
						OnClick(a.onCloseOverlay).Text("✕"),
				),
				el("div").Class("overlay-body").Body(body...),
			),
	)
}

func stopPropagation(ctx app.Context, e app.Event) { e.Call("stopPropagation") }

func (a *App) onOpenPicker(ctx app.Context, e app.Event) { a.openOverlay(ctx, "picker") }
func (a *App) onOpenHelp(ctx app.Context, e app.Event)   { a.openOverlay(ctx, "help") }
func (a *App) onCloseOverlay(ctx app.Context, e app.Event) {
	a.closeOverlay(ctx)
}
func (a *App) onOverlayBackdrop(ctx app.Context, e app.Event) { a.closeOverlay(ctx) }

func (a *App) onPickScenario(key string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		a.openScenario(ctx, key)
		a.focus = "forklab"
	}
}

func (a *App) onScenarioSelect(ctx app.Context, e app.Event) {
	key := ctx.JSSrc().Get("value").String()
	if key == "own" || key == a.scenarioID() {
		return
	}
	a.openScenario(ctx, key)
}
