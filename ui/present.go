package ui

// This file is presenter mode, for a lecture hall: the trees fill the screen,
// the step line, the narration and the difference callout in large type, and
// nothing else (no header, description, transport, debugger's view, trace log
// or editor). A clicker drives it: PageDown, → and Space step forward,
// PageUp and ← back. With the callout held back (r, or staged=1 in the link)
// the first press after a tree change reveals the callout, the next one
// steps: one idea at a time. ? shows the key hint, Esc leaves.
//
// present=1 in a link opens it; p and the Present button toggle it.

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// presenter is presenter mode's state.
type presenter struct {
	On     bool // presenter mode is on
	Staged bool // the callout waits for a press after the trees change
	Hint   bool // the key hint is shown
	// ShownAt is the position whose held-back callout has been revealed,
	// -1 for none.
	ShownAt int
}

// presenterKeys are the key hint's lines.
var presenterKeys = []struct{ Keys, Does string }{
	{"PgDn  →  Space", "next (a waiting question's answer first; with r: the callout first, then the next step)"},
	{"PgUp  ←", "previous step"},
	{"Home  End", "first, last step"},
	{"[  ]", "previous, next step where the designs differ"},
	{"r", "hold the callout back until a press: now "},
	{"?", "show or hide these keys"},
	{"Esc  p", "leave presenter mode"},
}

// presentKey turns a key's command into what it does in presenter mode: the
// clicker keys step (Space too), ? toggles the key hint, r holds the callout
// back, and the keys of what presenter mode hides do nothing.
func (a *App) presentKey(k keyEvent, c command) command {
	if k.Key == "r" && !k.Ctrl && !k.Alt && !k.Meta && k.Tag != "INPUT" && k.Tag != "TEXTAREA" && !k.Editable {
		return cmdStaged
	}
	switch c {
	case cmdPlay:
		if k.Tag == "BUTTON" {
			return c
		}
		c = cmdForward
	case cmdHelp:
		return cmdKeyHint
	case cmdBack, cmdPrevStop, cmdFirst, cmdLast, cmdNextDiff, cmdPrevDiff, cmdPresent, cmdClose:
		return c
	case cmdForward, cmdNextStop: // the next stop of a lesson, or step
	default:
		return cmdNone
	}
	if c = a.revealFirst(c); c != cmdRevealAnswer && a.calloutHeld() {
		return cmdReveal
	}
	return c
}

// calloutHeld reports whether presenter mode holds back the callout of the
// position shown: the designs differ there and no press has revealed it.
func (a *App) calloutHeld() bool {
	return a.present.On && a.present.Staged && a.view != nil && len(a.view.Diffs) > 0 &&
		a.present.ShownAt != a.view.N
}

// doPresent carries out presenter mode's commands.
func (a *App) doPresent(ctx app.Context, c command) {
	switch c {
	case cmdPresent:
		a.present.On = !a.present.On
		a.present.Hint = false
		a.overlay = ""
		a.pause()
		a.focus = "forklab"
		a.afterChange(ctx)
	case cmdReveal:
		a.present.ShownAt = a.view.N
	case cmdStaged:
		a.present.Staged = !a.present.Staged
		a.present.ShownAt = a.view.N // what is on screen stays on screen
		a.afterChange(ctx)
	case cmdKeyHint:
		a.present.Hint = !a.present.Hint
	}
}

func (a *App) onPresent(ctx app.Context, e app.Event) { a.do(ctx, cmdPresent) }

// renderPresenter lays out presenter mode. The one level-1 heading is there
// for screen readers only.
func (a *App) renderPresenter() []app.UI {
	v := a.view
	staged := "off"
	if a.present.Staged {
		staged = "on"
	}
	var hint app.UI = el("div").Class("present-hint").Attr("hidden", true)
	if a.present.Hint {
		rows := make([]app.UI, 0, len(presenterKeys))
		for _, k := range presenterKeys {
			does := k.Does
			if k.Keys == "r" {
				does += staged
			}
			rows = append(rows, el("li").Body(el("kbd").Text(k.Keys), app.Text(" "+does)))
		}
		hint = el("div").ID("present-hint").Class("present-hint").Attr("role", "note").
			Attr("aria-label", "Presenter keys").Body(el("ul").Body(rows...))
	}
	held := a.calloutHeld()
	return []app.UI{
		app.H1().Class("sr-only").Text("forklab, presenting: " + a.sc.File.Title),
		el("div").Class("present-top").Body(
			a.renderPresentLesson(),
			el("section").Class("present-step").Attr("aria-label", "This step").Body(
				el("p").ID("step-label").Class("present-count").Text("step "+itoa(v.N)+" / "+itoa(v.Last)),
				a.renderStepLine(),
				a.renderHiddenSign(),
			),
		),
		a.renderPresentMain(held),
		el("div").Class("present-bar").Body(
			el("span").Class("present-keys").Text("PgDn next · PgUp back · ? keys · Esc leave"),
			el("button").ID("present-exit").Class("btn small").
				Attr("aria-keyshortcuts", "Escape").Title("Leave presenter mode (Esc)").
				OnClick(a.onPresent).Text("Leave (Esc)"),
		),
		hint,
	}
}

// renderStepLine is the step the panes ran and the scenario's narration of
// it.
func (a *App) renderStepLine() app.UI {
	v := a.view
	line, text := stepText(v)
	if line != "" {
		text = line + ": " + text
	}
	says := []app.UI{el("code").ID("step-source").Class("stage-now").Text(text)}
	for _, s := range v.Says {
		says = append(says, el("p").Class("say").Text(s))
	}
	return el("div").Class("stage-line").Body(says...)
}

// renderStagePanes is the panes as presenter mode and embeds show them: the
// design's name, the line it ran where the designs run different ones, and
// the tree, which scales with its pane.
func (a *App) renderStagePanes() app.UI {
	panes := make([]app.UI, 0, len(a.view.Panes))
	for _, p := range a.view.Panes {
		var ran app.UI = el("p").Class("ran mono").Attr("data-role", "ran").Attr("hidden", true)
		if a.view.Shared == nil {
			ran = el("p").Class("ran mono").Attr("data-role", "ran").Text(p.Ran)
		}
		panes = append(panes, el("article").Class("pane stage-pane").
			Attr("data-pane", p.Index).
			Attr("data-design", p.Design.Short()).
			Attr("data-frame", p.Frame).
			Attr("aria-labelledby", "pane-title-"+itoa(p.Index)).
			Body(
				el("h2").ID("pane-title-"+itoa(p.Index)).Class("stage-title").
					Text(p.Design.Short()+" · "+p.Design.Name),
				ran,
				a.renderTree(p.Index, p.Tree, p.Design, "Processes under "+p.Design.String(), a.restLater),
			))
	}
	return el("div").Class("panes stage-panes").Attr("data-count", len(panes)).Body(panes...)
}
