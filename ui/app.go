package ui

// This file is the root component: the state of the page and the commands
// that change it. Everything the page shows is computed from the state by
// buildView (view.go) when the state changes; Render only lays it out.

import (
	"net/url"
	"slices"
	"time"

	"forklab/scenarios"
	"forklab/sim"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// speeds are the play speeds; at 1x a step lasts baseInterval.
var speeds = []float64{0.5, 0.75, 1, 1.5, 2, 3, 4}

const (
	defaultSpeed = 2 // 1x
	baseInterval = 1400
	maxPanes     = 3
)

// App is the root component, mounted at "/". All its state is unexported:
// go-app overwrites a route component's exported fields on navigation.
type App struct {
	app.Compo

	st      viewState // the mode, lesson stop and reveal state (state.go)
	sc      *scenario
	designs []*sim.Design
	step    int
	format  string
	speed   int
	playing bool
	playGen int
	ticking bool // the player's timer goroutine is running

	overlay   string // "", "help" or "picker"
	aboutOpen bool   // the whole about: text is shown
	editing   bool
	draft     string // the editor's text
	draftFor  *scenario
	draftErr  *scenarios.Error
	draftOf   *scenario   // the scenario whose draft the editor holds (drafts.go)
	refOpen   bool        // the editor's language reference is open (reference.go)
	editGen   int         // bumped to give the editor a fresh textarea
	shareMsg  string      // why the address cannot carry one's own scenario
	notice    string      // a problem with the link that was opened
	orders    ordersState // the orders panel (orders.go)
	present   presenter   // presenter mode (present.go)
	embed     embedding   // the page is an embed, at /embed (embed.go)
	embedAt   string      // the origin of the main page's open embed code (classroom.go), "" while closed
	handout   bool        // the handout is shown (print=1)
	printing  bool        // the browser prints: the handout is shown meanwhile
	save      saveState

	started bool // init has run
	// restLater draws a scenario's trees first: the first render of a
	// scenario leaves out each pane's debugger's view, narration and trace
	// log and each tree's table of processes (hundreds of elements, which
	// would delay the trees), the divergence marks (a comparison at every
	// position), the live region's text and the trees' tooltips, and
	// afterPaint computes and brings them once the trees are on screen.
	// Not over the pre-rendered page (overPreRender), which shows all of
	// them already: there the first render is the whole view, which is
	// when the presses made while loading are done (earlyinput.go). Two
	// renders blinked those parts off and had the view complete 170 ms
	// later (median of 7 cold loads, main → complete 603 → 430 ms).
	restLater   bool
	view        *stepView
	query       string // the query the address shows
	removeKeys  func()
	removePrint func()
	focus       string         // an element id to focus after the next render
	page        app.Page       // for flushURL
	disp        app.Dispatcher // for afterPaint
	initAddress string         // the address OnInit applied, until OnNav
	// overPreRender: the first render replaces the pre-rendered page, whose
	// trees the reader has seen drawn already (finishTreeAnimations).
	overPreRender bool
	listed        bool                 // the title line has listed the library (topBar.Later)
	replayed      bool                 // the presses made before the program ran are replayed (earlyinput.go)
	pendingURL    *url.URL             // the address to write after the next paint
	nextFrame     app.Func             // requestAnimationFrame callback: schedules afterPaint
	afterPaint    app.Func             // runs after a frame is painted: flushURL, scrollTraces
	shown         []shownTree          // the trees the last render drew (place.go)
	placed        map[string]*treeView // the places each tree id was last given (place.go)
	gc            idleCollector        // collects the garbage between steps (collect.go)
}

// OnMount starts listening to the keyboard.
func (a *App) OnMount(ctx app.Context) {
	a.init()
	if app.IsClient {
		a.removeKeys = a.listenKeys(ctx)
		a.removePrint = a.listenPrint(ctx)
		a.gc.start()
		a.replayEarlyInput()
	}
}

// init sets the defaults, once.
func (a *App) init() {
	if !a.started {
		a.started = true
		a.speed = defaultSpeed
	}
}

// stepInterval is how long a step lasts when playing at speeds[i].
func stepInterval(i int) time.Duration {
	return time.Duration(float64(baseInterval)/speeds[i]) * time.Millisecond
}

// OnDismount stops listening to the keyboard.
func (a *App) OnDismount() {
	if a.removeKeys != nil {
		a.removeKeys()
		a.removeKeys = nil
	}
	if a.removePrint != nil {
		a.removePrint()
		a.removePrint = nil
	}
	for _, f := range []app.Func{a.nextFrame, a.afterPaint} {
		if f != nil {
			f.Release()
		}
	}
	a.nextFrame, a.afterPaint = nil, nil
	a.closeOrders()
	a.playGen++
	a.playing = false
}

// OnInit sets, in the browser, the state from the address the page was
// opened at, before go-app's first render: without it that render is the
// start page (the zero state), built into the DOM in place of the
// pre-rendered view and replaced by the link's view at once when OnNav
// follows: two DOMs built, and the start page's code (lessons parsed,
// the library's cards) run and compiled before the trees can show (issue
// 12). On the server there is no address yet; OnPreRender sets the state.
func (a *App) OnInit() {
	if !app.IsClient {
		return
	}
	u := app.Window().URL()
	a.overPreRender = true
	a.applyAddress(u)
	a.initAddress = u.String()
}

// OnNav restores the view a link describes, unless OnInit has just set it
// from the same address.
func (a *App) OnNav(ctx app.Context) {
	u := ctx.Page().URL()
	if u.String() != a.initAddress {
		a.applyAddress(u)
	}
	a.initAddress = ""
	l := parseLink(u)
	if a.embed.On && a.embed.Autoplay && a.step < a.lastStep() {
		a.togglePlay(ctx)
	}
	if l.Explore && a.sc != nil {
		a.startOrders(ctx)
	}
	a.afterChange(ctx)
	a.drawNow(ctx) // rather than at the next frame tick
}

// applyAddress sets the state from the page's address: its link, then its
// mode (presenter, embed).
func (a *App) applyAddress(u *url.URL) {
	a.applyLink(parseLink(u))
	a.applyModes(u)
}

// OnPreRender lets the server pre-render the view of the link that was
// requested, so that the page shows it before the wasm front end starts.
func (a *App) OnPreRender(ctx app.Context) {
	a.applyAddress(ctx.Page().URL())
}

// OnAppUpdate reloads the page when go-app reports that the service worker has
// installed a newer build (a new Version), so a rebuilt app is never shown
// from the old cache for longer than one load.
func (a *App) OnAppUpdate(ctx app.Context) {
	if ctx.AppUpdateAvailable() {
		ctx.Reload()
	}
}

// applyLink sets the state from a link.
func (a *App) applyLink(l linkState) {
	a.init()
	a.notice, a.shareMsg = "", ""
	a.playing = false
	a.playGen++
	if a.applyModeLink(l) {
		return
	}
	a.st.openScenario(l.Quiz)
	var sc *scenario
	switch {
	case l.SrcErr != "":
		a.notice = l.SrcErr + "; showing a library scenario instead."
	case l.Src != "":
		f, err := scenarios.Parse("scenario.txt", []byte(l.Src))
		if err != nil {
			a.notice = "The scenario in this link does not parse; it is in the editor."
			a.draft, a.editing, a.editGen = l.Src, true, a.editGen+1
			a.draftErr = asScenarioError(err)
		} else {
			sc = newScenario("", f, l.Src)
		}
	case l.Scenario != "":
		if e, ok := libraryEntry(l.Scenario); ok {
			sc = newScenario(e.Key, e.File, e.Src)
		} else {
			a.notice = "There is no scenario called “" + l.Scenario + "”; showing another one."
		}
	}
	if sc == nil {
		e, ok := libraryEntry(defaultKey)
		if !ok {
			es, _ := library()
			if len(es) == 0 {
				return
			}
			e = es[0]
		}
		sc = newScenario(e.Key, e.File, e.Src)
	}
	a.sc = sc

	unknown := unknownDesigns(l.Designs)
	a.designs = linkDesigns(l.Designs)
	if len(a.designs) == 0 {
		a.designs = DefaultDesigns(sc.File)
	}
	a.notice = joinNotices(a.notice, unknownDesignsNotice(unknown), unknownFormatNotice(l.Format))
	a.format = "plain"
	if validFormat(l.Format) {
		a.format = l.Format
	}
	a.step = l.Step
	a.handout = l.Print
	a.restLater = app.IsClient && !a.overPreRender // App.restLater
	a.refresh()
}

// refresh recomputes the view after a change of state.
func (a *App) refresh() {
	if a.sc == nil {
		return
	}
	a.view = a.computeView()
	if a.editing && a.draftFor != a.sc && a.draftErr == nil && !a.st.ownLesson() {
		a.loadDraft()
	}
}

// afterChange keeps the address current (without a history entry, once the
// frame is painted) and does the browser-side work of the next frame.
func (a *App) afterChange(ctx app.Context) {
	a.syncURL(ctx)
	a.later(ctx)
}

// link returns the state as a link.
func (a *App) link() (linkState, string) {
	if a.st.Mode == modeLesson {
		return a.lessonLink()
	}
	l := linkState{Step: a.step, Format: a.format, Quiz: a.st.Quiz, Explore: a.orders.open, Print: a.handout}
	for _, d := range a.designs {
		l.Designs = append(l.Designs, d.Short())
	}
	packed := ""
	if a.sc.Own() {
		var err error
		packed, err = a.sc.packed()
		if linkProblem(packed, err) != "" {
			packed = ""
		}
	} else {
		l.Scenario = a.sc.Key
	}
	return l, packed
}

// syncURL writes the state into the address with ReplaceURL.
func (a *App) syncURL(ctx app.Context) {
	if a.sc == nil {
		return
	}
	l, packed := a.link()
	q := a.modeQuery(l.query(packed))
	if q == a.query {
		return
	}
	a.query = q
	if !app.IsClient {
		return
	}
	u := *ctx.Page().URL()
	u.RawQuery = q
	u.Fragment = ""
	a.page, a.pendingURL = ctx.Page(), &u
}

// shareURL returns the address of the view, for the editor's Copy link.
func (a *App) shareURL(ctx app.Context) string {
	u := url.URL{Path: "/"}
	if p := ctx.Page().URL(); p != nil {
		u = *p
	}
	l, packed := a.link()
	u.RawQuery = l.query(packed)
	u.Fragment = ""
	return u.String()
}

// do carries out a command from the keyboard or a button.
func (a *App) do(ctx app.Context, c command) {
	if a.view == nil && c != cmdPicker && c != cmdHelp && c != cmdClose {
		return
	}
	switch c = a.revealFirst(c); c {
	case cmdRevealAnswer:
		a.revealNow(ctx)
	case cmdNextStop, cmdPrevStop:
		by := map[command]int{cmdNextStop: 1, cmdPrevStop: -1}[c]
		if a.st.Mode == modeLesson {
			a.moveStop(ctx, by)
		} else {
			a.pause()
			a.setStep(ctx, a.step+by)
		}
	case cmdQuiz:
		a.toggleQuiz(ctx)
	case cmdForward:
		a.pause()
		a.setStep(ctx, a.step+1)
	case cmdBack:
		a.pause()
		a.setStep(ctx, a.step-1)
	case cmdFirst:
		a.pause()
		a.setStep(ctx, a.firstStep())
	case cmdLast:
		a.pause()
		a.setStep(ctx, a.lastStep())
	case cmdPlay:
		a.togglePlay(ctx)
	case cmdFaster:
		a.speed = min(a.speed+1, len(speeds)-1)
	case cmdSlower:
		a.speed = max(a.speed-1, 0)
	case cmdNextDiff, cmdPrevDiff:
		if n := nextMark(a.view.Marks, a.step, c == cmdPrevDiff); n >= 0 {
			a.pause()
			a.setStep(ctx, n)
		}
	case cmdThirdPane:
		if len(a.designs) < maxPanes {
			a.addPane(ctx)
		} else {
			a.removePane(ctx, len(a.designs)-1)
		}
	case cmdNextFormat:
		i := slices.Index(sim.Formats, a.format)
		a.setFormat(ctx, sim.Formats[(i+1)%len(sim.Formats)])
	case cmdPicker:
		a.openOverlay(ctx, "picker")
	case cmdHelp:
		if a.overlay == "help" {
			a.closeOverlay(ctx)
		} else {
			a.openOverlay(ctx, "help")
		}
	case cmdEditor:
		a.toggleEditor(ctx)
	case cmdPresent, cmdReveal, cmdStaged, cmdKeyHint:
		a.doPresent(ctx, c)
	case cmdOrders:
		a.toggleOrders(ctx)
		a.syncURL(ctx)
	case cmdClose:
		switch {
		case a.overlay != "":
			a.closeOverlay(ctx)
		case a.present.On:
			a.doPresent(ctx, cmdPresent)
		case a.editing:
			a.toggleEditor(ctx)
		}
	}
}

// setStep moves the timeline to position n.
func (a *App) setStep(ctx app.Context, n int) {
	if a.view == nil {
		return
	}
	n = min(max(n, a.firstStep()), a.lastStep())
	if n == a.step && a.view.At == n {
		return
	}
	a.step = n
	a.refresh()
	a.afterChange(ctx)
}

func (a *App) setFormat(ctx app.Context, f string) {
	if !validFormat(f) || f == a.format {
		return
	}
	a.format = f
	a.refresh()
	a.afterChange(ctx)
}

// setDesign shows design d in pane i.
func (a *App) setDesign(ctx app.Context, i int, d *sim.Design) {
	if i < 0 || i >= len(a.designs) || a.designs[i] == d {
		return
	}
	if j := slices.Index(a.designs, d); j >= 0 {
		a.designs[j] = a.designs[i] // swap, so that a design is shown once
	}
	a.designs[i] = d
	a.designs = slices.Clone(a.designs)
	a.st.resetAnswers()
	a.refresh()
	a.afterChange(ctx)
}

func (a *App) addPane(ctx app.Context) {
	if len(a.designs) >= maxPanes {
		return
	}
	a.designs = append(slices.Clone(a.designs), ThirdDesign(a.sc.File, a.designs))
	a.st.resetAnswers()
	a.refresh()
	a.afterChange(ctx)
}

func (a *App) removePane(ctx app.Context, i int) {
	if len(a.designs) <= 1 || i < 0 || i >= len(a.designs) {
		return
	}
	a.designs = slices.Delete(slices.Clone(a.designs), i, i+1)
	a.st.resetAnswers()
	a.refresh()
	a.afterChange(ctx)
}

// openScenario shows the library scenario key from its start, with its pair
// (DefaultDesigns): designs the reader picked hold for one scenario only.
func (a *App) openScenario(ctx app.Context, key string) {
	e, ok := libraryEntry(key)
	if !ok {
		return
	}
	a.load(ctx, newScenario(e.Key, e.File, e.Src))
}

// load shows sc from its start under its pair, leaving a lesson or the
// start page; quiz mode stays as it was.
func (a *App) load(ctx app.Context, sc *scenario) {
	a.st.openScenario(a.st.Quiz)
	a.sc = sc
	a.designs = DefaultDesigns(sc.File)
	a.pause()
	a.step = 0
	a.restLater = app.IsClient
	a.notice, a.shareMsg = "", ""
	a.overlay = ""
	a.refresh()
	a.afterChange(ctx)
}

// drawNow renders the change just made at once (and reports whether it
// could), instead of at go-app's next
// frame tick: the engine renders on a 120 Hz ticker that each dispatch after
// an idle moment restarts, so a key press waits 8.3 ms for it, most of a
// step's latency. Consume (go-app's ClientDispatcher, which the browser's
// engine is) handles the pending dispatches and renders; it first waits for
// every goroutine started with ctx.Async, so it is used only when none can
// be running: the player's timer is the app's only one.
func (a *App) drawNow(ctx app.Context) bool {
	if !app.IsClient || a.ticking {
		return false
	}
	cd, ok := ctx.Dispatcher().(app.ClientDispatcher)
	if !ok {
		return false
	}
	ctx.Dispatch(func(app.Context) {}) // the App's update
	cd.Consume()
	return true
}

// pause stops playing.
func (a *App) pause() {
	a.playing = false
	a.playGen++
}

// togglePlay starts or stops playing; playing from the last step starts over.
func (a *App) togglePlay(ctx app.Context) {
	if a.playing {
		a.pause()
		return
	}
	if a.step >= a.lastStep() {
		a.setStep(ctx, a.firstStep())
	}
	a.playing = true
	a.playGen++
	a.scheduleTick(ctx, a.playGen)
}

func (a *App) scheduleTick(ctx app.Context, gen int) {
	d := stepInterval(a.speed)
	a.ticking = true
	ctx.Async(func() {
		time.Sleep(d)
		a.dispatch(ctx, func(ctx app.Context) {
			a.ticking = false
			if !a.playing || gen != a.playGen {
				return
			}
			a.setStep(ctx, a.step+1)
			if a.step >= a.lastStep() {
				a.playing = false
				return
			}
			a.scheduleTick(ctx, gen)
		})
	})
}

func (a *App) openOverlay(ctx app.Context, which string) {
	a.overlay = which
	a.pause()
	a.focus = "overlay"
	a.later(ctx)
}

func (a *App) closeOverlay(ctx app.Context) {
	a.overlay = ""
	a.focus = "forklab"
	a.later(ctx)
}
