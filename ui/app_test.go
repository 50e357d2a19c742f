package ui

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"forklab/scenarios"
	"forklab/sim"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// tester mounts an App natively (go-app's NewClientTester) and drives it.
type tester struct {
	t *testing.T
	a *App
	d app.ClientDispatcher
}

func newTester(t *testing.T) *tester {
	a := &App{}
	d := app.NewClientTester(a)
	t.Cleanup(d.Close)
	d.Consume()
	return &tester{t: t, a: a, d: d}
}

// nav opens a link such as "/?scenario=detach&step=3".
func (x *tester) nav(link string) {
	x.t.Helper()
	u, err := url.Parse("http://localhost" + link)
	if err != nil {
		x.t.Fatal(err)
	}
	x.d.Nav(u)
	x.d.Consume()
}

// run runs fn on the UI goroutine as an event handler would, then renders.
func (x *tester) run(fn func(ctx app.Context)) {
	x.d.Dispatch(app.Dispatch{Mode: app.Update, Source: x.a, Function: fn})
	x.d.Consume()
}

func (x *tester) do(c command) { x.run(func(ctx app.Context) { x.a.do(ctx, c) }) }

// html is the page's HTML with its glossary terms as plain text (unwrapTerms).
func (x *tester) html() string { return unwrapTerms(app.HTMLString(x.a)) }

func (x *tester) contains(want ...string) {
	x.t.Helper()
	h := x.html()
	for _, w := range want {
		if !strings.Contains(h, w) {
			x.t.Errorf("the page lacks %s", w)
		}
	}
}

func TestAppRenders(t *testing.T) {
	x := newTester(t)
	x.contains(
		// go-app prints attributes in no fixed order.
		`id="forklab"`,
		`data-runtime="server"`, // natively, app.IsClient is false
		">forklab</a></h1>",
		"debugger follows fork, vfork and exec",
	)
	x.nav("/?scenario=fork-follow-continue")
	x.contains(`data-scenario="fork-follow-continue"`, `data-step="0"`, `data-designs="old,new"`,
		"A followed fork under plain PT_CONTINUE", `data-role="tree"`)
	// No boolean attribute is printed false: HTML would read it as set.
	for _, bad := range []string{`selected="false"`, `disabled="false"`, `hidden="false"`} {
		if strings.Contains(x.html(), bad) {
			t.Errorf("the page has %s", bad)
		}
	}
}

func TestLinkRestoresView(t *testing.T) {
	x := newTester(t)
	x.nav("/?scenario=exec-continue&step=4&designs=old,new,linux&format=strace")
	a := x.a
	if a.view.N != 4 || designsKey(a.designs) != "old,new,linux" || a.format != "strace" {
		t.Fatalf("view at step %d under %s in %s", a.view.N, designsKey(a.designs), a.format)
	}
	if got := strings.Count(x.html(), "<article"); got != 3 {
		t.Errorf("%d panes, want 3", got)
	}
	x.contains(`data-format="strace"`, "step 4 / ")
	if a.query != "scenario=exec-continue&step=4&designs=old,new,linux&format=strace" {
		t.Errorf("the address is %s", a.query)
	}
}

func TestStepping(t *testing.T) {
	x := newTester(t)
	x.nav("/?scenario=vfork-follow")
	a := x.a
	x.do(cmdForward)
	x.do(cmdForward)
	x.do(cmdBack)
	if a.step != 1 || !strings.Contains(a.query, "step=1") {
		t.Errorf("→ → ← gives step %d, address %s", a.step, a.query)
	}
	x.do(cmdLast)
	if a.step != a.view.Last {
		t.Errorf("End gives step %d of %d", a.step, a.view.Last)
	}
	x.do(cmdForward)
	if a.step != a.view.Last {
		t.Errorf("→ at the end gives step %d", a.step)
	}
	x.do(cmdFirst)
	x.do(cmdBack)
	if a.step != 0 {
		t.Errorf("← at the start gives step %d", a.step)
	}
	x.do(cmdNextDiff)
	if a.step == 0 || !a.view.Marks[a.step] || len(a.view.Diffs) == 0 {
		t.Errorf("] goes to step %d, which is no difference", a.step)
	}
	x.contains(`data-role="diffs"`, "The designs differ here in what an observer sees:")
	x.do(cmdFaster)
	x.do(cmdFaster)
	if speeds[a.speed] != 2 {
		t.Errorf("two + give %v×", speeds[a.speed])
	}
	x.do(cmdNextFormat)
	if a.format != "kdump" || !strings.Contains(a.query, "format=kdump") {
		t.Errorf("f gives %s", a.format)
	}
}

func TestPanes(t *testing.T) {
	x := newTester(t)
	x.nav("/?scenario=detach&designs=old,new")
	a := x.a
	x.do(cmdThirdPane)
	if designsKey(a.designs) != "old,new,merged" {
		t.Errorf("t gives %s", designsKey(a.designs))
	}
	linux, _ := sim.LookupDesign("linux")
	old, _ := sim.LookupDesign("old")
	x.run(func(ctx app.Context) { a.setDesign(ctx, 1, linux) })
	x.run(func(ctx app.Context) { a.setDesign(ctx, 2, old) }) // old is in pane 0: they swap
	if designsKey(a.designs) != "merged,linux,old" {
		t.Errorf("after choosing: %s", designsKey(a.designs))
	}
	x.do(cmdThirdPane)
	if designsKey(a.designs) != "merged,linux" || !strings.Contains(a.query, "designs=merged,linux") {
		t.Errorf("t again gives %s (%s)", designsKey(a.designs), a.query)
	}
	// A single-design scenario opens beside the design before it.
	x.run(func(ctx app.Context) { a.openScenario(ctx, "freebsd/getppid") })
	if designsKey(a.designs) != "merged,current" {
		t.Errorf("freebsd/getppid opens under %s", designsKey(a.designs))
	}
	x.contains("not written for merged")
}

func TestBadLinks(t *testing.T) {
	x := newTester(t)
	x.nav("/?scenario=no-such&designs=old,bogus&step=999&format=pdf")
	a := x.a
	if a.sc.Key != defaultKey || a.step != a.view.Last || a.format != "plain" || designsKey(a.designs) != "old" {
		t.Errorf("a bad link shows %s at %d/%d in %s under %s", a.sc.Key, a.step, a.view.Last, a.format, designsKey(a.designs))
	}
	if a.notice == "" {
		t.Errorf("a bad link says nothing")
	}
	x.nav("/?src=!!!")
	if !strings.Contains(a.notice, "damaged") {
		t.Errorf("a damaged src= says %q", a.notice)
	}
	x.nav("/?src=" + mustPack(t, "title: x\nproc P\nP: frok\n"))
	if !a.editing || a.draftErr == nil || a.draftErr.Pos.Line != 3 {
		t.Errorf("a src= that does not parse: editing %v, error %v", a.editing, a.draftErr)
	}
}

func TestEditor(t *testing.T) {
	x := newTester(t)
	x.nav("/?scenario=fork-no-follow")
	a := x.a
	x.do(cmdEditor)
	if !a.editing || a.draft != a.sc.Src {
		t.Fatalf("e opens the editor with %d characters", len(a.draft))
	}
	bad := strings.Replace(a.draft, "P: fork", "P: frok", 1)
	_, err := scenarios.Parse("scenario.txt", []byte(bad))
	se := asScenarioError(err)
	x.run(func(ctx app.Context) { a.setDraft(bad) })
	if a.draftErr == nil || *a.draftErr != *se {
		t.Fatalf("the editor has error %v, want %v", a.draftErr, se)
	}
	// go-app prints an attribute whose value is "true" without the value.
	msg, _, _ := strings.Cut(se.Msg, `"`)
	x.contains("Line "+itoa(se.Pos.Line)+", column "+itoa(se.Pos.Col)+": "+msg, "data-error", "aria-invalid")
	good := strings.Replace(a.sc.Src, "title: ", "title: My ", 1)
	x.run(func(ctx app.Context) { a.setDraft(good) })
	x.run(func(ctx app.Context) { a.runDraft(ctx) })
	if !a.sc.Own() || !strings.HasPrefix(a.sc.File.Title, "My ") || !strings.Contains(a.query, "src=") || strings.Contains(a.query, "scenario=") {
		t.Errorf("Run shows %q, address %s", a.sc.File.Title, a.query)
	}
	x.contains("(your scenario)", `data-scenario="own"`)

	// The link brings it back.
	y := newTester(t)
	y.nav("/?" + a.query)
	if !y.a.sc.Own() || y.a.sc.Src != good {
		t.Errorf("the link of one's own scenario opens %q", y.a.sc.File.Title)
	}

	// Past the limit it runs, but the address cannot carry it.
	var big strings.Builder
	big.WriteString(good)
	for i := range 3000 {
		big.WriteString("\n# " + itoa(i*7919%10007) + " " + itoa(i*104729%99991))
	}
	x.run(func(ctx app.Context) { a.setDraft(big.String()) })
	x.run(func(ctx app.Context) { a.runDraft(ctx) })
	if !a.sc.Own() || strings.Contains(a.query, "src=") || !strings.Contains(a.shareMsg, "at most 6,000") {
		t.Errorf("past the limit: address %d characters, message %q", len(a.query), a.shareMsg)
	}
	x.do(cmdClose)
	if a.editing {
		t.Errorf("Esc leaves the editor open")
	}
}

func TestErrorExcerpt(t *testing.T) {
	got := errorExcerpt("one\n\tP: frok\nthree", 2, 5)
	if got != "\tP: frok\n\t   ^" {
		t.Errorf("errorExcerpt = %q", got)
	}
}

// TestEveryScenarioEveryStep renders every library scenario at every step,
// in its default pair of panes and with a third, and checks that each pane
// shows the frame the timeline says.
func TestEveryScenarioEveryStep(t *testing.T) {
	lib, err := library()
	if err != nil {
		t.Fatal(err)
	}
	x := newTester(t)
	for _, e := range lib {
		x.nav("/?scenario=" + e.Key)
		for _, panes := range []int{2, 3} {
			if len(x.a.designs) != panes {
				x.do(cmdThirdPane)
			}
			v := x.a.view
			for n := 0; n <= v.Last; n++ {
				x.run(func(ctx app.Context) { x.a.setStep(ctx, n) })
				h := x.html()
				if !strings.Contains(h, `data-step="`+itoa(n)+`"`) || !strings.Contains(h, "step "+itoa(n)+" / "+itoa(v.Last)) {
					t.Fatalf("%s at step %d: the page shows another step", e.Key, n)
				}
				ph := paneHTML(h)
				for i, p := range x.a.view.Panes {
					if want := min(n, p.Frames-1); p.Frame != want {
						t.Errorf("%s at step %d: %s shows frame %d, want %d", e.Key, n, p.Design.Short(), p.Frame, want)
					}
					want := 0
					if !p.Ended {
						want = len(x.a.sc.run(p.Design).Run.Frames[p.Frame].Broken)
					}
					if got := strings.Count(ph[i], `data-role="broken"`); got != want {
						t.Errorf("%s at step %d: %s shows %d broken invariants, the frame %d", e.Key, n, p.Design.Short(), got, want)
					}
				}
			}
		}
		x.do(cmdThirdPane)
	}
}

// paneHTML splits a page's HTML into its panes' HTML, in order.
func paneHTML(h string) []string {
	parts := strings.Split(h, "<article")
	return parts[1:]
}

// TestInvariantBroken checks the callout of the project's key finding:
// traceme-exit-status.txt line 21, P's second "wait C", gets C's exit status
// again under 9.0 (and the proposal), which breaks exit-status-once on
// purpose; current delivers it once. The callout, the header badge and the
// live region say so at that step and no other.
func TestInvariantBroken(t *testing.T) {
	x := newTester(t)
	for _, designs := range []string{"old,current", "old,new"} {
		x.nav("/?scenario=traceme-exit-status&designs=" + designs)
		breaks := map[string]bool{"old": true, "new": true}
		found := false
		for n := 0; n <= x.a.view.Last; n++ {
			x.run(func(ctx app.Context) { x.a.setStep(ctx, n) })
			v := x.a.view
			ph := paneHTML(x.html())
			for i, p := range v.Panes {
				at := !p.Ended && p.Frame > 0 && x.a.sc.run(p.Design).Run.Frames[p.Frame].Step.Pos.Line == 21
				want := at && breaks[p.Design.Short()]
				got := strings.Contains(ph[i], `data-role="broken"`)
				if got != want {
					t.Errorf("%s at step %d (line 21: %v): pane %s shows the callout: %v", designs, n, at, p.Design.Short(), got)
				}
				if !want {
					continue
				}
				found = true
				for _, s := range []string{
					`data-invariant="exit-status-once"`, `data-role="broken-badge"`,
					"invariant broken", "no process receives the same child&#39;s exit status twice",
					"P[100] got C[101]&#39;s exit status 2 times",
					"This is how " + p.Design.Name + " behaves, a finding and not a fault in forklab&#39;s model: proc_reap&#39;s hand-back",
				} {
					if !strings.Contains(ph[i], s) {
						t.Errorf("%s at step %d: pane %s lacks %s", designs, n, p.Design.Short(), s)
					}
				}
				if strings.Contains(ph[i], "model bug") {
					t.Errorf("%s at step %d: a declared break shows as a model bug", designs, n)
				}
				if !strings.Contains(v.Live, p.Design.Short()+": line 21") || !strings.Contains(v.Live, "Invariant broken: exit-status-once, P[100] got C[101]'s exit status 2 times; this is how "+p.Design.Name+" behaves, not a fault in forklab's model.") {
					t.Errorf("%s at step %d: the live region says %q", designs, n, v.Live)
				}
			}
		}
		if !found {
			t.Errorf("%s: no step shows exit-status-once broken", designs)
		}
	}
}

// TestModelBugLooksLikeAnError renders a violation the design does not
// declare: it is an error, not a finding.
func TestModelBugLooksLikeAnError(t *testing.T) {
	cur, _ := sim.LookupDesign("current")
	h := renderHTML(renderBroken(newBrokenNote(cur, sim.Violation{Invariant: "one-parent", Detail: "C[101] has parent none"})))
	for _, s := range []string{"model bug", `data-invariant="one-parent"`, "every process but init has exactly one parent", "bug in forklab&#39;s model"} {
		if !strings.Contains(h, s) {
			t.Errorf("the callout lacks %s: %s", s, h)
		}
	}
	if strings.Contains(h, "This is how ") {
		t.Errorf("an undeclared violation says it is how the design behaves: %s", h)
	}
}

// renderHTML renders a UI natively, as the server would.
func renderHTML(ui app.UI) string {
	c := &wrap{UI: ui}
	d := app.NewClientTester(c)
	defer d.Close()
	d.Consume()
	return app.HTMLString(c)
}

type wrap struct {
	app.Compo
	UI app.UI
}

func (w *wrap) Render() app.UI { return el("div").Body(w.UI) }

// TestAsScenarioError: a scenario error is found under wrapping; another
// error is shown at line 1, column 1.
func TestAsScenarioError(t *testing.T) {
	se := &scenarios.Error{Pos: scenarios.Pos{Line: 3, Col: 7}, Msg: "no such call"}
	if got := asScenarioError(fmt.Errorf("reading the link: %w", se)); got != se {
		t.Errorf("a wrapped scenario error gives %v, want %v", got, se)
	}
	if got := asScenarioError(errors.New("bad link")); got.Pos != (scenarios.Pos{Line: 1, Col: 1}) || got.Msg != "bad link" {
		t.Errorf("another error gives %+v, want line 1, column 1, its message", got)
	}
}
