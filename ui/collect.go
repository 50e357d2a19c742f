package ui

// Go's garbage collector runs, in the browser, on the page's only thread:
// a collection that starts in the middle of a step's render delays that
// step by as long as it takes (issue 12: with collections as Go schedules
// them, the p95 of key press to step drawn over the library was 20.8 ms;
// with none at all, 17.1 ms). So the app collects while the page is idle,
// after a step has been painted, and lets the heap grow further than Go's
// default before a collection starts on its own (library p95 20.8 → 15.7
// ms; 200 processes 61.6 → 48.6 ms). A collection takes 9 to 14 ms in
// Chromium here, much of it, by the profile, the finalizers syscall/js
// gives every string and object passed between Go and JavaScript; a key
// pressed during one waits for it, as it would had it run in the step.

import (
	"runtime"
	"runtime/debug"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// gcPercent is the heap growth, over what the last collection left, at which
// Go starts a collection on its own (GOGC; Go's default is 100). The idle
// collections come first, halfway there.
const gcPercent = 400

// idleCollector collects the garbage when the browser is idle.
type idleCollector struct {
	collect app.Func // requestIdleCallback callback
	pending bool     // a collection is asked for
}

// start raises the heap growth at which Go collects on its own.
func (c *idleCollector) start() {
	debug.SetGCPercent(gcPercent)
}

// afterPaint asks the browser for an idle moment in which to collect, if the
// heap has grown halfway to where Go would collect on its own.
func (c *idleCollector) afterPaint() {
	if c.pending {
		return
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	if m.HeapAlloc < m.NextGC/2 {
		return
	}
	if c.collect == nil {
		c.collect = app.FuncOf(func(this app.Value, args []app.Value) any {
			c.pending = false
			runtime.GC()
			return nil
		})
	}
	c.pending = true
	w := app.Window()
	if w.Get("requestIdleCallback").Truthy() {
		opts := map[string]any{"timeout": 1000} // collect within a second even if never idle
		w.Call("requestIdleCallback", c.collect, opts)
		return
	}
	w.Call("setTimeout", c.collect, 100) // Safari has no requestIdleCallback
}
