package ui

// This file switches the page between the layouts the address names besides
// the view state's modes (state.go, modes.go): presenter mode (present=1,
// present.go) and the embed (the path /embed, embed.go). A mode decides the page's layout, which keys act,
// and the parameters the address keeps besides the view's.

import (
	"net/url"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// applyModes sets the mode from the address u, after applyLink has set the
// view from it.
func (a *App) applyModes(u *url.URL) {
	a.present = presenter{ShownAt: -1}
	a.embed = embedding{}
	if u == nil {
		return
	}
	q := u.Query()
	if u.Path == embedPath {
		a.embedNoStart()
		e, err := parseEmbed(q)
		if err != nil {
			a.notice = joinNotices(a.notice, "This embed's address is wrong: "+err.Error()+".")
		}
		a.notice = joinNotices(a.notice, a.deckNotice(&e))
		a.embed = e
		if e.Speed >= 0 {
			a.speed = e.Speed
		}
		step := a.step
		switch l := parseLink(u); {
		case l.HasStep: // as given: applyLink stopped short of a question the deck does not ask
			step = l.Step
		case a.st.Mode != modeLesson: // a lesson's stop names its step
			step = e.Start
		}
		a.step = min(max(step, a.firstStep()), a.lastStep())
		a.refresh()
		return
	}
	switch v := q.Get("present"); v {
	case "", "0":
	case "1":
		a.present.On = true
		a.present.Staged = q.Get("staged") == "1"
		a.present.ShownAt = a.step // nothing is held back before the first press
	default:
		a.notice = "present= takes 1 or 0, not “" + v + "”."
	}
}

// modeName names the mode, for the page's data-mode attribute (and its
// style sheet): "present", "embed", or the view state's mode (state.go).
func (a *App) modeName() string {
	switch {
	case a.embed.On:
		return "embed"
	case a.present.On:
		return "present"
	}
	return a.st.Mode.String()
}

// modeBody is the page's content in presenter mode or an embed, nil on the
// main page.
func (a *App) modeBody() []app.UI {
	switch {
	case a.embed.On:
		return a.renderEmbed()
	case a.present.On:
		return a.renderPresenter()
	}
	return nil
}

// modeQuery adds to the view's query q the mode's own parameters.
func (a *App) modeQuery(q string) string {
	extra := ""
	switch {
	case a.embed.On:
		extra = a.embed.query(a.speed)
	case a.present.On:
		extra = "present=1"
		if a.present.Staged {
			extra += "&staged=1"
		}
	}
	if extra == "" {
		return q
	}
	return q + "&" + extra
}

// modeKey turns a key's command into what it does in the mode.
func (a *App) modeKey(k keyEvent, c command) command {
	switch {
	case a.embed.On:
		return embedKey(c)
	case a.present.On:
		return a.presentKey(k, c)
	}
	return c
}
