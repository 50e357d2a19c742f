package ui

// This file makes the page's HTML elements. go-app has a Go type per HTML
// element, each with some ninety methods, and every type the app uses ends up
// in app.wasm; building every element as app.Elem(tag), one type for all,
// keeps app.wasm about a tenth of a megabyte smaller. Attributes go through
// Attr (go-app sets value, disabled, selected, hidden and open as properties).

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// el returns an element with tag.
func el(tag string) app.HTMLElem { return app.Elem(tag) }

// flag sets the boolean attribute name when on. Only then: go-app's server
// pre-render prints a false one as name="false", which HTML reads as set. In
// the browser go-app sets the property, and removes the attribute when it
// goes.
func flag(e app.HTMLElem, name string, on bool) app.HTMLElem {
	if on {
		return e.Attr(name, true)
	}
	return e
}

func disabled(e app.HTMLElem, on bool) app.HTMLElem { return flag(e, "disabled", on) }
func hidden(e app.HTMLElem, on bool) app.HTMLElem   { return flag(e, "hidden", on) }
func selected(e app.HTMLElem, on bool) app.HTMLElem { return flag(e, "selected", on) }

// option is an <option> of a <select>.
func option(value, text string, on bool) app.UI {
	return selected(el("option").Attr("value", value), on).Text(text)
}
