package ui

// This file is the transport: first, back, play/pause, forward, last, the
// speed, "step n / N", a scrubber with a mark on every step where the panes'
// observable results differ, the trace format, and the third pane.

import (
	"strconv"
	"strings"

	"forklab/sim"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Icon paths, 24×24.
const (
	iconFirst   = "M4 5h2.5v14H4z M13 5v14L7 12z M20 5v14l-6-7z"
	iconBack    = "M15 5v14L5 12z M16.5 5H19v14h-2.5z"
	iconPlay    = "M7 4.5v15l12.5-7.5z"
	iconPause   = "M6 5h4.5v14H6z M13.5 5H18v14h-4.5z"
	iconForward = "M5 5h2.5v14H5z M9 5v14l10-7z"
	iconLast    = "M4 5v14l6-7z M11 5v14l6-7z M17.5 5H20v14h-2.5z"
)

func icon(d string) app.UI {
	return svg("svg").Attr("viewBox", "0 0 24 24").Attr("width", "22").Attr("height", "22").
		Attr("aria-hidden", "true").Attr("focusable", "false").
		Body(svg("path").Attr("d", d).Attr("fill", "currentColor"))
}

// iconButton is one of the transport's buttons: an icon with a label and
// its key, disabled when off.
func iconButton(id, label, keys, d string, off bool, h app.EventHandler) app.UI {
	b := el("button").ID(id).Class("btn icon").
		Attr("aria-label", label).Attr("aria-keyshortcuts", keys).Title(label)
	return disabled(b, off).OnClick(h).Body(icon(d))
}

// stepButtons are first, back, play/pause, forward and last; go-app skips
// them at a step that leaves them as they were (any but the first and last).
type stepButtons struct {
	app.Compo
	App             *App // the App whose commands the buttons run
	AtFirst, AtLast bool
	Playing         bool
}

func (b *stepButtons) Render() app.UI {
	a := b.App
	return el("div").Class("buttons").Body(
		iconButton("first", "First step (Home)", "Home", iconFirst, b.AtFirst, a.onFirst),
		iconButton("back", "Previous step (←)", "ArrowLeft", iconBack, b.AtFirst, a.onBack),
		playButton(b.Playing, a.onPlay),
		iconButton("forward", "Next step (→)", "ArrowRight", iconForward, b.AtLast, a.onForward),
		iconButton("last", "Last step (End)", "End", iconLast, b.AtLast, a.onLast),
	)
}

// playButton is the play/pause button.
func playButton(playing bool, h app.EventHandler) app.UI {
	playLabel, playIcon := "Play (Space)", iconPlay
	if playing {
		playLabel, playIcon = "Pause (Space)", iconPause
	}
	return el("button").ID("play").Class("btn icon play").
		Attr("aria-label", playLabel).Attr("aria-keyshortcuts", "Space").Attr("aria-pressed", playing).Title(playLabel).
		OnClick(h).Body(icon(playIcon))
}

// renderTransport is the transport bar.
func (a *App) renderTransport() app.UI {
	v := a.view
	paneLabel, paneText := "Add a third pane (t)", "+ pane"
	if len(a.designs) >= maxPanes {
		paneLabel, paneText = "Remove the third pane (t)", "− pane"
	}
	return el("nav").Class("transport").Attr("aria-label", "Timeline").Body(
		&stepButtons{App: a, AtFirst: v.N == 0, AtLast: v.N >= v.Last, Playing: a.playing},
		&choice{ID: "speed", Label: "Speed", Options: speedOptions, Value: strconv.Itoa(a.speed), App: a},
		el("output").ID("step-label").Attr("for", "scrubber").Text("step "+itoa(v.N)+" / "+itoa(v.Last)),
		a.renderScrubber(),
		el("div").Class("buttons").Body(
			disabled(el("button").ID("prev-diff").Class("btn small").
				Attr("aria-label", "Previous step where the designs differ ([)").Attr("aria-keyshortcuts", "[").
				Title("Previous step where the designs differ ([)"),
				nextMark(v.Marks, v.N, true) < 0).OnClick(a.onPrevDiff).Text("◆◀"),
			disabled(el("button").ID("next-diff").Class("btn small").
				Attr("aria-label", "Next step where the designs differ (])").Attr("aria-keyshortcuts", "]").
				Title("Next step where the designs differ (])"),
				nextMark(v.Marks, v.N, false) < 0).OnClick(a.onNextDiff).Text("▶◆"),
		),
		&choice{ID: "format", Label: "Trace", Options: sim.Formats, Value: a.format, Keys: "f", App: a},
		el("button").ID("toggle-pane").Class("btn small").
			Attr("aria-label", paneLabel).Attr("aria-keyshortcuts", "t").Title(paneLabel).
			OnClick(a.onTogglePane).Text(paneText),
		a.renderSave(),
	)
}

// renderScrubber is the range input with the divergence marks under it.
func (a *App) renderScrubber() app.UI {
	v := a.view
	var marks []app.UI
	var diffSteps []string
	for n, m := range v.Marks {
		if !m {
			continue
		}
		diffSteps = append(diffSteps, itoa(n))
		frac := 0.0
		if v.Last > 0 {
			frac = float64(n) / float64(v.Last)
		}
		marks = append(marks, el("span").Class("mark").
			Attr("data-pos", n).
			Attr("data-current", n == v.N).
			Style("left", "calc(9px + (100% - 18px) * "+strconv.FormatFloat(frac, 'f', 4, 64)+")"))
	}
	valueText := "step " + itoa(v.N) + " of " + itoa(v.Last)
	if v.N < len(v.Marks) && v.Marks[v.N] {
		valueText += ", the designs differ"
	}
	desc := "No step where the designs differ."
	if len(diffSteps) > 0 {
		desc = "The designs differ at steps " + joinComma(diffSteps) + "."
	}
	return el("div").Class("scrub").Body(
		app.ElemSelfClosing("input").Attr("type", "range").ID("scrubber").
			Attr("min", 0).Attr("max", v.Last).Attr("step", 1).Attr("value", v.N).
			Attr("aria-label", "Step").
			Attr("aria-valuetext", valueText).
			Attr("aria-describedby", "marks-desc").
			OnInput(a.onScrub),
		el("div").Class("marks").Attr("aria-hidden", "true").Attr("data-role", "marks").Body(marks...),
		el("span").ID("marks-desc").Class("sr-only").Text(desc),
	)
}

func joinComma(s []string) string { return strings.Join(s, ", ") }

func (a *App) onFirst(ctx app.Context, e app.Event)    { a.do(ctx, cmdFirst) }
func (a *App) onBack(ctx app.Context, e app.Event)     { a.do(ctx, cmdBack) }
func (a *App) onPlay(ctx app.Context, e app.Event)     { a.do(ctx, cmdPlay) }
func (a *App) onForward(ctx app.Context, e app.Event)  { a.do(ctx, cmdForward) }
func (a *App) onLast(ctx app.Context, e app.Event)     { a.do(ctx, cmdLast) }
func (a *App) onPrevDiff(ctx app.Context, e app.Event) { a.do(ctx, cmdPrevDiff) }
func (a *App) onNextDiff(ctx app.Context, e app.Event) { a.do(ctx, cmdNextDiff) }

func (a *App) onTogglePane(ctx app.Context, e app.Event) { a.do(ctx, cmdThirdPane) }

// speedOptions are the speeds as the list shows them.
var speedOptions = func() []string {
	var out []string
	for _, s := range speeds {
		out = append(out, strconv.FormatFloat(s, 'f', -1, 64)+"×")
	}
	return out
}()

// choice is a labelled drop-down list: the speed (values are indexes into
// Options) or the trace format (values are the options).
type choice struct {
	app.Compo
	App     *App
	ID      string
	Label   string
	Keys    string
	Options []string
	Value   string
}

func (c *choice) Render() app.UI {
	opts := make([]app.UI, len(c.Options))
	for i, o := range c.Options {
		v := o
		if c.ID == "speed" {
			v = strconv.Itoa(i)
		}
		opts[i] = option(v, o, v == c.Value)
	}
	sel := el("select").ID(c.ID).OnChange(c.onChange).Body(opts...)
	if c.Keys != "" {
		sel = sel.Attr("aria-keyshortcuts", c.Keys)
	}
	return el("div").Class("field").Body(
		el("label").Attr("for", c.ID).Text(c.Label),
		sel,
	)
}

func (c *choice) onChange(ctx app.Context, e app.Event) {
	if c.ID == "speed" {
		c.App.onSpeed(ctx, e)
	} else {
		c.App.onFormat(ctx, e)
	}
}

func (a *App) onSpeed(ctx app.Context, e app.Event) {
	if i, err := strconv.Atoi(ctx.JSSrc().Get("value").String()); err == nil && i >= 0 && i < len(speeds) {
		a.speed = i
	}
}

func (a *App) onFormat(ctx app.Context, e app.Event) {
	a.setFormat(ctx, ctx.JSSrc().Get("value").String())
}

func (a *App) onScrub(ctx app.Context, e app.Event) {
	if n, err := strconv.Atoi(ctx.JSSrc().Get("value").String()); err == nil {
		a.pause()
		a.setStep(ctx, n)
	}
}
