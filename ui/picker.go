package ui

// This file chooses the scenario: a drop-down list in the title line, and a
// chooser that lists the library grouped by tag (each scenario under its
// first tag) with every scenario's title and about: text.

import (
	"slices"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// group is one tag's scenarios.
type group struct {
	Tag     string
	Entries []libEntry
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
	slices.SortStableFunc(out, func(a, b group) int { return strings.Compare(a.Tag, b.Tag) })
	return out
}

var groupsCache []group

func libraryGroups() []group {
	if groupsCache == nil {
		groupsCache = groups()
	}
	return groupsCache
}

// renderPicker is the chooser: every scenario by tag, with title and about.
func (a *App) renderPicker() app.UI {
	cur := a.scenarioID()
	var sections []app.UI
	for _, g := range libraryGroups() {
		var cards []app.UI
		for _, e := range g.Entries {
			var tags []app.UI
			for _, t := range e.File.Tags {
				tags = append(tags, el("li").Class("tag").Text(t))
			}
			cards = append(cards, el("li").Body(
				el("button").Class("card").
					Attr("data-key", e.Key).
					Attr("aria-current", e.Key == cur).
					OnClick(a.onPickScenario(e.Key), e.Key).
					Body(
						el("span").Class("card-title").Text(e.File.Title),
						el("span").Class("card-about").Text(strings.Join(e.File.About, " ")),
						el("span").Class("card-key mono").Text(e.Key),
					),
				el("ul").Class("tags").Attr("aria-label", "tags").Body(tags...),
			))
		}
		sections = append(sections, el("section").Class("pick-group").Attr("aria-labelledby", "tag-"+g.Tag).Body(
			el("h3").ID("tag-"+g.Tag).Text(g.Tag+" ("+itoa(len(g.Entries))+")"),
			el("ul").Class("cards").Body(cards...),
		))
	}
	return a.overlayFrame("picker", "Choose a scenario", sections...)
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
