package ui

// This file keeps the editor's unrun edits, per scenario, in pageStore (the
// page's one door to localStorage), so that Esc, a reload, another scenario
// and Back lose nothing; while there are unrun edits, leaving the page asks
// first (beforeunload). Run and Reset drop the scenario's draft.

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// leaveGuard is the beforeunload handler while there are unrun edits.
var leaveGuard app.Func

// draftKey is where the draft of sc is kept.
func draftKey(sc *scenario) string {
	if sc.Own() {
		return "forklab.draft.own"
	}
	return "forklab.draft." + sc.Key
}

// loadDraft puts into the editor the draft kept for the scenario on screen,
// or its text when there is none.
func (a *App) loadDraft() {
	if a.draftOf == a.sc && a.draftFor == nil {
		return // the editor holds this scenario's edits already
	}
	a.draftOf = a.sc
	if d, ok := pageStore.get(draftKey(a.sc)); ok && d != a.sc.Src {
		a.setDraft(d)
		a.editGen++
		return
	}
	a.resetDraft()
}

// keepDraft keeps the editor's text as the scenario's draft, or drops the
// draft when the text is the scenario's own.
func (a *App) keepDraft() {
	if a.sc == nil {
		return
	}
	a.draftOf = a.sc
	if a.draft == a.sc.Src {
		pageStore.del(draftKey(a.sc))
	} else {
		pageStore.set(draftKey(a.sc), a.draft)
	}
	a.guardLeaving()
}

// dropDraft forgets the draft of sc.
func (a *App) dropDraft(sc *scenario) {
	pageStore.del(draftKey(sc))
	a.guardLeaving()
}

// guardLeaving makes leaving the page ask first while the scenario on screen
// has unrun edits.
func (a *App) guardLeaving() {
	if !app.IsClient || a.sc == nil {
		return
	}
	_, dirty := pageStore.get(draftKey(a.sc))
	if !dirty {
		app.Window().Set("onbeforeunload", nil)
		return
	}
	if leaveGuard == nil {
		leaveGuard = app.FuncOf(func(this app.Value, args []app.Value) any {
			e := args[0]
			e.Call("preventDefault")
			e.Set("returnValue", "") // what older browsers read
			return nil
		})
	}
	app.Window().Set("onbeforeunload", leaveGuard)
}

// draftLink returns the address that carries the editor's text as it is, run
// or not, or "" with the reason when a link cannot hold it.
func (a *App) draftLink(ctx app.Context) (string, string) {
	packed := packSrc(a.draft)
	if len(packed) > maxLinkSrc {
		return "", tooLongMessage(len(packed))
	}
	l, _ := a.link()
	l.Scenario, l.Step = "", 0
	u := *ctx.Page().URL()
	u.RawQuery = l.query(packed)
	u.Fragment = ""
	return u.String(), ""
}
