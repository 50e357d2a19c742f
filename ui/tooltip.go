package ui

// This file is the page's one tooltip: the explanation of the [data-term]
// under the pointer or with the keyboard focus (terms.go marks them). It is
// plain JavaScript event handling on the document, outside go-app's render
// loop, so that hovering never re-renders the page: a term is shown by filling
// and placing a single role=tooltip element, which the term then names with
// aria-describedby. The tooltip stays while the pointer is over it, and Esc
// hides it (WCAG 1.4.13). Inside a termGroup (a trace log, a list of chips,
// the kernel events) ↓ and ↑ move the focus from term to term, and to the
// group's other [data-term-stop] controls (a trace log's step buttons).

import (
	"sync"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

const tipID = "term-tip"

// tooltip is the state of the page's tooltip.
type tooltip struct {
	doc, tip app.Value
	box      app.Value // the tooltip's landmark, shown with it
	cur      app.Value // the term shown, or null
	focused  bool      // cur has the keyboard focus
}

var tooltipOnce sync.Once

// installTooltips makes the tooltip and starts listening, once per page; it
// does nothing outside the browser.
func installTooltips() {
	if !app.IsClient {
		return
	}
	tooltipOnce.Do(func() {
		doc := app.Window().Get("document")
		tt := &tooltip{doc: doc, tip: doc.Call("createElement", "div"), cur: app.Null()}
		tt.tip.Set("id", tipID)
		tt.tip.Call("setAttribute", "role", "tooltip")
		tt.tip.Set("className", "term-tip")
		tt.tip.Set("hidden", true)
		// A landmark of its own: the page's content all stands in one.
		tt.box = doc.Call("createElement", "aside")
		tt.box.Call("setAttribute", "aria-label", "What the word means")
		tt.box.Set("hidden", true)
		tt.box.Call("appendChild", tt.tip)
		doc.Get("body").Call("appendChild", tt.box)
		listen := func(target app.Value, event string, capture bool, h func(e app.Value)) {
			target.Call("addEventListener", event, app.FuncOf(func(this app.Value, args []app.Value) any {
				h(args[0])
				return nil
			}), capture)
		}
		listen(doc, "mouseover", false, tt.onOver)
		listen(doc, "mouseout", false, tt.onOut)
		listen(doc, "focusin", false, tt.onFocus)
		listen(doc, "focusout", false, tt.onBlur)
		listen(doc, "keydown", false, tt.onKey)
		listen(app.Window(), "scroll", true, func(app.Value) {
			if tt.cur.Truthy() {
				tt.place()
			}
		})
	})
}

// termOf returns the [data-term] element at or around node, or null.
func termOf(node app.Value) app.Value { return closest(node, "[data-term]") }

// closest returns the element at or around node that matches sel, or null
// (node may be a text node, or no node at all).
func closest(node app.Value, sel string) app.Value {
	if !node.Truthy() || node.Get("closest").IsUndefined() {
		return app.Null()
	}
	return node.Call("closest", sel)
}

func (tt *tooltip) inTip(node app.Value) bool {
	return node.Truthy() && tt.tip.Call("contains", node).Bool()
}

func (tt *tooltip) onOver(e app.Value) {
	if t := termOf(e.Get("target")); t.Truthy() && !t.Equal(tt.cur) {
		tt.show(t, false)
	}
}

// onOut hides a tooltip shown by the pointer once the pointer leaves both
// the term and the tooltip.
func (tt *tooltip) onOut(e app.Value) {
	if !tt.cur.Truthy() || tt.focused {
		return
	}
	to := e.Get("relatedTarget")
	if tt.inTip(to) || to.Truthy() && tt.cur.Call("contains", to).Bool() {
		return
	}
	if from := e.Get("target"); tt.inTip(from) || tt.cur.Call("contains", from).Bool() {
		tt.hide()
	}
}

func (tt *tooltip) onFocus(e app.Value) {
	if t := e.Get("target"); t.Truthy() && t.Call("hasAttribute", "data-term").Bool() {
		tt.show(t, true)
	}
}

func (tt *tooltip) onBlur(e app.Value) {
	if tt.cur.Truthy() && e.Get("target").Equal(tt.cur) {
		tt.hide()
	}
}

// onKey walks a termGroup's terms on ↓ and ↑. Any other key but Tab and
// Shift hides the tooltip: Esc asks for it, and the keys that step redraw
// the text the term stood in.
func (tt *tooltip) onKey(e app.Value) {
	key := e.Get("key").String()
	if key != "ArrowDown" && key != "ArrowUp" {
		if tt.cur.Truthy() && key != "Tab" && key != "Shift" {
			tt.hide()
		}
		return
	}
	target := e.Get("target")
	group := closest(target, "[data-termgroup]")
	if !group.Truthy() {
		return
	}
	terms := group.Call("querySelectorAll", "[data-term], [data-term-stop]")
	n := terms.Get("length").Int()
	if n == 0 {
		return
	}
	i := -1
	for k := 0; k < n; k++ {
		if terms.Index(k).Equal(target) {
			i = k
		}
	}
	switch {
	case key == "ArrowDown" && i < n-1:
		i++
	case key == "ArrowUp" && i > 0:
		i--
	case i < 0:
		i = 0
	}
	e.Call("preventDefault")
	terms.Index(i).Call("focus")
}

// show fills the tooltip for term t, in the design of the pane it stands in,
// and places it beside t.
func (tt *tooltip) show(t app.Value, focused bool) {
	design := ""
	if pane := t.Call("closest", "[data-design]"); pane.Truthy() {
		design = pane.Get("dataset").Get("design").String()
	}
	tip, ok := tipFor(t.Get("dataset").Get("term").String(), design)
	if !ok {
		return
	}
	if tt.cur.Truthy() {
		tt.cur.Call("removeAttribute", "aria-describedby")
	}
	tt.cur, tt.focused = t, focused
	tt.tip.Set("textContent", "")
	add := func(tag, class, text string) {
		if text == "" {
			return
		}
		p := tt.doc.Call("createElement", tag)
		p.Set("className", class)
		p.Set("textContent", text)
		tt.tip.Call("appendChild", p)
	}
	add("strong", "tip-term mono", tip.Term)
	add("span", "tip-text", " "+tip.Text)
	add("span", "tip-note", tip.Note)
	add("span", "tip-source", "Source: "+tip.Source)
	tt.tip.Get("dataset").Set("term", tip.Term)
	tt.tip.Set("hidden", false)
	tt.box.Set("hidden", false)
	t.Call("setAttribute", "aria-describedby", tipID)
	tt.place()
}

// place puts the tooltip below its term, or above it where there is no room
// below, within the window.
func (tt *tooltip) place() {
	r := tt.cur.Call("getBoundingClientRect")
	w := app.Window()
	vw, vh := w.Get("innerWidth").Float(), w.Get("innerHeight").Float()
	tw, th := tt.tip.Get("offsetWidth").Float(), tt.tip.Get("offsetHeight").Float()
	left := min(max(r.Get("left").Float(), 4), max(vw-tw-4, 4))
	top := r.Get("bottom").Float() + 6
	if top+th > vh && r.Get("top").Float()-th-6 > 0 {
		top = r.Get("top").Float() - th - 6
	}
	s := tt.tip.Get("style")
	s.Set("left", itoa(int(left))+"px")
	s.Set("top", itoa(int(top))+"px")
}

func (tt *tooltip) hide() {
	if tt.cur.Truthy() {
		tt.cur.Call("removeAttribute", "aria-describedby")
	}
	tt.cur, tt.focused = app.Null(), false
	tt.tip.Set("hidden", true)
	tt.box.Set("hidden", true)
}
