package ui

// This file is the Save menu: the current step as SVG or PNG, the whole
// scenario as an animated GIF (with a progress bar while the worker encodes
// it), the handout, and the Markdown transcript of all panes. The files are
// made in the browser (export_browser.go), so the menu works offline and in
// the static export.

import (
	"forklab/scenarios"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// saveState is what the Save menu shows besides its buttons.
type saveState struct {
	Busy        bool   // a GIF is being made
	Done, Total int    // its frames encoded, of Total
	Msg         string // what the last save did, or why it failed
	Failed      bool
}

// renderSave is the Save menu.
func (a *App) renderSave() app.UI { return &saveMenu{App: a, S: a.save} }

// saveMenu is the Save menu; go-app skips it at a step that leaves the save
// state as it was.
type saveMenu struct {
	app.Compo
	App *App // the App whose commands the buttons run
	S   saveState
}

func (m *saveMenu) Render() app.UI {
	a, s := m.App, m.S
	button := func(id, text, label string, h app.EventHandler) app.UI {
		return disabled(el("button").ID(id).Class("btn small").Attr("aria-label", label).Title(label), s.Busy).
			OnClick(h).Text(text)
	}
	status := el("span").ID("save-status").Class("save-status").Attr("role", "status").
		Attr("data-failed", s.Failed).Text(s.Msg)
	return el("div").Class("save").Attr("role", "group").Attr("aria-labelledby", "save-label").Body(
		el("span").ID("save-label").Class("save-label").Text("Save"),
		button("save-svg", "SVG", "Save this step's trees as an SVG picture", a.onSaveSVG),
		button("save-png", "PNG", "Save this step's trees as a PNG picture", a.onSavePNG),
		button("save-gif", "GIF", "Save the whole scenario as an animated GIF, a frame per step", a.onSaveGIF),
		button("save-md", "Transcript", "Save a Markdown transcript of every pane, step by step", a.onSaveTranscript),
		button("save-handout", "Handout", "Show the handout, every step a page, to print", a.onOpenHandout),
		app.If(s.Busy, el("progress").ID("save-progress").
			Attr("max", s.Total).Attr("value", s.Done).
			Attr("aria-label", "GIF frames encoded")),
		status,
	)
}

// saveKey is the scenario's key for file names ("" for one's own).
func (a *App) saveKey() string {
	if a.sc.Own() {
		return ""
	}
	return a.sc.Key
}

// saved reports, later and on the UI goroutine, how a save went.
func (a *App) saved(disp app.Dispatcher, name string, err error) {
	disp.Dispatch(app.Dispatch{Mode: app.Update, Source: a, Function: func(ctx app.Context) {
		a.save.Busy = false
		a.save.Failed = err != nil
		if err != nil {
			a.save.Msg = "Could not save " + name + ": " + err.Error() + "."
		} else {
			a.save.Msg = "Saved " + name + "."
		}
	}})
}

func (a *App) onSaveSVG(ctx app.Context, e app.Event) {
	if !app.IsClient || a.view == nil {
		return
	}
	name := saveName(a.saveKey(), a.view.N, a.designs, "svg")
	pic := drawPicture(a.sc.File.Title, a.view, 0)
	download(name, newBlob(standaloneSVG(pic.Markup), fileType(name)))
	a.saved(ctx.Dispatcher(), name, nil)
}

func (a *App) onSavePNG(ctx app.Context, e app.Event) {
	if !app.IsClient || a.view == nil {
		return
	}
	disp := ctx.Dispatcher()
	name := saveName(a.saveKey(), a.view.N, a.designs, "png")
	pic := drawPicture(a.sc.File.Title, a.view, 0)
	rasterize(standaloneSVG(pic.Markup), pic.W, pic.H, pngScale, func(canvas app.Value, err error) {
		if err != nil {
			a.saved(disp, name, err)
			return
		}
		savePNG(canvas, name, func(err error) { a.saved(disp, name, err) })
	})
}

// onSaveGIF draws every position (all of the tallest one's height) and
// hands them to the GIF worker.
func (a *App) onSaveGIF(ctx app.Context, e app.Event) {
	if !app.IsClient || a.view == nil || a.save.Busy {
		return
	}
	disp := ctx.Dispatcher()
	name := saveName(a.saveKey(), -1, a.designs, "gif")
	title := a.sc.File.Title
	views := make([]*stepView, a.view.Last+1)
	pics := make([]picture, len(views))
	h := 0.0
	for n := range views {
		views[n] = buildView(a.sc, a.designs, n, a.format, true)
		pics[n] = drawPicture(title, views[n], 0)
		h = max(h, pics[n].H)
	}
	delays := make([]int, len(pics))
	for n := range pics {
		if pics[n].H < h {
			pics[n] = drawPicture(title, views[n], h)
		}
		delays[n] = gifDelay(pics[n].Words, n == len(pics)-1)
	}
	a.save = saveState{Busy: true, Total: len(pics), Msg: "Making " + name + "…"}
	job := &gifJob{
		pics: pics, delays: delays, name: name,
		progress: func(done, total int) {
			disp.Dispatch(app.Dispatch{Mode: app.Update, Source: a, Function: func(ctx app.Context) {
				a.save.Done, a.save.Total = done, total
				a.save.Msg = "Making " + name + ": frame " + itoa(done) + " of " + itoa(total) + "…"
			}})
		},
		finish: func(err error) { a.saved(disp, name, err) },
	}
	job.start()
}

func (a *App) onSaveTranscript(ctx app.Context, e app.Event) {
	if !app.IsClient || a.view == nil {
		return
	}
	name := saveName(a.saveKey(), -1, a.designs, "md")
	md, err := a.transcript()
	if err == nil {
		download(name, newBlob(md, fileType(name)))
	}
	a.saved(ctx.Dispatcher(), name, err)
}

// transcript is the Markdown transcript of the panes shown.
func (a *App) transcript() (string, error) {
	var runs []*scenarios.Run
	for _, rv := range a.sc.runsFor(a.designs) {
		runs = append(runs, rv.Run)
	}
	return scenarios.Transcript(a.saveKey(), runs)
}
