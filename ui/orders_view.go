package ui

// This file draws the orders panel: a progress bar while the explorer runs,
// then a table of design × outcome class (how many orders lead to each, what
// sets it apart, the invariants it breaks in words), and, for the class
// chosen, its example order beside the order as written (orders_compare.go).

import (
	"strconv"
	"strings"

	"forklab/scenarios"
	"forklab/sim"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

func (a *App) onToggleOrders(ctx app.Context, e app.Event) {
	a.toggleOrders(ctx)
	a.syncURL(ctx)
}

// The panel's buttons change the App's state (the header's button, the
// address): they run in the App's name, so that the App renders.
func (a *App) onCancelOrders(ctx app.Context, e app.Event) {
	a.dispatch(ctx, func(app.Context) { a.cancelOrders() })
}
func (a *App) onCloseOrders(ctx app.Context, e app.Event) {
	a.dispatch(ctx, func(ctx app.Context) {
		a.closeOrders()
		a.syncURL(ctx)
		a.focus = "toggle-orders"
		a.later(ctx)
	})
}
func (a *App) onRestartOrders(ctx app.Context, e app.Event) {
	a.dispatch(ctx, a.startOrders)
}

// onPickOutcome opens the example order of the class a row names.
func (a *App) onPickOutcome(d, o int) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		a.dispatch(ctx, func(ctx app.Context) {
			a.orders.pickD, a.orders.pickO = d, o
			a.orders.ver++
			a.focus = "order-compare"
			a.later(ctx)
		})
	}
}

// ordersPanel is the panel as a component of its own, so that the
// explorer's progress renders the panel alone, not the whole page.
type ordersPanel struct {
	app.Compo
	App *App
	Ver int // ordersState.ver: a change of the panel's state
}

// OnMount lets the explorer's slices update this panel.
func (p *ordersPanel) OnMount(ctx app.Context) { p.App.orders.panel = p }

// OnDismount stops that.
func (p *ordersPanel) OnDismount() {
	if p.App.orders.panel == p {
		p.App.orders.panel = nil
	}
}

func (p *ordersPanel) Render() app.UI { return p.App.renderOrdersBody() }

// renderOrders is the panel, or its empty slot when closed.
func (a *App) renderOrders() app.UI {
	if !a.orders.open {
		return el("section").ID("orders").Class("orders").Attr("hidden", true)
	}
	return &ordersPanel{App: a, Ver: a.orders.ver}
}

// renderOrdersBody is the open panel.
func (a *App) renderOrdersBody() app.UI {
	o := &a.orders
	state := "done"
	switch {
	case o.err != "":
		state = "error"
	case o.running:
		state = "running"
	case o.cancelled:
		state = "cancelled"
	}
	var names []string
	for _, d := range o.designs {
		names = append(names, d.Name)
	}
	head := el("div").Class("orders-head").Body(
		el("h2").Text("Every order"),
		el("p").Class("orders-what").Text("Every order of this scenario’s steps that keeps each actor’s own steps in file order, under "+
			strings.Join(names, " and ")+", grouped by outcome. Equivalent orders run once (sleep sets)."),
		el("div").Class("buttons").Body(
			hidden(el("button").ID("orders-cancel").Class("btn"), !o.running).OnClick(a.onCancelOrders).Text("Cancel"),
			hidden(el("button").ID("orders-restart").Class("btn"), o.running).
				Title("Explore the scenario on screen under the designs shown").OnClick(a.onRestartOrders).Text("Explore again"),
			el("button").ID("orders-close").Class("btn").Attr("aria-label", "Close the orders panel (o)").OnClick(a.onCloseOrders).Text("Close"),
		),
	)
	body := []app.UI{head, a.renderOrdersStatus(state)}
	// The table comes when the explorer stops: redrawing a growing table
	// at every progress step would make the slices long.
	if o.err == "" && !o.running {
		body = append(body, a.renderOutcomes())
	}
	if o.pickD >= 0 && o.pickD < len(o.ex) && o.pickO < len(o.ex[o.pickD].Outcomes) {
		body = append(body, renderCompare(o.ex[o.pickD], o.pickO))
	}
	return el("section").ID("orders").Class("orders").Attr("aria-label", "Every order").
		Attr("data-state", state).Body(body...)
}

// renderOrdersStatus is the progress bar and the line that says how far the
// exploration got.
func (a *App) renderOrdersStatus(state string) app.UI {
	o := &a.orders
	if o.err != "" {
		return el("p").Class("error").Attr("role", "alert").Text("This scenario cannot be explored: " + o.err)
	}
	runs, orders, classes := 0, uint64(0), 0
	for _, e := range o.ex {
		runs += e.Runs
		orders += e.Interleavings
		classes += len(e.Outcomes)
	}
	done := min(o.cur, len(o.ex))
	msg := ""
	switch state {
	case "running":
		msg = "Exploring " + o.ex[done].Design.Name + ": " + itoa(done) + " of " + itoa(len(o.ex)) + " designs done, " +
			itoa(runs) + " runs and " + itoa(classes) + " outcome classes so far; the table comes at the end."
	case "cancelled":
		msg = "Cancelled after " + itoa(runs) + " runs: " + itoa(done) + " of " + itoa(len(o.ex)) +
			" designs explored in full; the classes below are those found so far, and there may be others."
	default:
		msg = "Explored in " + strconv.FormatFloat(o.took.Seconds()*1000, 'f', 0, 64) + " ms: " +
			strconv.FormatUint(orders, 10) + " orders, " + itoa(runs) + " runs."
	}
	var stale app.UI = el("span")
	if o.stale(a) {
		stale = el("p").Class("notice").Text("The page now shows another scenario or other designs; Explore again explores those.")
	}
	return el("div").Class("orders-status").Body(
		el("progress").ID("orders-progress").Attr("max", len(o.ex)).Attr("value", done).
			Attr("aria-label", "Designs explored"),
		el("p").ID("orders-msg").Attr("role", "status").Attr("data-runs", runs).Attr("data-ms", o.took.Milliseconds()).Attr("data-longest-slice", o.longest.Milliseconds()).Text(msg),
		stale,
	)
}

// renderOutcomes is the table of design × outcome class.
func (a *App) renderOutcomes() app.UI {
	o := &a.orders
	var rows []app.UI
	for di, e := range o.ex {
		if len(e.Outcomes) == 0 {
			continue // not one run has ended yet
		}
		steps := e.File.Steps()
		diffSteps, diffNames := e.Differing()
		written := e.Outcomes[0]
		for oi, out := range e.Outcomes {
			var what []app.UI
			for _, i := range diffSteps {
				if oi == 0 || out.Results[i] != written.Results[i] {
					what = append(what, el("li").Class("mono").Text("line "+itoa(steps[i].Pos.Line)+": "+steps[i].Call()+" ⇒ "+shownResult(out.Results[i])))
				}
			}
			for _, i := range diffNames {
				if oi == 0 || out.Final[i] != written.Final[i] {
					what = append(what, el("li").Text(e.File.Names[i]+" ends "+out.Final[i]))
				}
			}
			if len(what) == 0 {
				what = append(what, el("li").Text("the only class found"))
			}
			label := "class " + itoa(oi+1)
			if oi == 0 {
				label += " (the written order’s)"
			}
			pick := "Show an order"
			if o.pickD == di && o.pickO == oi {
				pick = "Shown below"
			}
			rows = append(rows, el("tr").Attr("data-role", "outcome").
				Attr("data-design", e.Design.Name).Attr("data-count", strconv.FormatUint(out.Count, 10)).
				Attr("data-broken", strings.Join(out.Broken, " ")).
				Attr("data-picked", o.pickD == di && o.pickO == oi).Body(
				el("th").Attr("scope", "row").Body(el("span").Class("design").Text(e.Design.Name), el("br"), el("span").Class("class").Text(label)),
				el("td").Class("count").Text(countText(out.Count)),
				el("td").Body(el("ul").Class("differs").Body(what...)),
				el("td").Body(renderOutcomeBroken(e.Design, out)),
				el("td").Body(el("button").Class("btn small").
					Attr("aria-label", "Show "+label+" under "+e.Design.Name+" beside the written order").
					OnClick(a.onPickOutcome(di, oi)).Text(pick)),
			))
		}
	}
	return el("table").ID("outcomes").Class("outcomes").Body(
		tableHead("design, class", "orders", "what differs (class 1: where the classes differ; the others: where they differ from class 1)", "invariants broken", ""),
		el("tbody").Body(rows...),
	)
}

// countText writes how many orders lead to a class.
func countText(n uint64) string {
	s := strconv.FormatUint(n, 10)
	if n == 1 {
		return s + " order"
	}
	return s + " orders"
}

// renderOutcomeBroken says, in the words of sim.Invariants, which invariants
// the class's example run breaks and how.
func renderOutcomeBroken(d *sim.Design, out *scenarios.Outcome) app.UI {
	var items []app.UI
	seen := map[string]bool{}
	for _, f := range out.Run.Frames {
		for _, v := range f.Broken {
			if seen[v.Invariant] {
				continue
			}
			seen[v.Invariant] = true
			b := newBrokenNote(d, v)
			kind := "how this design behaves"
			if !b.Declared {
				kind = "a model bug"
			}
			items = append(items, el("li").Attr("data-invariant", b.Invariant).Attr("data-declared", b.Declared).
				Title(b.Reason()).Body(
				el("span").Class("inv-words").Text("Not so: “"+b.Text+"”"),
				el("span").Class("inv-detail").Text(" — here "+b.Detail+" ("+b.Invariant+", "+kind+")"),
			))
		}
	}
	if len(items) == 0 {
		return el("span").Class("none").Text("no invariant broken")
	}
	return el("ul").Class("broken").Body(items...)
}
