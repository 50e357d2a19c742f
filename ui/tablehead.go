package ui

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// tableHead is a table's head row: one column header per name.
func tableHead(names ...string) app.UI {
	ths := make([]app.UI, len(names))
	for i, n := range names {
		ths[i] = el("th").Attr("scope", "col").Text(n)
	}
	return el("thead").Body(el("tr").Body(ths...))
}
