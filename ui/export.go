package ui

// This file draws one position of the timeline as a picture to save: the
// step line, the legend, the tree of every pane side by side (drawn by
// treeSVG, the page's own tree code) and the narration under them. The
// markup it makes is styled by the page's style sheet; the browser side
// (export_browser.go) inlines the computed styles so that the SVG renders
// on its own, and rasterises it for PNG and GIF.

import (
	"strings"

	"forklab/sim"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Geometry of a picture, in SVG user units.
const (
	picPad    = 16.0
	picGap    = 24.0 // between panes
	picTitle  = 18.0 // font sizes
	picText   = 13.0
	picSmall  = 12.0
	picLineH  = 1.35 // line height, in font sizes
	picCharW  = 0.56 // average glyph width, in font sizes, for wrapping
	picFont   = "system-ui, 'DejaVu Sans', sans-serif"
	picMono   = "ui-monospace, 'DejaVu Sans Mono', monospace"
	picInk    = "#0f172a"
	picMuted  = "#475569"
	picLegend = 12.0
)

// picture is one position drawn for saving.
type picture struct {
	Markup string  // an <svg> element, styled by the page's style sheet
	W, H   float64 // its size
	Words  int     // the words of narration it shows, for a GIF frame's delay
}

// picWriter lays out the text of a picture line by line.
type picWriter struct {
	els   []app.UI
	y     float64
	words int
}

// line adds one line of text at x in size, bold or not, monospace or not.
func (w *picWriter) line(x float64, text string, size float64, bold, mono bool, fill string) {
	w.y += size * picLineH
	t := svg("text").Attr("x", num(x)).Attr("y", num(w.y)).
		Attr("font-size", num(size)).Attr("fill", fill).Attr("font-family", picFont)
	if bold {
		t = t.Attr("font-weight", "700")
	}
	if mono {
		t = t.Attr("font-family", picMono)
	}
	w.els = append(w.els, t.Text(text))
}

// para adds text wrapped to width, and counts its words.
func (w *picWriter) para(x, width float64, text string, size float64, fill string) {
	w.words += len(strings.Fields(text))
	for _, l := range wrapText(text, int(width/(size*picCharW))) {
		w.line(x, l, size, false, false, fill)
	}
}

// wrapText breaks text into lines of at most n characters, at spaces where
// it can (a longer word gets a line of its own).
func wrapText(text string, n int) []string {
	n = max(n, 10)
	var lines []string
	cur := ""
	for _, word := range strings.Fields(text) {
		switch {
		case cur == "":
			cur = word
		case len([]rune(cur))+1+len([]rune(word)) <= n:
			cur += " " + word
		default:
			lines = append(lines, cur)
			cur = word
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// drawPicture draws position v.N of the scenario titled title, at least minH
// high (a GIF's frames all have the tallest frame's height).
func drawPicture(title string, v *stepView, minH float64) picture {
	tw, th := 0.0, 0.0
	for _, p := range v.Panes {
		tw, th = max(tw, p.Tree.W), max(th, p.Tree.H)
	}
	n := float64(len(v.Panes))
	width := 2*picPad + n*tw + (n-1)*picGap
	inner := width - 2*picPad

	w := &picWriter{y: picPad - picTitle*picLineH + picTitle}
	w.line(picPad, title+" — step "+itoa(v.N)+" of "+itoa(v.Last), picTitle, true, false, picInk)
	w.line(picPad, stepLine(v), picText, false, true, picInk)
	w.y += 6
	legend := picLegendRow(picPad, w.y+8)
	w.y += picLegend*picLineH + 8

	// The panes: a caption, what it ran, the tree.
	top := w.y
	var cols []app.UI
	for i, p := range v.Panes {
		x := picPad + float64(i)*(tw+picGap)
		pw := &picWriter{y: top}
		pw.line(x, p.Design.String(), picText, true, false, picInk)
		pw.line(x, p.Ran, picSmall, false, true, picMuted)
		tree := treeSVG("save"+itoa(i), p.Tree, p.Design).
			Attr("x", num(x+(tw-p.Tree.W)/2)).Attr("y", num(pw.y+6))
		cols = append(cols, svg("g").Attr("data-role", "pic-pane").Attr("data-design", p.Design.Short()).
			Body(append(pw.els, tree)...))
	}
	w.y = top + 2*picText*picLineH + 6 + th

	// Under each tree, its own narration; then the differences and what
	// every design says.
	bottom := w.y
	for i, p := range v.Panes {
		x := picPad + float64(i)*(tw+picGap)
		pw := &picWriter{y: w.y}
		for _, s := range paneNotes(p) {
			pw.para(x, tw, s, picSmall, picInk)
		}
		cols = append(cols, svg("g").Attr("data-role", "pic-notes").Body(pw.els...))
		bottom = max(bottom, pw.y)
		w.words += pw.words
	}
	w.y = bottom + 6
	for _, d := range v.Diffs {
		w.para(picPad, inner, "The designs differ on "+diffWhat(d.What)+": "+strings.Join(d.Values, " | ")+".", picSmall, "#9a3412")
	}
	for _, s := range v.Says {
		w.para(picPad, inner, s, picText, picInk)
	}
	height := max(w.y+picPad, minH)
	body := append([]app.UI{
		svg("rect").Attr("width", "100%").Attr("height", "100%").Attr("fill", "#ffffff"),
		legend,
	}, cols...)
	body = append(body, w.els...)
	root := svg("svg").
		Attr("xmlns:xlink", "http://www.w3.org/1999/xlink").
		Attr("width", num(width)).Attr("height", num(height)).
		Attr("viewBox", "0 0 "+num(width)+" "+num(height)).
		Attr("data-role", "picture").
		Body(body...)
	return picture{Markup: app.HTMLString(root), W: width, H: height, Words: w.words}
}

// stepLine says which step the panes ran, as the step bar does.
func stepLine(v *stepView) string {
	line, text := stepText(v)
	if line != "" {
		return line + ": " + text
	}
	return text
}

// paneNotes is what a pane says under its tree: its own narration, what the
// calls returned, the invariants broken and how the run ended.
func paneNotes(p *paneView) []string {
	nr := p.Narr
	out := append([]string(nil), nr.Says...)
	for _, r := range nr.Results {
		out = append(out, r.Text+".")
	}
	for _, b := range nr.Broken {
		out = append(out, b.Sentence())
	}
	if nr.EndNote != "" {
		out = append(out, nr.EndNote+".")
	}
	return out
}

// picLegendRow is the legend as SVG: each kind of link drawn as the trees
// draw it (the page's style sheet styles path[data-kind]), then its name.
func picLegendRow(x, y float64) app.UI {
	items := []struct{ kind, text string }{
		{"parent", "parent (p_pptr)"},
		{"realparent", "real parent (p_oppid)"},
		{"tracer", "tracer"},
		{"orphan", "orphan list (p_orphans)"},
	}
	var els []app.UI
	for _, it := range items {
		els = append(els,
			svg("path").Attr("d", "M"+num(x)+" "+num(y-4)+" L"+num(x+30)+" "+num(y-4)).
				Attr("data-role", "edge").Attr("data-kind", it.kind).Attr("data-visible", true),
			svg("text").Attr("x", num(x+36)).Attr("y", num(y)).
				Attr("font-size", num(picLegend)).Attr("fill", picInk).Attr("font-family", picFont).
				Text(it.text),
		)
		x += 36 + float64(len(it.text))*picLegend*picCharW + 22
	}
	return svg("g").Attr("data-role", "pic-legend").Body(els...)
}

// saveName is the file name of a saved picture or text: the scenario's key
// ("my-scenario" for one's own), the step when it is of one, and the designs
// shown, e.g. vfork-csh-step5-old-new.svg.
func saveName(key string, step int, ds []*sim.Design, ext string) string {
	if key == "" {
		key = "my-scenario"
	}
	name := strings.ReplaceAll(key, "/", "_")
	if step >= 0 {
		name += "-step" + itoa(step)
	}
	for _, d := range ds {
		name += "-" + d.Short()
	}
	return name + "." + ext
}

// gifDelay is how long a GIF shows a frame, in hundredths of a second: 2.5
// s, and a quarter of a second more for every word of narration past ten,
// up to 10 s; the last frame stays 2 s longer.
func gifDelay(words int, last bool) int {
	d := min(250+max(words-10, 0)*25, 1000)
	if last {
		d += 200
	}
	return d
}
