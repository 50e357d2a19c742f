package ui

// This file is the start page of bare /: what forklab is, the lessons (one
// tagged start first, marked as the place to start), then the library by
// tag. Every entry is a link that names its view, so it opens that view
// directly and can be shared.

import (
	"slices"
	"sort"
	"strings"

	"forklab/scenarios"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// startTag marks the lesson the start page offers first.
const startTag = "start"

// renderStart lays out the start page.
func (a *App) renderStart() app.UI {
	ls, err := libraryLessons()
	var lessons []app.UI
	if err != nil {
		lessons = append(lessons, el("li").Class("error").Text("The lessons do not load: "+err.Error()))
	}
	for _, l := range startOrder(ls) {
		first := slices.Contains(l.Tags, startTag)
		lessons = append(lessons, el("li").Class("start-lesson").Attr("data-start", first).Body(
			el("a").Attr("href", "/?lesson="+lessonKey(l)).Attr("data-role", "lesson-link").Body(
				app.If(first, el("span").Class("badge start-here").Text("start here")),
				el("span").Class("card-title").Text(l.Title),
			),
			el("p").Class("card-about").Text(firstSentence(l.About)+" "+itoa(len(l.Stops))+" stops."),
		))
	}
	var groups []app.UI
	for _, g := range libraryGroups() {
		var items []app.UI
		for _, e := range g.Entries {
			items = append(items, el("li").Body(
				el("a").Attr("href", "/?scenario="+e.Key).Attr("data-role", "scenario-link").Attr("data-key", e.Key).
					Text(e.File.Title),
			))
		}
		groups = append(groups, el("section").Class("start-group").Body(
			el("h3").Text(g.Tag),
			el("ul").Body(items...),
		))
	}
	return el("section").Class("start").Attr("data-role", "start").Attr("aria-labelledby", "start-title").Body(
		el("h2").ID("start-title").Class("sr-only").Text("Start"),
		el("p").Class("start-what").Text("forklab is a model of what a Unix kernel does when a debugger follows a process through fork, vfork and exec, "+
			"run under five kernel designs: FreeBSD 9.0, the 2012 proposal, FreeBSD 9.1, FreeBSD today and Linux. "+
			"Each scenario runs side by side under two or three of them, step by step, so you can see where they part."),
		el("h2").Text("Lessons"),
		el("p").Class("start-note").Text("A lesson walks through a few scenarios stop by stop and asks you to predict what happens before it shows you. PgDn and PgUp move between stops."),
		el("ul").Class("start-lessons").Body(lessons...),
		el("h2").Text("The scenario library"),
		el("div").Class("start-library").Body(groups...),
	)
}

// startOrder puts the lessons tagged start first, the rest in path order.
func startOrder(ls []*scenarios.Lesson) []*scenarios.Lesson {
	out := slices.Clone(ls)
	sort.SliceStable(out, func(i, j int) bool { // README, "Sorting and app.wasm's size"
		return slices.Contains(out[i].Tags, startTag) && !slices.Contains(out[j].Tags, startTag)
	})
	return out
}

// firstSentence returns the about: text up to its first full stop.
func firstSentence(about []string) string {
	s := strings.Join(about, " ")
	if i := strings.Index(s, ". "); i >= 0 {
		return s[:i+1]
	}
	return s
}
