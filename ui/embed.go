package ui

// This file is the embed, the page at /embed that a course page puts in an
// <iframe>: the panes and a small transport, sized to the frame, no header.
//
//	/embed?scenario=vfork-csh&step=5&designs=old,new&start=2&end=7&autoplay=1&speed=1.5
//
// start and end bound the timeline the embed plays (Home and End go there),
// autoplay=1 plays from the first position shown, speed is one of the
// player's speeds (0.5 to 4). The rest of the link is the main page's
// (permalink.go). The main page's "Embed" gives the <iframe> for its view.
//
// In a frame sandboxed without allow-same-origin, localStorage throws and
// the service worker cannot register; everything here that remembers goes
// through pageStore (storage.go), which keeps working without them.

import (
	"errors"
	"html"
	"net/url"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// embedPath is the embed's path.
const embedPath = "/embed"

// embedding is an embed's state.
type embedding struct {
	On       bool
	Start    int  // the first position the embed plays
	End      int  // the last one, -1 for the run's last
	Autoplay bool // play once loaded
	Speed    int  // an index into speeds, -1 when the link names none
}

// parseEmbed reads an embed's parameters; an error says which one is wrong.
func parseEmbed(q url.Values) (embedding, error) {
	e := embedding{On: true, End: -1, Speed: -1}
	pos := func(name string, to *int) error {
		v := q.Get(name)
		if v == "" {
			return nil
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return errors.New(name + "= takes a step number (0 or more), not “" + v + "”")
		}
		*to = n
		return nil
	}
	if err := errors.Join(pos("start", &e.Start), pos("end", &e.End)); err != nil {
		return e, err
	}
	if e.End >= 0 && e.End < e.Start {
		return e, errors.New("end= (" + itoa(e.End) + ") is before start= (" + itoa(e.Start) + ")")
	}
	switch v := q.Get("autoplay"); v {
	case "", "0":
	case "1":
		e.Autoplay = true
	default:
		return e, errors.New("autoplay= takes 1 or 0, not “" + v + "”")
	}
	if v := strings.TrimSuffix(strings.TrimSuffix(q.Get("speed"), "×"), "x"); v != "" {
		f, err := strconv.ParseFloat(v, 64)
		for i, s := range speeds {
			if err == nil && s == f {
				e.Speed = i
			}
		}
		if e.Speed < 0 {
			return e, errors.New("speed= takes one of " + strings.Join(speedOptions, ", ") + ", not “" + q.Get("speed") + "”")
		}
	}
	return e, nil
}

// query writes the embed's parameters, as parseEmbed reads them.
func (e embedding) query(speed int) string {
	var parts []string
	if e.Start > 0 {
		parts = append(parts, "start="+itoa(e.Start))
	}
	if e.End >= 0 {
		parts = append(parts, "end="+itoa(e.End))
	}
	if e.Autoplay {
		parts = append(parts, "autoplay=1")
	}
	if speed != defaultSpeed {
		parts = append(parts, "speed="+strconv.FormatFloat(speeds[speed], 'f', -1, 64))
	}
	return strings.Join(parts, "&")
}

// firstStep is the first position the timeline can show: an embed's start.
func (a *App) firstStep() int {
	if a.embed.On && a.view != nil {
		return min(a.embed.Start, a.view.Last)
	}
	return 0
}

// lastStep is the last position the timeline can show: an embed's end.
func (a *App) lastStep() int {
	if a.view == nil {
		return 0
	}
	if a.embed.On && a.embed.End >= 0 {
		return max(min(a.embed.End, a.view.Last), a.firstStep())
	}
	return a.view.Last
}

// embedKey keeps, of a key's command, what an embed has: the timeline, the
// player and the key list.
func embedKey(c command) command {
	switch c {
	case cmdForward, cmdBack, cmdNextStop, cmdPrevStop, cmdFirst, cmdLast, cmdPlay, cmdFaster, cmdSlower,
		cmdNextDiff, cmdPrevDiff, cmdHelp, cmdClose:
		return c
	}
	return cmdNone
}

// renderEmbed lays out an embed: the step line, the panes, the callout and
// a small transport. The one level-1 heading is for screen readers.
func (a *App) renderEmbed() []app.UI {
	v := a.view
	first, last := a.firstStep(), a.lastStep()
	l, packed := a.link()
	full := "/?" + l.query(packed)
	notice := hidden(el("p").Class("notice").Attr("role", "alert"), a.notice == "").Text(a.notice)
	return []app.UI{
		app.H1().Class("sr-only").Text(a.embedTitle()),
		notice,
		a.renderEmbedCaption(),
		el("section").Class("embed-step").Attr("aria-label", "This step").Body(a.renderStepLine()),
		a.renderStagePanes(),
		a.renderEmbedCallout(),
		el("nav").Class("embed-transport").Attr("aria-label", "Timeline").Body(
			a.embedStopButton(-1),
			iconButton("back", "Previous step (←)", "ArrowLeft", iconBack, v.N <= first, a.onBack),
			playButton(a.playing, a.onPlay),
			iconButton("forward", "Next step (→)", "ArrowRight", iconForward, v.N >= last, a.onForward),
			el("output").ID("step-label").Attr("for", "scrubber").Text("step "+itoa(v.N)+" / "+itoa(v.Last)),
			app.ElemSelfClosing("input").Attr("type", "range").ID("scrubber").
				Attr("min", first).Attr("max", last).Attr("step", 1).Attr("value", v.N).
				Attr("aria-label", "Step").Attr("aria-valuetext", "step "+itoa(v.N)+" of "+itoa(v.Last)).
				OnInput(a.onScrub),
			a.embedStopButton(1),
			el("a").Class("embed-open").Attr("href", full).Attr("target", "_blank").Attr("rel", "noopener").
				Title("Open this view in forklab, with the trace logs and the debugger's view").
				Text("forklab ↗"),
		),
	}
}

// embedSnippet is the <iframe> that shows the view of the main page, served
// from origin ("scheme://host"), or why there is none.
func (a *App) embedSnippet(origin string) (string, error) {
	l, packed := a.link()
	switch {
	case a.st.ownLesson() && packed == "":
		return "", errors.New("this lesson is too long for a link, so it cannot be embedded; shorten it, or embed a library lesson")
	case a.st.Mode != modeLesson && a.sc.Own() && packed == "":
		return "", errors.New("this scenario is too long for a link, so it cannot be embedded; shorten it, or embed a library scenario")
	}
	src := origin + embedPath + "?" + l.query(packed)
	return `<iframe src="` + html.EscapeString(src) + `" width="960" height="540"` +
		` title="` + html.EscapeString(a.embedTitle()) + `" loading="lazy" style="border: 0"></iframe>`, nil
}
