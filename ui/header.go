package ui

// This file is the top of the page: the title line (the name, what it is,
// the scenario list and the buttons that open the chooser, the editor and
// the key list), and the scenario's title, tags, sources and about: text.
// Both are components whose inputs do not change from step to step, so
// stepping neither renders nor compares them.

import (
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// header returns the title line for the state.
func (a *App) header() app.UI {
	t := &topBar{App: a, Editing: a.editing, Quiz: a.st.Quiz, Start: a.st.Mode == modeStart, Orders: a.orders.open,
		Later: a.restLater && !a.listed && a.sc != nil}
	if a.sc != nil {
		t.Current = a.scenarioID()
		t.Title = a.sc.File.Title
	}
	return t
}

// topBar is the title line.
type topBar struct {
	app.Compo
	App     *App   // the App whose commands the buttons run
	Current string // the scenario shown: a library key, or "own"
	Title   string // its title
	Editing bool   // the editor is open
	Quiz    bool   // quiz mode is on
	Start   bool   // the start page is shown
	Orders  bool   // the orders panel is open
	// Later lists only the scenario shown, in the first view of a scenario
	// the page draws: the library's list (its headers parsed, an option
	// each) comes with the rest of that view a frame later (App.restLater,
	// App.listed). Issue 12: a cold start's mount 95 → 62 ms, main →
	// interactive 195 → 163 ms (medians of 9), when the first view was
	// drawn in two; over the pre-rendered page it now is drawn whole.
	Later bool
}

func (t *topBar) Render() app.UI {
	a := t.App
	return el("header").Class("top").Body(
		el("div").Class("brand").Body(
			app.H1().Body(el("a").Attr("href", "/").Title("The start page: lessons and the library").Text("forklab")),
			el("p").Class("tagline").Text("What a Unix kernel does when a debugger follows fork, vfork and exec, design by design."),
		),
		el("div").Class("top-controls").Body(
			t.scenarioSelect(),
			el("button").ID("open-picker").Class("btn").
				Attr("aria-haspopup", "dialog").
				Attr("aria-keyshortcuts", "s").
				Title("Browse the scenarios by tag (s)").
				OnClick(a.onOpenPicker).
				Text("Browse"),
			app.If(!t.Start, el("button").ID("toggle-quiz").Class("btn").
				Attr("aria-pressed", t.Quiz).
				Attr("aria-keyshortcuts", "q").
				Title("Quiz: predict each step before it is shown (q)").
				OnClick(a.onToggleQuiz).
				Text("Quiz")),
			el("button").ID("toggle-editor").Class("btn").
				Attr("aria-expanded", t.Editing).
				Attr("aria-controls", "editor").
				Attr("aria-keyshortcuts", "e").
				Title("Edit this scenario, or write your own (e)").
				OnClick(a.onToggleEditor).
				Text("Edit"),
			el("button").ID("toggle-orders").Class("btn").
				Attr("aria-expanded", t.Orders).
				Attr("aria-controls", "orders").
				Attr("aria-keyshortcuts", "o").
				Title("Explore every order of the steps, under the designs shown (o)").
				OnClick(a.onToggleOrders).
				Text("Orders"),
			el("button").ID("open-help").Class("btn").
				Attr("aria-haspopup", "dialog").
				Attr("aria-keyshortcuts", "?").
				Attr("aria-label", "Keyboard keys (?)").
				Title("Keyboard keys (?)").
				OnClick(a.onOpenHelp).
				Text("?"),
		),
	)
}

// scenarioSelect is the drop-down list of scenarios, grouped by tag.
func (t *topBar) scenarioSelect() app.UI {
	var opts []app.UI
	switch {
	case t.Current == "own":
		opts = append(opts, option("own", "Your scenario: "+t.Title, true))
	case t.Current == "": // the start page: no scenario is on screen
		opts = append(opts, option("", "Choose a scenario…", true))
	case t.Later: // the library scenario shown, until its list comes
		opts = append(opts, option(t.Current, t.Title, true))
	}
	var groups []group
	if !t.Later {
		groups = libraryGroups()
	}
	for _, g := range groups {
		opts = append(opts, app.Raw(g.optgroup(t.Current)))
	}
	return el("div").Class("select-scenario").Body(
		el("label").Attr("for", "scenario-select").Text("Scenario"),
		el("select").ID("scenario-select").OnChange(t.App.onScenarioSelect).Body(opts...),
	)
}

// introView is the scenario's title, tags, sources and about: text (two
// lines of it until asked for more).
type introView struct {
	app.Compo
	App       *App
	Sc        *scenario
	Notice    string // a problem with the link that was opened
	AboutOpen bool
}

func (v *introView) Render() app.UI {
	f := v.Sc.File
	var cites []app.UI
	for _, c := range f.Cites {
		cites = append(cites, renderCite(c))
	}
	var tags []app.UI
	for _, t := range f.Tags {
		tags = append(tags, el("li").Class("tag").Text(t))
	}
	notice := hidden(el("p").Class("notice").Attr("role", "alert"), v.Notice == "").Text(v.Notice)
	title := f.Title
	if v.Sc.Own() {
		title += " (your scenario)"
	}
	more := "more"
	if v.AboutOpen {
		more = "less"
	}
	return el("section").Class("intro").Attr("aria-labelledby", "scenario-title").Body(
		notice,
		el("div").Class("title-line").Body(
			el("h2").ID("scenario-title").Text(title),
			el("ul").Class("tags").Attr("aria-label", "tags").Body(tags...),
			el("details").Class("cites").Body(
				el("summary").Text("Sources"),
				el("ul").Body(cites...),
			),
		),
		el("div").Class("about-line").Body(
			el("p").ID("about").Class("about").Attr("data-open", v.AboutOpen).Body(markTerms(strings.Join(f.About, " "), false)...),
			el("button").Class("btn small more").
				Attr("aria-expanded", v.AboutOpen).Attr("aria-controls", "about").
				Attr("aria-label", "Show "+more+" of the scenario's description").
				OnClick(v.App.onToggleAbout).Text(more),
		),
	)
}

func (a *App) onToggleAbout(ctx app.Context, e app.Event) { a.aboutOpen = !a.aboutOpen }
