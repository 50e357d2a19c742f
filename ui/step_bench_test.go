package ui

import (
	"net/url"
	"strings"
	"testing"

	"forklab/scenarios"
	"forklab/sim"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// BenchmarkStepPage is the Go side of a key press on the page: the App,
// mounted natively (go-app's client tester: no DOM), steps through the largest
// library scenario under its default designs, view, render and go-app's
// update included; what the browser adds (the DOM, painting) is measured by
// TestMeasure. go test ./ui -run X -bench StepPage -benchmem -cpuprofile cpu.out
func BenchmarkStepPage(b *testing.B) {
	key, last := largestLibraryScenario(b)
	benchSteps(b, "/?scenario="+key, nil, last)
}

// BenchmarkStepPage200 steps, as BenchmarkStepPage, through the generated
// scenario with 200 processes that TestMeasure runs from the editor.
func BenchmarkStepPage200(b *testing.B) {
	src := scenarios.GenerateLive(12, scenarios.GenParams{Procs: 200, Steps: 60}, sim.Designs()[0])
	f, err := scenarios.Parse("scenario.txt", []byte(src))
	if err != nil {
		b.Fatal(err)
	}
	last := buildView(newScenario("", f, src), DefaultDesigns(f), 0, "plain", true).Last
	benchSteps(b, "/?scenario=fork-follow-continue", func(ctx app.Context, a *App) {
		a.draft = src
		a.runDraft(ctx)
		if !a.sc.Own() || len(a.view.Panes[0].Tree.Nodes) < 200 {
			b.Fatalf("the generated scenario did not load: %v", a.draftErr)
		}
	}, last)
}

// benchSteps mounts the App on path, runs load (if any) in an update, and
// presses → at every iteration, Home after the last step.
func benchSteps(b *testing.B, path string, load func(app.Context, *App), last int) {
	a := &App{}
	d := app.NewClientTester(a)
	defer d.Close()
	d.Consume()
	u, err := url.Parse("http://localhost" + path)
	if err != nil {
		b.Fatal(err)
	}
	d.Nav(u)
	d.Consume()
	update := func(f func(app.Context)) {
		d.Dispatch(app.Dispatch{Mode: app.Update, Source: a, Function: f})
		d.Consume()
	}
	if load != nil {
		update(func(ctx app.Context) { load(ctx, a) })
	}
	b.ResetTimer()
	for i := range b.N {
		c := cmdForward
		if i%(last+1) == last {
			c = cmdFirst
		}
		update(func(ctx app.Context) { a.do(ctx, c) })
	}
}

// largestLibraryScenario is the library scenario with the most steps under its
// default designs (the one TestMeasure steps through in CI).
func largestLibraryScenario(b *testing.B) (key string, last int) {
	lib, err := scenarios.Library()
	if err != nil {
		b.Fatal(err)
	}
	last = -1
	for _, e := range lib {
		k := strings.TrimSuffix(e.Path, ".txt")
		sc := newScenario(k, e.File, string(e.Src))
		if n := buildView(sc, DefaultDesigns(e.File), 0, "plain", true).Last; n > last {
			key, last = k, n
		}
	}
	return key, last
}
