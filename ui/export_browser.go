package ui

// This file is the browser's half of the Save menu: it turns the pictures
// export.go draws into files. An SVG is the picture with the page's styles
// inlined (computed in a hidden, unanimated copy, then written as
// presentation attributes), so that it renders on its own; a PNG is that SVG
// drawn on a canvas (the browser's own encoder, canvas.toBlob); a GIF is a
// canvas frame a position, encoded by static/gif-worker.js in a Web Worker
// that starts only when asked. app.wasm has no image encoder. Natively
// (tests, the server's pre-render) none of it runs.

import (
	"errors"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// gifWorkerURL is the GIF encoder's script (static/gif-worker.js).
const gifWorkerURL = "/web/gif-worker.js"

// pngScale draws a PNG at twice the picture's size, for slides.
const pngScale = 2

// inlinedProps are the style properties a saved SVG carries; the inherited
// ones are written only where they differ from the parent's.
var inlinedProps = []struct {
	name      string
	inherited bool
}{
	{"fill", true}, {"fill-opacity", true}, {"stroke", true}, {"stroke-width", true},
	{"stroke-dasharray", true}, {"stroke-linecap", true}, {"stroke-opacity", true},
	{"font-family", true}, {"font-size", true}, {"font-weight", true}, {"text-anchor", true},
	{"opacity", false},
}

// standaloneSVG returns markup, an <svg> element styled by the page's style
// sheet, as an SVG document with those styles inlined: elements the style
// sheet hides are left out, and CSS transforms become transform attributes.
func standaloneSVG(markup string) string {
	doc := app.Window().Get("document")
	host := doc.Call("createElement", "div")
	host.Call("setAttribute", "data-role", "export-host")
	host.Call("setAttribute", "aria-hidden", "true")
	host.Set("innerHTML", markup)
	doc.Get("body").Call("appendChild", host)
	defer host.Call("remove")

	root := host.Get("firstElementChild")
	win := app.Window()
	type styled struct {
		el   app.Value
		vals map[string]string
	}
	computed := func(e app.Value) map[string]string {
		cs := win.Call("getComputedStyle", e)
		m := map[string]string{"display": cs.Get("display").String(), "transform": cs.Get("transform").String()}
		for _, p := range inlinedProps {
			m[p.name] = cs.Call("getPropertyValue", p.name).String()
		}
		return m
	}
	// Read every element's style before writing any: an attribute written
	// on a parent must not change what its children compute.
	all := root.Call("querySelectorAll", "*")
	rootVals := computed(root)
	els := make([]styled, all.Length())
	for i := range els {
		e := all.Index(i)
		e.Call("setAttribute", "data-export", itoa(i))
		els[i] = styled{el: e, vals: computed(e)}
	}
	parentVals := func(e app.Value) map[string]string {
		p := e.Get("parentElement")
		if i, err := strconv.Atoi(p.Call("getAttribute", "data-export").String()); err == nil && i >= 0 && i < len(els) {
			return els[i].vals
		}
		return rootVals
	}
	for _, p := range inlinedProps {
		if p.inherited {
			root.Call("setAttribute", p.name, rootVals[p.name])
		}
	}
	for _, s := range els {
		e, vals := s.el, s.vals
		if vals["display"] == "none" {
			e.Call("remove")
			continue
		}
		parent := parentVals(e)
		for _, p := range inlinedProps {
			v := vals[p.name]
			switch {
			case p.inherited && v == parent[p.name]:
			case !p.inherited && (v == "1" || v == ""):
			default:
				e.Call("setAttribute", p.name, v)
			}
		}
		if t := vals["transform"]; t != "none" && t != "" {
			e.Call("setAttribute", "transform", t)
		}
		e.Call("removeAttribute", "style")
	}
	for _, s := range els {
		s.el.Call("removeAttribute", "data-export")
	}
	text := app.Window().Get("XMLSerializer").New().Call("serializeToString", root).String()
	return `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + text
}

// download saves blob as a file called name.
func download(name string, blob app.Value) {
	url := app.Window().Get("URL")
	href := url.Call("createObjectURL", blob).String()
	doc := app.Window().Get("document")
	a := doc.Call("createElement", "a")
	a.Set("href", href)
	a.Set("download", name)
	a.Call("setAttribute", "hidden", "")
	doc.Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	var revoke app.Func
	revoke = app.FuncOf(func(this app.Value, args []app.Value) any {
		url.Call("revokeObjectURL", href)
		revoke.Release()
		return nil
	})
	app.Window().Call("setTimeout", revoke, 60000)
}

// newBlob makes a Blob of text of type mime.
func newBlob(text, mime string) app.Value {
	opts := app.Window().Get("Object").New()
	opts.Set("type", mime)
	return app.Window().Get("Blob").New(app.Window().Get("Array").New(text), opts)
}

// rasterize draws the SVG document text, w×h, on a canvas scale times that
// size over white, and calls done with the canvas or why it could not.
func rasterize(text string, w, h float64, scale int, done func(canvas app.Value, err error)) {
	url := app.Window().Get("URL")
	href := url.Call("createObjectURL", newBlob(text, "image/svg+xml")).String()
	img := app.Window().Get("Image").New()
	var onload, onerror app.Func
	finish := func() {
		url.Call("revokeObjectURL", href)
		onload.Release()
		onerror.Release()
	}
	onload = app.FuncOf(func(this app.Value, args []app.Value) any {
		canvas := app.Window().Get("document").Call("createElement", "canvas")
		cw, ch := int(w+0.5)*scale, int(h+0.5)*scale
		canvas.Set("width", cw)
		canvas.Set("height", ch)
		c := canvas.Call("getContext", "2d")
		c.Set("fillStyle", "#ffffff")
		c.Call("fillRect", 0, 0, cw, ch)
		c.Call("drawImage", img, 0, 0, cw, ch)
		finish()
		done(canvas, nil)
		return nil
	})
	onerror = app.FuncOf(func(this app.Value, args []app.Value) any {
		finish()
		done(app.Null(), errors.New("the browser could not draw the picture"))
		return nil
	})
	img.Set("onload", onload)
	img.Set("onerror", onerror)
	img.Set("src", href)
}

// savePNG saves canvas as a PNG file called name, and calls done with
// what went wrong, if anything.
func savePNG(canvas app.Value, name string, done func(error)) {
	var cb app.Func
	cb = app.FuncOf(func(this app.Value, args []app.Value) any {
		cb.Release()
		if len(args) == 0 || !args[0].Truthy() {
			done(errors.New("the browser could not encode the PNG"))
			return nil
		}
		download(name, args[0])
		done(nil)
		return nil
	})
	canvas.Call("toBlob", cb, "image/png")
}

// gifJob encodes pictures, one frame each, into a GIF in the worker.
type gifJob struct {
	pics     []picture
	delays   []int
	name     string
	worker   app.Value
	onmsg    app.Func
	onerr    app.Func
	progress func(done, total int) // a frame was encoded
	finish   func(err error)       // the GIF was saved, or could not be
}

// start starts the worker and sends it the first frame.
func (j *gifJob) start() {
	j.worker = app.Window().Get("Worker").New(gifWorkerURL)
	j.onmsg = app.FuncOf(func(this app.Value, args []app.Value) any {
		m := args[0].Get("data")
		switch m.Get("type").String() {
		case "progress":
			j.progress(m.Get("done").Int(), m.Get("total").Int())
		case "done":
			download(j.name, m.Get("blob"))
			j.stop(nil)
		case "error":
			j.stop(errors.New("the GIF encoder failed: " + m.Get("message").String()))
		}
		return nil
	})
	j.onerr = app.FuncOf(func(this app.Value, args []app.Value) any {
		args[0].Call("preventDefault")
		j.stop(errors.New("the GIF encoder could not start (" + gifWorkerURL + ")"))
		return nil
	})
	j.worker.Set("onmessage", j.onmsg)
	j.worker.Set("onerror", j.onerr)
	msg := app.Window().Get("Object").New()
	msg.Set("type", "start")
	msg.Set("width", int(j.pics[0].W+0.5))
	msg.Set("height", int(j.pics[0].H+0.5))
	msg.Set("frames", len(j.pics))
	j.worker.Call("postMessage", msg)
	j.frame(0)
}

// frame draws frame i and hands it to the worker, then the next one; after
// the last it asks the worker for the GIF.
func (j *gifJob) frame(i int) {
	if !j.worker.Truthy() {
		return // stopped
	}
	if i == len(j.pics) {
		msg := app.Window().Get("Object").New()
		msg.Set("type", "finish")
		j.worker.Call("postMessage", msg)
		return
	}
	p := j.pics[i]
	rasterize(standaloneSVG(p.Markup), p.W, p.H, 1, func(canvas app.Value, err error) {
		if err != nil {
			j.stop(err)
			return
		}
		if !j.worker.Truthy() {
			return
		}
		w, h := canvas.Get("width").Int(), canvas.Get("height").Int()
		data := canvas.Call("getContext", "2d").Call("getImageData", 0, 0, w, h).Get("data").Get("buffer")
		msg := app.Window().Get("Object").New()
		msg.Set("type", "frame")
		msg.Set("data", data)
		msg.Set("delay", j.delays[i])
		j.worker.Call("postMessage", msg, app.Window().Get("Array").New(data))
		j.frame(i + 1)
	})
}

// stop ends the job: the worker goes, and finish hears how it went.
func (j *gifJob) stop(err error) {
	if !j.worker.Truthy() {
		return
	}
	j.worker.Call("terminate")
	j.worker = app.Null()
	j.onmsg.Release()
	j.onerr.Release()
	j.finish(err)
}

// fileType is the MIME type of a saved file, by its extension.
func fileType(name string) string {
	switch {
	case strings.HasSuffix(name, ".svg"):
		return "image/svg+xml"
	case strings.HasSuffix(name, ".md"):
		return "text/markdown;charset=utf-8"
	}
	return "application/octet-stream"
}
