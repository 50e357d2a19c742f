package ui

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// replayEarlyInput hands the program, once, the presses that
// static/earlyinput.js kept while app.wasm loaded. It waits for the first
// complete view (App.restLater), whose render draws every element a press
// may name, and for the keyboard listener (OnMount); both call it.
func (a *App) replayEarlyInput() {
	if !app.IsClient || a.replayed || a.restLater || a.removeKeys == nil {
		return
	}
	a.replayed = true
	if replay, ok := scriptFunc("static/earlyinput.js", "forklabReplayEarlyInput"); ok {
		replay.Invoke()
	}
}
