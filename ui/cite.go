package ui

// This file writes a scenario's cite: lines, with the web addresses in them
// as links.

import (
	"regexp"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// citeURL finds a web address in a cite: line.
var citeURL = regexp.MustCompile(`https?://[^\s<>"]+[^\s<>".,;:)]`)

// renderCite is one cite: line, each web address in it a link that opens
// beside the page.
func renderCite(c string) app.UI {
	var parts []app.UI
	last := 0
	for _, m := range citeURL.FindAllStringIndex(c, -1) {
		if m[0] > last {
			parts = append(parts, app.Text(c[last:m[0]]))
		}
		u := c[m[0]:m[1]]
		parts = append(parts, el("a").Attr("href", u).Attr("target", "_blank").Attr("rel", "noopener noreferrer").Text(u))
		last = m[1]
	}
	if last < len(c) {
		parts = append(parts, app.Text(c[last:]))
	}
	return el("li").Body(parts...)
}
