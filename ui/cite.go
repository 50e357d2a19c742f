package ui

// This file writes a scenario's cite: lines, with the web addresses in them
// as links.

import (
	"strings"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// citeURLs returns where the web addresses in a cite: line are: each
// "http://" or "https://" with the run of characters after it up to a space,
// '<', '>' or '"', less the punctuation that ends a sentence or a
// parenthesis ('.', ',', ';', ':', ')'), at least two characters after
// "://". A scan rather than a regular expression: cite: lines are on the
// first view, and the regexp package's parser and compiler are not needed
// there otherwise (issue 12). TestCiteURLsAsRegexp holds it to the
// expression `https?://[^\s<>"]+[^\s<>".,;:)]`.
func citeURLs(c string) [][2]int {
	var out [][2]int
	for i := 0; i < len(c); {
		k := strings.Index(c[i:], "http")
		if k < 0 {
			break
		}
		start := i + k
		rest := c[start+4:]
		if strings.HasPrefix(rest, "s") {
			rest = rest[1:]
		}
		if !strings.HasPrefix(rest, "://") {
			i = start + 1
			continue
		}
		from := len(c) - len(rest) + 3
		end := from
		for end < len(c) && !strings.ContainsRune(" \t\n\f\r<>\"", rune(c[end])) {
			end++
		}
		for end > from && strings.ContainsRune(".,;:)", rune(c[end-1])) {
			end--
		}
		// The last character kept must have one before it.
		if _, size := utf8.DecodeLastRuneInString(c[from:end]); end-size <= from {
			i = start + 1
			continue
		}
		out = append(out, [2]int{start, end})
		i = end
	}
	return out
}

// renderCite is one cite: line, each web address in it a link that opens
// beside the page.
func renderCite(c string) app.UI {
	var parts []app.UI
	last := 0
	for _, m := range citeURLs(c) {
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
