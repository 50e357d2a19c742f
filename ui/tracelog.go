package ui

// This file shows a run's trace in one of sim's formats (plain, kdump, truss,
// strace), grouped by the step that produced it. The current step's lines are
// highlighted; a click on a step, or on any of its lines, jumps there. A link
// saves the whole trace as a text file, as the tool itself would print it, to
// paste into a review.

import (
	"net/url"
	"strconv"
	"strings"

	"forklab/scenarios"
	"forklab/sim"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// traceLog is a whole run rendered in one format.
type traceLog struct {
	Format string
	Design string // the design's name, e.g. freebsd-9.1
	Groups []traceGroup
	href   string // the data: URL of Text, made once
}

// Text is the whole trace, a line each, as the tool prints it.
func (t *traceLog) Text() string {
	var b strings.Builder
	for _, g := range t.Groups {
		for _, l := range g.Lines {
			b.WriteString(l)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// Href is a data: URL of Text, which a link can save as a file: it works
// offline and in the static export, where there is no server to ask.
func (t *traceLog) Href() string {
	if t.href == "" {
		t.href = "data:text/plain;charset=utf-8," + url.PathEscape(t.Text())
	}
	return t.href
}

// fileName is the name the trace is saved under, for the scenario key (""
// for one's own): e.g. vfork-follow.freebsd-9.1.kdump.txt.
func (t *traceLog) fileName(key string) string {
	if key == "" {
		key = "my-scenario"
	}
	return strings.ReplaceAll(key, "/", "_") + "." + t.Design + "." + t.Format + ".txt"
}

// traceGroup is the lines of one frame.
type traceGroup struct {
	Frame  int // index in Run.Frames
	Line   int // the step's line in the file
	Source string
	Lines  []string
	segs   []termSeg // Lines cut at their glossary terms, once (markup)
	html   [2]string // markup, not current and current, once
}

// buildTrace renders every frame of r in format; an unknown format falls
// back to plain.
func buildTrace(r *scenarios.Run, d *sim.Design, format string) *traceLog {
	rend, err := sim.NewRenderer(format, d, r.Names)
	if err != nil {
		format = "plain"
		rend, _ = sim.NewRenderer(format, d, r.Names)
	}
	t := &traceLog{Format: format, Design: d.Name}
	for i, fr := range r.Frames[1:] {
		g := traceGroup{Frame: i + 1, Line: fr.Step.Pos.Line, Source: fr.Step.Source}
		for _, l := range rend.Render(fr.Events) {
			g.Lines = append(g.Lines, l.Text)
		}
		t.Groups = append(t.Groups, g)
	}
	return t
}

// validFormat reports whether f is one of sim's trace formats.
func validFormat(f string) bool {
	for _, x := range sim.Formats {
		if x == f {
			return true
		}
	}
	return false
}

// traceView is a pane's trace log. Each step's lines are written as markup
// (traceGroup.markup) rather than built element by element: the logs are
// half of the first view's elements, and go-app builds each element, text
// and attribute with a call into JavaScript, which made them a third of the
// time the first view took to mount (issue 12). A step redraws only the two
// groups whose markup changes; the log's one click handler finds the step.
type traceView struct {
	app.Compo
	App  *App
	Pane int
	Log  *traceLog
	Cur  int // the frame shown
	// SeenTo is the last frame the reader may see: the quiz hides later
	// lines, and the save link, which holds them all (quiz.go).
	SeenTo int
	Later  bool // leave the lines for the next frame (App.restLater)
}

func (v *traceView) Render() app.UI {
	groups := make([]app.UI, 0, len(v.Log.Groups))
	for i := range v.Log.Groups {
		if v.Later {
			break
		}
		g := &v.Log.Groups[i]
		if g.Frame > v.SeenTo {
			break
		}
		groups = append(groups, app.Raw(g.markup(g.Frame == v.Cur)))
	}
	// Each pane's log is a landmark of its own name; the link's name begins
	// with its visible text, as speech input expects (WCAG 2.5.3).
	save := "save trace (" + v.Log.Format + ")"
	return el("section").Class("trace").Attr("aria-label", "trace log of pane "+itoa(v.Pane+1)+", "+v.Log.Design+", "+v.Log.Format).Body(
		app.If(len(v.Log.Groups) == 0 || v.Log.Groups[len(v.Log.Groups)-1].Frame <= v.SeenTo,
			el("a").Class("tsave").Attr("data-role", "trace-save").
				Attr("href", v.Log.Href()).Attr("download", v.Log.fileName(v.App.sc.Key)).
				Attr("aria-label", save+" of "+v.Log.Design+" as a text file").
				Text(save)),
		termGroup(el("ol").Class("tracelog"), "trace lines").ID("trace-"+itoa(v.Pane)).Attr("data-role", "trace").Attr("data-format", v.Log.Format).
			OnClick(v.onClick).Body(groups...),
	)
}

// onClick jumps to the step whose lines, or button, were clicked.
func (v *traceView) onClick(ctx app.Context, e app.Event) {
	li := closest(e.Get("target"), "li[data-frame]")
	if !li.Truthy() {
		return
	}
	frame, err := strconv.Atoi(li.Get("dataset").Get("frame").String())
	if err != nil {
		return
	}
	v.App.pause()
	v.App.setStep(ctx, frame)
}

// markup is the group's list item, current or not, made once of each. The
// lines are one element: a trace log has hundreds of them. Only their
// glossary terms are elements, out of the tab order (the log is one tab
// stop). The button's name is its text, with words that only a screen
// reader reads: "go to step 3, line 20: D: ptrace follow-fork P on".
func (g *traceGroup) markup(current bool) string {
	i := 0
	if current {
		i = 1
	}
	if g.html[i] != "" {
		return g.html[i]
	}
	var b strings.Builder
	frame := itoa(g.Frame)
	b.WriteString(`<li data-frame="` + frame + `" data-current="` + strconv.FormatBool(current) + `">`)
	b.WriteString(`<button class="tstep" data-term-stop="true" tabindex="-1" aria-current="` + ariaStep(current) + `">`)
	b.WriteString(`<span class="sr-only">go to step </span><span class="tnum">` + frame + `</span>`)
	b.WriteString(`<span class="sr-only">, line </span><span class="mono">`)
	b.WriteString(escapeMarkup(itoa(g.Line) + ": " + callText(g.Source)))
	b.WriteString(`</span></button>`)
	if len(g.Lines) == 0 {
		b.WriteString(`<div class="tlines mono muted">(no line in this format)</div></li>`)
	} else {
		if g.segs == nil {
			g.segs = splitTerms(strings.Join(g.Lines, "\n"), false)
		}
		b.WriteString(`<div class="tlines mono">`)
		writeSegs(&b, g.segs, true)
		b.WriteString(`</div></li>`)
	}
	g.html[i] = b.String()
	return g.html[i]
}

func ariaStep(current bool) string {
	if current {
		return "step"
	}
	return "false"
}
