package ui

// This file is the reference pages: /glossary, every entry of the glossary
// (the term, what it is in plain words, the designs it belongs to and its
// source, linked where the source names an address), and /assumptions, the
// 2012 proposal's model's named assumptions A1-A12 in order, each with what
// the review message says about the point (its own words, or nothing) and
// what forklab assumes. The panes' assumption badges link to the latter's
// entries (/assumptions#A3). Both are routes of their own, pre-rendered by
// the server and written by the static export.

import (
	"sort"
	"strings"

	"forklab/scenarios"
	"forklab/sim"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Paths of the reference pages.
const (
	glossaryPath    = "/glossary"
	assumptionsPath = "/assumptions"
)

// assumptionHref is the address of assumption name's entry.
func assumptionHref(name string) string { return assumptionsPath + "#" + name }

// refPage is the frame of a reference page: a title line that leads back to
// the visualizer and to the other page, then body.
func refPage(id, title string, body ...app.UI) app.UI {
	runtime := "server"
	if app.IsClient {
		runtime = "wasm"
	}
	return app.Main().ID(id).Class("refpage").Attr("data-runtime", runtime).Body(
		el("header").Class("top").Body(
			el("div").Class("brand").Body(
				app.H1().Body(el("a").Attr("href", "/").Text("forklab")),
				el("p").Class("tagline").Text(title),
			),
			el("nav").Class("ref-nav").Attr("aria-label", "Reference pages").Body(
				el("a").Attr("href", "/").Text("the visualizer"),
				el("a").Attr("href", glossaryPath).Text("glossary"),
				el("a").Attr("href", assumptionsPath).Text("assumptions A1–A12"),
			),
		),
		el("div").Class("ref-body").Body(body...),
	)
}

// glossaryPage lists every glossary entry, by name.
type glossaryPage struct{ app.Compo }

func (p *glossaryPage) Render() app.UI {
	g := glossary()
	if g.Err != nil {
		return refPage("glossary", "Glossary", el("p").Class("notice").Attr("role", "alert").
			Text("The glossary does not parse: "+g.Err.Error()))
	}
	terms := append([]scenarios.Term(nil), g.Terms...)
	sort.SliceStable(terms, func(i, j int) bool { return sortKey(terms[i].Term) < sortKey(terms[j].Term) }) // README, "Sorting and app.wasm's size"
	entries := make([]app.UI, 0, len(terms))
	for _, t := range terms {
		source := app.UI(app.Text(t.Source))
		if u := t.SourceURL(); u != "" {
			source = el("a").Attr("href", u).Attr("rel", "noopener").Text(t.Source)
		}
		entries = append(entries, el("div").Class("gl-entry").ID(t.Term).Attr("data-role", "entry").Attr("data-entry", t.Term).Body(
			el("dt").Class("mono").Text(t.Term),
			el("dd").Class("gl-text").Text(t.Text),
			el("dd").Class("gl-designs").Text("Designs: "+designAliases(t.Designs)),
			el("dd").Class("gl-source").Body(app.Text("Source: "), source),
		))
	}
	return refPage("glossary", "Glossary: every kernel word the page shows, in plain words",
		el("h2").Text("Glossary"),
		el("p").Text(itoa(len(terms))+" entries, from scenarios/glossary/glossary.txt. "+
			"On the visualizer, each of these words explains itself where it stands: point at it, or move the keyboard focus to it."),
		el("dl").Class("glossary").Attr("data-role", "glossary").Body(entries...),
	)
}

// sortKey orders terms by name, case and leading underscores aside.
func sortKey(term string) string { return strings.ToLower(strings.TrimLeft(term, "_")) }

// assumptionsPage lists the proposal's assumptions in order.
type assumptionsPage struct{ app.Compo }

func (p *assumptionsPage) Render() app.UI {
	d, ok := sim.LookupDesign("new")
	if !ok {
		return refPage("assumptions", "Assumptions", el("p").Class("notice").Text("There is no design new."))
	}
	says, err := scenarios.ReviewOnAssumptions(d)
	if err != nil {
		return refPage("assumptions", "Assumptions", el("p").Class("notice").Attr("role", "alert").Text(err.Error()))
	}
	items := make([]app.UI, 0, len(says))
	for _, s := range says {
		quotes := []app.UI{el("p").Class("muted").Text("Nothing: the message does not speak to this point.")}
		if len(s.Quotes) > 0 {
			quotes = quotes[:0]
			for _, q := range s.Quotes {
				quotes = append(quotes, el("blockquote").Attr("data-role", "quote").Body(
					el("p").Text(q.Text),
					el("footer").Text("— "+q.Who),
				))
			}
		}
		items = append(items, el("li").ID(s.Assumption.Name).Class("as-entry").
			Attr("data-role", "assumption").Attr("data-assumption", s.Assumption.Name).Body(
			el("h3").Text(s.Assumption.Name),
			el("h4").Text("What the 2012 thread says"),
			el("div").Class("as-quotes").Body(quotes...),
			el("h4").Text("What forklab assumes"),
			el("p").Class("as-text").Body(markTerms(s.Assumption.Text, false)...),
		))
	}
	return refPage("assumptions", "Assumptions: what the 2012 proposal's model rests on",
		el("h2").Text("The proposal's assumptions, A1–A12"),
		el("p").Text("The review message of January 2012 (freebsd-current, “[ptrace] please review follow fork/exec changes”) leaves points open. "+
			"forklab's model of the proposal ("+d.String()+") fills each with a reading and names it; a pane shows the name as a badge wherever the reading decides what it shows. "+
			"Everything not named behaves as in FreeBSD 9.0. The quotations are the message's own words."),
		el("ol").Class("assumptions-list").Attr("data-role", "assumptions").Body(items...),
	)
}
