package ui

// This file maps the keyboard to the app's commands. The listener sits on the
// window (go-app-notes.md, "Routing, deep links and keyboard"); keys typed
// into a form field stay with that field, and keys with Ctrl, Alt or Meta are
// left to the browser.

import (
	"net/url"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// command is something the keyboard (or a button) asks for.
type command int

const (
	cmdNone command = iota
	cmdForward
	cmdBack
	cmdFirst
	cmdLast
	cmdPlay
	cmdHelp
	cmdClose
	cmdFaster
	cmdSlower
	cmdNextDiff
	cmdPrevDiff
	cmdThirdPane
	cmdNextFormat
	cmdPicker
	cmdEditor
	cmdNextStop // in a lesson; elsewhere the next step
	cmdPrevStop
	cmdQuiz
	cmdOrders
	cmdPresent      // enter or leave presenter mode (present.go)
	cmdReveal       // presenter mode: show the difference callout held back
	cmdStaged       // presenter mode: hold the callout back until a press, or not
	cmdKeyHint      // presenter mode: show or hide the key hint
	cmdRevealAnswer // show a waiting question's answer, no choice made (revealkey.go)
)

// keyBinding is one line of the help overlay.
type keyBinding struct {
	Keys []string // as KeyboardEvent.key values
	Show string   // how the help overlay writes them
	Cmd  command
	Does string
}

// keyBindings are the keys, in the order the help overlay lists them.
var keyBindings = []keyBinding{
	{[]string{"ArrowRight", "l"}, "→  l", cmdForward, "next step"},
	{[]string{"ArrowLeft", "h"}, "←  h", cmdBack, "previous step"},
	// PageDown and PageUp are what a presentation clicker sends.
	{[]string{"PageDown"}, "PgDn", cmdNextStop, "in a lesson: next stop (elsewhere: next step); a waiting question's answer first"},
	{[]string{"PageUp"}, "PgUp", cmdPrevStop, "in a lesson: previous stop (elsewhere: previous step)"},
	{[]string{"q"}, "q", cmdQuiz, "quiz mode on or off: predict each step before it is shown"},
	{[]string{"Home"}, "Home", cmdFirst, "first step (the start)"},
	{[]string{"End"}, "End", cmdLast, "last step"},
	{[]string{" ", "Spacebar", "k"}, "Space  or  k", cmdPlay, "play / pause"},
	{[]string{"+", "="}, "+", cmdFaster, "play faster"},
	{[]string{"-", "_"}, "−", cmdSlower, "play slower"},
	{[]string{"]"}, "]", cmdNextDiff, "next step where the designs differ"},
	{[]string{"["}, "[", cmdPrevDiff, "previous step where the designs differ"},
	{[]string{"t", "3"}, "t", cmdThirdPane, "show or hide the third pane"},
	{[]string{"f"}, "f", cmdNextFormat, "next trace format (plain, kdump, truss, strace)"},
	{[]string{"s"}, "s", cmdPicker, "choose a scenario"},
	{[]string{"e"}, "e", cmdEditor, "open or close the scenario editor"},
	{[]string{"o"}, "o", cmdOrders, "explore every order of the steps (the orders panel)"},
	{[]string{"p"}, "p", cmdPresent, "presenter mode: the trees fill the screen (Esc leaves)"},
	{[]string{"?"}, "?", cmdHelp, "this list of keys"},
	{[]string{"Escape"}, "Esc", cmdClose, "close the list, the scenario chooser or the editor"},
}

// boundKeys are the keys of keyBindings as the app's root lists them for
// static/earlyinput.js, which keeps the presses made before the program
// runs: escaped as in a URL's path (" " is a key), a space between two.
var boundKeys = func() string {
	var ks []string
	for _, b := range keyBindings {
		for _, k := range b.Keys {
			ks = append(ks, url.PathEscape(k))
		}
	}
	return strings.Join(ks, " ")
}()

// keyCommand returns the command for a key, as KeyboardEvent.key names it.
func keyCommand(key string) command {
	for _, b := range keyBindings {
		for _, k := range b.Keys {
			if k == key {
				return b.Cmd
			}
		}
	}
	return cmdNone
}

// keyEvent is what the handler needs of a keydown event.
type keyEvent struct {
	Key             string
	Ctrl, Alt, Meta bool
	Tag             string // the target's tagName, upper case
	Editable        bool   // the target is contenteditable
}

// keyFor decides what a keydown does: nothing when typing into a field (but
// Escape), when a modifier is held, or for a key with no binding. Space on a
// button is the button's own. PageDown and PageUp (a clicker's keys) step
// whatever has focus, the slider and the lists included, except in text
// being edited, where they move the caret; ← and → step from a list too,
// which keeps ↑ and ↓ to choose with. The slider keeps its arrow keys.
func keyFor(e keyEvent) command {
	if e.Ctrl || e.Alt || e.Meta {
		return cmdNone
	}
	c := keyCommand(e.Key)
	clicker := e.Key == "PageDown" || e.Key == "PageUp"
	if clicker && e.Tag != "TEXTAREA" && !e.Editable {
		return c
	}
	switch e.Tag {
	case "SELECT":
		if e.Key == "ArrowLeft" || e.Key == "ArrowRight" || c == cmdClose {
			return c
		}
		return cmdNone
	case "INPUT", "TEXTAREA":
		if c != cmdClose {
			return cmdNone
		}
	case "BUTTON", "A", "SUMMARY":
		if c == cmdPlay && (e.Key == " " || e.Key == "Spacebar") {
			return cmdNone
		}
	}
	if e.Editable && c != cmdClose {
		return cmdNone
	}
	return c
}

// readKeyEvent reads a browser keydown event.
func readKeyEvent(e app.Event) keyEvent {
	k := keyEvent{
		Key:  e.Get("key").String(),
		Ctrl: e.Get("ctrlKey").Bool(), Alt: e.Get("altKey").Bool(), Meta: e.Get("metaKey").Bool(),
	}
	if t := e.Get("target"); t.Truthy() {
		if tag := t.Get("tagName"); tag.Truthy() {
			k.Tag = tag.String()
		}
		if ed := t.Get("isContentEditable"); ed.Truthy() {
			k.Editable = ed.Bool()
		}
	}
	return k
}

// listenKeys starts listening to the keyboard and returns the function that
// stops it. The listener is a plain JavaScript callback rather than go-app's
// Window().AddEventListener, whose handlers run later on go-app's goroutine:
// this one decides while the browser dispatches the event, so that its
// preventDefault keeps Space, Home and End from scrolling the page and a key
// that opens the editor from typing into it.
func (a *App) listenKeys(ctx app.Context) func() {
	disp := ctx.Dispatcher()
	fn := app.FuncOf(func(this app.Value, args []app.Value) any {
		e := app.Event{Value: args[0]}
		k := readKeyEvent(e)
		c := a.modeKey(k, keyFor(k))
		if c == cmdNone || a.overlay != "" && c != cmdClose && c != cmdHelp {
			return nil // the overlay has the keyboard
		}
		e.PreventDefault()
		disp.Dispatch(app.Dispatch{Mode: app.Next, Source: a, Function: func(ctx app.Context) {
			a.do(ctx, c)
			if !a.drawNow(ctx) {
				ctx.Dispatch(func(app.Context) {}) // render at the next frame
			}
		}})
		return nil
	})
	app.Window().Call("addEventListener", "keydown", fn)
	return func() {
		app.Window().Call("removeEventListener", "keydown", fn)
		fn.Release()
	}
}

// dispatch runs fn on the UI goroutine in the App's context, then renders
// the App.
func (a *App) dispatch(ctx app.Context, fn func(app.Context)) {
	ctx.Dispatcher().Dispatch(app.Dispatch{Mode: app.Update, Source: a, Function: fn})
}
