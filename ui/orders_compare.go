package ui

// This file draws a class's example order beside the order as written: one
// row per position, the step the written order takes there and the step the
// example takes, each with its result. A row whose steps are not the same is
// marked moved; a result that is not the written order's is marked as
// differing.

import (
	"forklab/scenarios"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// compareRow is one position of the two orders.
type compareRow struct {
	Pos            int
	Written, Taken *scenarios.Step // nil past the end of that order
	WrittenResult  string
	TakenResult    string
	Moved          bool // the two orders take different steps here
	Differs        bool // the step taken here ends otherwise than in the written order
}

// compareOrders aligns class oi's example order of e with the written order
// (the file's steps in file order; class 1 is the written order's, so its
// results are the written order's).
func compareOrders(e *scenarios.Exploration, oi int) []compareRow {
	steps := e.File.Steps()
	index := make(map[*scenarios.Step]int, len(steps))
	for i, s := range steps {
		index[s] = i
	}
	written, out := e.Outcomes[0], e.Outcomes[oi]
	var rows []compareRow
	for p := 0; p < max(len(steps), len(out.Order)); p++ {
		r := compareRow{Pos: p + 1}
		if p < len(steps) {
			r.Written, r.WrittenResult = steps[p], written.Results[p]
		}
		if p < len(out.Order) {
			i := index[out.Order[p]]
			r.Taken, r.TakenResult = out.Order[p], out.Results[i]
			r.Differs = out.Results[i] != written.Results[i]
		}
		r.Moved = r.Written != r.Taken
		rows = append(rows, r)
	}
	return rows
}

// renderCompare is the side-by-side view of class oi of e.
func renderCompare(e *scenarios.Exploration, oi int) app.UI {
	rows := compareOrders(e, oi)
	body := make([]app.UI, 0, len(rows))
	cell := func(s *scenarios.Step, result string, differs bool) app.UI {
		if s == nil {
			return el("td").Class("none").Text("—")
		}
		return el("td").Class("mono").Attr("data-differs", differs).Body(
			el("span").Class("lineno").Text("line "+itoa(s.Pos.Line)+" "),
			el("span").Text(s.Call()+" ⇒ "),
			el("span").Class("result").Text(shownResult(result)),
		)
	}
	for _, r := range rows {
		mark := ""
		if r.Moved {
			mark = "moved"
		}
		body = append(body, el("tr").Attr("data-role", "order-step").Attr("data-moved", r.Moved).Body(
			el("th").Attr("scope", "row").Text(itoa(r.Pos)),
			cell(r.Written, r.WrittenResult, false),
			cell(r.Taken, r.TakenResult, r.Differs),
			el("td").Class("mark").Text(mark),
		))
	}
	label := "class " + itoa(oi+1)
	return el("div").ID("order-compare").Class("order-compare").TabIndex(-1).
		Attr("data-design", e.Design.Name).Attr("data-class", oi+1).Body(
		el("h3").Text("Under "+e.Design.Name+", an order of "+label+" beside the order as written"),
		el("p").Class("legend").Text("Rows marked moved take another step than the written order at that place; a highlighted result is not the one that step gets in the written order."),
		el("table").Body(
			tableHead("#", "as written", "this order (its class: "+countText(e.Outcomes[oi].Count)+")", ""),
			el("tbody").Body(body...),
		),
	)
}

// shownResult says a result of the scenario language in the page's words:
// "blocks" (the call has no value when the run ends) reads as a call that
// never returned, which is also what exit(2) does.
func shownResult(r string) string {
	if r == "blocks" {
		return "no value: never returned"
	}
	return r
}
