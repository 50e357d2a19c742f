package ui

// This file is the handout: every position of the scenario in order, each
// with the step the panes ran, the narration every design shares, where the
// designs differ, and the panes side by side (tree, what the debugger has
// learnt, the pane's narration and results), with no controls and a page
// break between positions (style.css, "Pictures and handouts"). The page
// shows it when the link says print=1, and for as long as the browser
// prints when its own Print is used on the stepper.

import (
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// renderHandout lays out the handout inside main.
func (a *App) renderHandout(main app.HTMLMain) app.UI {
	first := buildView(a.sc, a.designs, 0, a.format, true)
	steps := make([]app.UI, 0, first.Last+1)
	for n := 0; n <= first.Last; n++ {
		steps = append(steps, a.handoutStep(buildView(a.sc, a.designs, n, a.format, true)))
	}
	var designs []string
	for _, d := range a.designs {
		designs = append(designs, d.String())
	}
	return main.Attr("data-handout", true).
		Attr("data-scenario", a.scenarioID()).
		Attr("data-last", first.Last).
		Attr("data-designs", designsKey(a.designs)).
		Body(
			a.header(),
			el("div").Class("handout-bar").Body(
				el("p").Text("The handout: every step of this scenario, a page each. Print it with the browser's Print."),
				el("button").ID("handout-print").Class("btn").OnClick(a.onPrintHandout).Text("Print"),
				el("button").ID("handout-close").Class("btn").OnClick(a.onCloseHandout).Text("Back to the stepper"),
			),
			el("section").Class("handout").Attr("aria-labelledby", "handout-title").Body(
				el("div").Class("handout-head").Body(
					el("h2").ID("handout-title").Text(a.sc.File.Title),
					el("p").Class("about").Text(strings.Join(a.sc.File.About, " ")),
					el("p").Class("handout-designs").Text("Designs: "+joinComma(designs)+". "+itoa(first.Last)+" steps."),
				),
				el("div").Class("handout-steps").Body(steps...),
			),
		)
}

// handoutStep is one position of the handout.
func (a *App) handoutStep(v *stepView) app.UI {
	says := make([]app.UI, 0, len(v.Says))
	for _, s := range v.Says {
		says = append(says, el("p").Class("say").Text(s))
	}
	panes := make([]app.UI, 0, len(v.Panes))
	for _, p := range v.Panes {
		panes = append(panes, el("article").Class("handout-pane").Attr("data-design", p.Design.Short()).Body(
			el("h4").Text(p.Design.String()),
			el("p").Class("ran mono").Text(p.Ran),
			a.renderTree(100+v.N*maxPanes+p.Index, p.Tree, p.Design, "Processes under "+p.Design.String()+" at step "+itoa(v.N), false),
			renderDebugger(p.Dbg),
			renderNarration(p.Narr),
		))
	}
	return el("section").Class("handout-step").Attr("data-step", v.N).
		Attr("aria-label", "Step "+itoa(v.N)+" of "+itoa(v.Last)).Body(
		el("h3").Text("Step "+itoa(v.N)+" of "+itoa(v.Last)+" — "+stepLine(v)),
		el("div").Class("says").Body(says...),
		diffsCallout(v, false),
		el("div").Class("handout-panes").Attr("data-count", len(panes)).Body(panes...),
	)
}

// showHandout shows the handout (on) or the stepper, and keeps the address
// saying which.
func (a *App) showHandout(ctx app.Context, on bool) {
	a.pause()
	a.handout = on
	a.focus = "forklab"
	a.afterChange(ctx)
}

func (a *App) onOpenHandout(ctx app.Context, e app.Event)  { a.showHandout(ctx, true) }
func (a *App) onCloseHandout(ctx app.Context, e app.Event) { a.showHandout(ctx, false) }

func (a *App) onPrintHandout(ctx app.Context, e app.Event) {
	if app.IsClient {
		app.Window().Call("print")
	}
}

// listenPrint makes the browser's own Print print the handout: before it
// lays out the page for printing, the handout is rendered, and after, the
// stepper comes back. beforeprint's changes must be in the DOM when its
// listener returns, so the listener waits while the UI goroutine makes the
// change and renders it at once (drawNow). It returns the function that
// stops listening.
func (a *App) listenPrint(ctx app.Context) func() {
	disp := ctx.Dispatcher()
	set := func(on bool) app.Func {
		return app.FuncOf(func(this app.Value, args []app.Value) any {
			done := make(chan struct{})
			disp.Dispatch(app.Dispatch{Mode: app.Next, Source: a, Function: func(ctx app.Context) {
				defer close(done)
				if on {
					a.pause()
				}
				a.printing = on
				a.later(ctx) // as after every render that changes the trees (placeTrees)
				if !a.drawNow(ctx) {
					ctx.Dispatch(func(app.Context) {}) // render at the next frame
				}
			}})
			<-done
			return nil
		})
	}
	before, after := set(true), set(false)
	app.Window().Call("addEventListener", "beforeprint", before)
	app.Window().Call("addEventListener", "afterprint", after)
	return func() {
		app.Window().Call("removeEventListener", "beforeprint", before)
		app.Window().Call("removeEventListener", "afterprint", after)
		before.Release()
		after.Release()
	}
}
