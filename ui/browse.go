package ui

// This file is Browse's filter: a search over each scenario's title, key,
// tags and about: text, and a tag to narrow to. The chooser (picker.go) is a
// component that owns the filter, so that typing renders the list alone.

import (
	"slices"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// browseFilter is what Browse shows: the scenarios matching every word of
// Query (case folded) and carrying Tag, when given.
type browseFilter struct {
	Query string
	Tag   string
}

// matches reports whether e passes the filter.
func (f browseFilter) matches(e libEntry) bool {
	if f.Tag != "" && !slices.Contains(e.File.Tags, f.Tag) {
		return false
	}
	text := strings.ToLower(strings.Join([]string{e.File.Title, e.Key, strings.Join(e.File.Tags, " "), strings.Join(e.File.About, " ")}, " "))
	for _, w := range strings.Fields(strings.ToLower(f.Query)) {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}

// libraryTags returns every tag of the library, in alphabetical order.
func libraryTags() []string {
	var tags []string
	for _, g := range libraryGroups() {
		for _, e := range g.Entries {
			for _, t := range e.File.Tags {
				if !slices.Contains(tags, t) {
					tags = append(tags, t)
				}
			}
		}
	}
	slices.Sort(tags)
	return tags
}

// browseView is Browse's body: the search box, the tags, and the scenarios
// that pass, grouped by first tag, the one on screen marked aria-current.
type browseView struct {
	app.Compo
	App     *App
	Current string // the scenario on screen
	filter  browseFilter
}

func (v *browseView) Render() app.UI {
	var tagButtons []app.UI
	for _, t := range libraryTags() {
		tagButtons = append(tagButtons, el("li").Body(el("button").Class("tag tag-filter").
			Attr("data-tag", t).Attr("aria-pressed", t == v.filter.Tag).
			OnClick(v.onTag(t), t).Text(t)))
	}
	var sections []app.UI
	shown := 0
	for _, g := range libraryGroups() {
		var cards []app.UI
		for _, e := range g.Entries {
			if !v.filter.matches(e) {
				continue
			}
			shown++
			cards = append(cards, v.card(e))
		}
		if len(cards) == 0 {
			continue
		}
		sections = append(sections, el("section").Class("pick-group").Attr("aria-labelledby", "tag-"+g.Tag).Body(
			el("h3").ID("tag-"+g.Tag).Text(g.Tag+" ("+itoa(len(cards))+")"),
			el("ul").Class("cards").Body(cards...),
		))
	}
	count := itoa(shown) + " scenarios"
	if shown == 1 {
		count = "1 scenario"
	}
	if v.filter.Tag != "" {
		count += " tagged " + v.filter.Tag
	}
	return el("div").Class("browse").Body(
		el("div").Class("browse-filter").Body(
			el("label").Attr("for", "browse-search").Text("Search"),
			app.Input().ID("browse-search").Type("search").Attr("data-role", "browse-search").
				Attr("placeholder", "title, key, tag or words of the description").
				Value(v.filter.Query).OnInput(v.onSearch),
			el("ul").Class("tags tag-filters").Attr("aria-label", "Show only a tag").Body(tagButtons...),
			el("p").Class("browse-count").Attr("role", "status").Attr("data-role", "browse-count").Text(count+"."),
		),
		el("div").Class("browse-list").Body(sections...),
	)
}

// card is one scenario of the list, its tags buttons that filter.
func (v *browseView) card(e libEntry) app.UI {
	var tags []app.UI
	for _, t := range e.File.Tags {
		tags = append(tags, el("li").Body(el("button").Class("tag tag-filter").
			Attr("data-tag", t).Attr("aria-pressed", t == v.filter.Tag).
			Attr("aria-label", "Show only "+t).OnClick(v.onTag(t), t).Text(t)))
	}
	cur := e.Key == v.Current
	b := el("button").Class("card").Attr("data-key", e.Key).OnClick(v.App.onPickScenario(e.Key), e.Key)
	if cur {
		b = b.Attr("aria-current", "true")
	}
	return el("li").Body(
		b.Body(
			el("span").Class("card-title").Text(e.File.Title),
			el("span").Class("card-about").Text(strings.Join(e.File.About, " ")),
			el("span").Class("card-key mono").Text(e.Key),
		),
		el("ul").Class("tags").Attr("aria-label", "tags").Body(tags...),
	)
}

func (v *browseView) onSearch(ctx app.Context, e app.Event) {
	v.filter.Query = ctx.JSSrc().Get("value").String()
}

// onTag narrows to tag t, or widens again when t is the tag already chosen.
func (v *browseView) onTag(t string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		if v.filter.Tag == t {
			v.filter.Tag = ""
		} else {
			v.filter.Tag = t
		}
	}
}
