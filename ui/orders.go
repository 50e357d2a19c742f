package ui

// This file is the orders panel's engine: it explores every order of the
// scenario on screen under the designs shown (scenarios.Exploration,
// docs/explorer.md), a slice at a time. A slice runs the explorer for about
// sliceBudget and then gives the browser back its thread: the next slice is a
// MessageChannel message, a task of its own, so key presses and frames are
// handled between slices. It does not use ctx.Async: go-app's Consume waits
// for every Async goroutine, and drawNow calls Consume on every key press.

import (
	"slices"
	"time"

	"forklab/scenarios"
	"forklab/sim"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// sliceBudget is how long one slice explores before it yields.
const sliceBudget = 8 * time.Millisecond

// ordersState is the orders panel: what it explores and what it found.
type ordersState struct {
	open      bool
	sc        *scenario     // the scenario explored
	designs   []*sim.Design // the designs it is explored under
	ex        []*scenarios.Exploration
	cur       int    // the exploration the next slice advances
	running   bool   // slices are scheduled
	cancelled bool   // Cancel stopped it before the end
	err       string // why the scenario cannot be explored
	gen       int    // bumped by every start and cancel: a slice of an older one does nothing
	took      time.Duration
	longest   time.Duration // the longest slice
	pickD     int           // the design (index into ex) whose chosen class is compared, or -1
	pickO     int           // the chosen class (index into Outcomes)

	ver       int          // bumped by every change the panel shows
	panel     *ordersPanel // the panel on screen, while mounted
	lastPaint time.Time    // when a slice last rendered the panel

	port app.Value // the MessageChannel port that posts the next slice
	tick app.Func  // the port's onmessage: dispatches the next slice
}

// startOrders explores the scenario on screen under the designs shown, from
// the start.
func (a *App) startOrders(ctx app.Context) {
	o := &a.orders
	o.open, o.sc, o.designs = true, a.sc, slices.Clone(a.designs)
	o.ex, o.cur, o.err, o.took, o.longest, o.cancelled = nil, 0, "", 0, 0, false
	o.pickD, o.pickO = -1, 0
	o.gen++
	o.ver++
	moves, err := scenarios.ParseMoves(a.sc.File, []byte(a.sc.Src))
	if err != nil {
		o.err, o.running = err.Error(), false
		return
	}
	for _, d := range o.designs {
		o.ex = append(o.ex, scenarios.NewExploration(a.sc.File, d, scenarios.ExploreOptions{Moves: moves}))
	}
	o.running = true
	a.scheduleSlice(ctx, o.gen)
}

// cancelOrders stops the exploration where it is; what it found stays shown.
func (a *App) cancelOrders() {
	o := &a.orders
	if o.running {
		o.running, o.cancelled = false, true
		o.gen++
		o.ver++
	}
}

// closeOrders closes the panel, stopping the exploration.
func (a *App) closeOrders() {
	a.cancelOrders()
	a.orders.open = false
}

// toggleOrders opens the panel (exploring) or closes it.
func (a *App) toggleOrders(ctx app.Context) {
	if a.orders.open {
		a.closeOrders()
		return
	}
	a.pause()
	a.startOrders(ctx)
}

// slice advances the explorations for up to budget and reports whether all
// of them are done.
func (o *ordersState) slice(budget time.Duration) bool {
	start := time.Now()
	for o.cur < len(o.ex) {
		e := o.ex[o.cur]
		for !e.Done() && time.Since(start) < budget {
			e.Advance(1)
		}
		if !e.Done() {
			break
		}
		o.cur++
	}
	o.took += time.Since(start)
	o.longest = max(o.longest, time.Since(start))
	return o.cur >= len(o.ex)
}

// paintEvery is how often the progress is drawn while the explorer runs.
const paintEvery = 100 * time.Millisecond

// runSlice is one slice on the UI goroutine: it explores, then schedules the
// next slice unless it is done or was cancelled. It redraws the panel alone
// (not the page) at the end and every paintEvery.
func (a *App) runSlice(ctx app.Context, gen int) {
	o := &a.orders
	if gen != o.gen || !o.running {
		return
	}
	done := o.slice(sliceBudget)
	if done {
		o.running = false
	}
	if done || time.Since(o.lastPaint) >= paintEvery {
		o.ver++
		o.lastPaint = time.Now()
		if p := o.panel; p != nil {
			p.Ver = o.ver
			ctx.Dispatcher().Dispatch(app.Dispatch{Mode: app.Update, Source: p, Function: func(app.Context) {}})
		}
	}
	if done {
		a.dispatch(ctx, func(app.Context) {}) // the header's button and the slot
		return
	}
	a.scheduleSlice(ctx, gen)
}

// scheduleSlice posts the next slice as a task of its own.
func (a *App) scheduleSlice(ctx app.Context, gen int) {
	if !app.IsClient {
		return // natively, tests drive the slices (ordersState.slice)
	}
	o := &a.orders
	if o.tick == nil {
		disp := ctx.Dispatcher()
		o.tick = app.FuncOf(func(this app.Value, args []app.Value) any {
			g := args[0].Get("data").Int()
			disp.Dispatch(app.Dispatch{Mode: app.Next, Source: a, Function: func(ctx app.Context) { a.runSlice(ctx, g) }})
			return nil
		})
		ch := app.Window().Get("MessageChannel").New()
		ch.Get("port1").Set("onmessage", o.tick)
		o.port = ch.Get("port2")
	}
	o.port.Call("postMessage", gen)
}

// stale reports whether the page now shows another scenario or other designs
// than the ones explored.
func (o *ordersState) stale(a *App) bool {
	return o.sc != a.sc || !slices.Equal(o.designs, a.designs)
}
