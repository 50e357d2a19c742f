package ui

// This file holds the little the app does to the page outside go-app's
// rendering: move the trees' nodes and links (place.go), move the keyboard
// focus, keep each trace log scrolled to the current step, copy a link.
// Natively (tests, server pre-render) it does nothing.

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// later runs afterRender after the next render. It defers in the App's name,
// not the handler's: the element whose handler made the change may be gone
// after the render (a scenario card, a pane's close button), and go-app drops
// what was deferred in the name of an element no longer mounted.
func (a *App) later(ctx app.Context) {
	ctx.Dispatcher().Dispatch(app.Dispatch{Mode: app.Defer, Source: a, Function: a.afterRender})
}

// afterRender runs after the render that follows a change of state.
func (a *App) afterRender(ctx app.Context) {
	if !app.IsClient {
		return
	}
	a.placeTrees()
	a.listed = a.listed || !a.restLater
	if a.overPreRender {
		a.overPreRender = false
		finishTreeAnimations()
	}
	doc := app.Window().Get("document")
	if a.focus != "" {
		if el := doc.Call("getElementById", a.focus); el.Truthy() {
			el.Call("focus")
		}
		a.focus = ""
	}
	a.replayEarlyInput()
	if a.view == nil {
		return
	}
	a.disp = ctx.Dispatcher()
	// After the frame that shows this update has been painted: keep the
	// address current and the trace logs scrolled. Neither may delay that
	// frame, and reading the layout any earlier would force one.
	if a.afterPaint == nil {
		a.afterPaint = app.FuncOf(func(this app.Value, args []app.Value) any {
			if a.restLater {
				// The trees are on screen: compute and render the rest, then
				// come back here to scroll its trace logs.
				a.restLater = false
				a.disp.Dispatch(app.Dispatch{Mode: app.Update, Source: a, Function: a.completeView})
			}
			a.flushURL()
			scrollTraces()
			a.gc.afterPaint()
			return nil
		})
		a.nextFrame = app.FuncOf(func(this app.Value, args []app.Value) any {
			app.Window().Call("setTimeout", a.afterPaint, 0)
			return nil
		})
	}
	app.Window().Call("requestAnimationFrame", a.nextFrame)
}

// completeView computes the view again with what its first render left out
// (App.restLater) and renders it.
func (a *App) completeView(ctx app.Context) {
	a.refresh()
	a.later(ctx)
}

// finishTreeAnimations ends at once the animations that the trees' nodes
// start when go-app mounts them in place of the pre-rendered page (style.css:
// a node's body grows in, a stopped box flashes). The reader has seen the
// pre-rendered nodes do that already; without this every node would shrink
// and grow again at the moment the page becomes interactive (issue 12). A
// node that appears later still grows in: its animation starts when it is
// shown.
func finishTreeAnimations() {
	if finish, ok := scriptFunc("static/trees.js", "forklabFinishTreeAnimations"); ok {
		finish.Invoke()
	}
}

// flushURL writes the address syncURL computed, without a history entry.
func (a *App) flushURL() {
	if a.pendingURL == nil {
		return
	}
	u := a.pendingURL
	a.pendingURL = nil
	a.page.ReplaceURL(u)
}

// scrollTraces scrolls each trace log, where needed, to show its current
// step (static/traces.js).
func scrollTraces() {
	if scroll, ok := scriptFunc("static/traces.js", "forklabScrollTraces"); ok {
		scroll.Invoke()
	}
}

// copyText puts s on the clipboard, where the browser allows it.
func copyText(s string) {
	if !app.IsClient {
		return
	}
	nav := app.Window().Get("navigator")
	if cb := nav.Get("clipboard"); cb.Truthy() {
		p := cb.Call("writeText", s)
		// A refusal (no permission, no focus) must not reach the console as
		// an uncaught error; the link is shown on the page anyway.
		p.Call("catch", app.FuncOf(func(this app.Value, args []app.Value) any { return nil }))
	}
}
