package ui

// This file lays out the design panes side by side: per pane, a design
// chooser, which line it just ran, the process tree, the debugger's view,
// the narration and the trace log.

import (
	"strings"
	"sync"

	"forklab/sim"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// renderPanes lays the panes out side by side.
func (a *App) renderPanes() app.UI {
	panes := make([]app.UI, 0, len(a.view.Panes))
	for _, p := range a.view.Panes {
		panes = append(panes, a.renderPane(p))
	}
	return el("div").Class("panes").Attr("data-count", len(panes)).Body(panes...)
}

// renderLegend says how the tree's lines are drawn. It is the same at every
// step, and written as markup once: one go-app node, not 24 (tracelog.go).
func renderLegend() app.UI { return app.Raw(legendMarkup()) }

var legendMarkup = sync.OnceValue(func() string {
	var b strings.Builder
	b.WriteString(`<ul class="legend" ` + termGroupAttrs("How the tree is drawn") + `>`)
	for _, it := range []struct{ kind, text string }{
		{"parent", "parent (p_pptr)"},
		{"realparent", "real parent (p_oppid)"},
		{"tracer", "tracer"},
		{"orphan", "orphan list (p_orphans)"},
	} {
		// The label is one element: in the item's flex row, a text of its
		// own would lose its spaces at either end ("orphanlist").
		b.WriteString(`<li><svg viewBox="0 0 36 10" width="36" height="10" aria-hidden="true" focusable="false" data-role="legend">`)
		b.WriteString(`<path d="M1 5 L35 5" data-role="edge" data-kind="` + it.kind + `" data-visible="true"></path></svg><span>`)
		writeSegs(&b, splitTerms(it.text, true), true)
		b.WriteString(`</span></li>`)
	}
	b.WriteString(`<li class="ref-links"><a href="` + glossaryPath + `">glossary</a> · <a href="` + assumptionsPath + `">assumptions</a></li></ul>`)
	return b.String()
})

// renderPane draws one pane.
func (a *App) renderPane(p *paneView) app.UI {
	d := p.Design
	var badges []app.UI
	if !p.InFile {
		badges = append(badges, el("span").Class("badge warn").
			Title("The scenario's designs: line does not name this design: its expectations may not hold here.").
			Text("not written for "+d.Short()))
	}
	for _, b := range p.Narr.Broken {
		cls, text := "badge broken", "✗ "+b.Invariant
		if !b.Declared {
			cls, text = "badge bug", "✗ model bug: "+b.Invariant
		}
		badges = append(badges, el("span").Class(cls).Attr("data-role", "broken-badge").
			Attr("data-invariant", b.Invariant).Title(b.Head()+". "+b.Reason()).Text(text))
	}
	if p.Ended || p.Frame == p.Frames-1 && p.Frames > 1 {
		text := "run ended"
		if len(a.sc.run(d).Run.Deadlock) > 0 {
			text = "deadlock"
		}
		badges = append(badges, el("span").Class("badge end").Attr("data-role", "ended").Text(text))
	}
	caption := "Processes under " + d.String()
	return el("article").Class("pane").
		Attr("data-pane", p.Index).
		Attr("data-design", d.Short()).
		Attr("data-frame", p.Frame).
		Attr("data-ended", p.Ended).
		Attr("aria-labelledby", "pane-title-"+itoa(p.Index)).
		Body(
			el("header").Class("pane-head").Body(
				el("div").Class("pane-title").Body(
					el("h3").ID("pane-title-"+itoa(p.Index)).Class("sr-only").Text("Pane "+itoa(p.Index+1)+": "+d.String()),
					&designSelect{App: a, Pane: p.Index, Design: d.Short()},
					el("span").Class("badges").Body(badges...),
					app.If(len(a.designs) > 1, el("button").Class("btn small close").
						Attr("aria-label", "Remove this pane ("+d.Short()+")").Title("Remove this pane").
						OnClick(a.onRemovePane(p.Index), p.Index).Text("✕")),
				),
				el("p").Class("ran mono").Attr("data-role", "ran").Text(p.Ran),
				el("p").Class("desc").Title(d.Description).Text(d.Description),
			),
			a.renderTree(p.Index, p.Tree, d, caption, a.restLater),
			&debuggerPanel{V: &p.Dbg, Later: a.restLater},
			a.narration(p),
			&traceView{App: a, Pane: p.Index, Log: p.Trace, Cur: p.Frame, SeenTo: a.view.SeenTo, Later: a.restLater},
		)
}

// designSelect chooses a pane's design.
type designSelect struct {
	app.Compo
	App    *App
	Pane   int
	Design string // the alias shown
}

func (s *designSelect) Render() app.UI {
	var opts []app.UI
	for _, d := range sim.Designs() {
		opts = append(opts, option(d.Short(), d.Short()+" · "+d.Name, d.Short() == s.Design))
	}
	id := "design-" + itoa(s.Pane)
	return el("span").Class("design-choice").Body(
		el("label").Attr("for", id).Class("sr-only").Text("Design of pane "+itoa(s.Pane+1)),
		el("select").ID(id).Class("design-select").OnChange(s.onChange).Body(opts...),
	)
}

func (s *designSelect) onChange(ctx app.Context, e app.Event) {
	if d, ok := sim.LookupDesign(ctx.JSSrc().Get("value").String()); ok {
		s.App.setDesign(ctx, s.Pane, d)
	}
}

func (a *App) onRemovePane(i int) app.EventHandler {
	return func(ctx app.Context, e app.Event) { a.removePane(ctx, i) }
}

// narration is the pane's narration, or its empty place until restLater.
func (a *App) narration(p *paneView) app.UI {
	if a.restLater {
		return el("section").Class("narration").Attr("data-role", "narration")
	}
	return renderNarration(p.Narr)
}
