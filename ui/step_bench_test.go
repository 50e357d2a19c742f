package ui

import (
	"fmt"
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
	benchSteps(b, "/?scenario="+key, nil, last, 0)
}

// BenchmarkStepPage200 steps, as BenchmarkStepPage, through the generated
// scenario with 200 processes that TestMeasure runs from the editor.
func BenchmarkStepPage200(b *testing.B) {
	src, last := big(b)
	benchSteps(b, "/?scenario=fork-follow-continue", loadBig(b, src, 0), last, 0)
}

// BenchmarkStepPageRelayout goes back and forth between steps 50 and 51 of
// that scenario, where a fork re-lays the tree out and most of its nodes move.
func BenchmarkStepPageRelayout(b *testing.B) {
	src, _ := big(b)
	benchSteps(b, "/?scenario=fork-follow-continue", loadBig(b, src, 50), 51, 50)
}

// big is the generated scenario with 200 processes, and its last step.
func big(b testing.TB) (src string, last int) {
	src = scenarios.GenerateLive(12, scenarios.GenParams{Procs: 200, Steps: 60}, sim.Designs()[0])
	f, err := scenarios.Parse("scenario.txt", []byte(src))
	if err != nil {
		b.Fatal(err)
	}
	return src, buildView(newScenario("", f, src), DefaultDesigns(f), 0, "plain", true).Last
}

// loadBig runs src from the editor and goes to step at.
func loadBig(b *testing.B, src string, at int) func(app.Context, *App) error {
	return func(ctx app.Context, a *App) error {
		a.draft = src
		a.runDraft(ctx)
		if !a.sc.Own() || len(a.view.Panes[0].Tree.Nodes) < 200 {
			return fmt.Errorf("the generated scenario did not load: %v", a.draftErr)
		}
		a.setStep(ctx, at)
		if at > 0 {
			from, to := a.view.Panes[0].Tree, buildView(a.sc, a.designs, at+1, a.format, true).Panes[0].Tree
			moved := 0
			for i := range min(len(from.At), len(to.At)) {
				if from.At[i] != to.At[i] {
					moved++
				}
			}
			if moved < 100 {
				return fmt.Errorf("steps %d and %d move %d nodes, not most of the tree", at, at+1, moved)
			}
		}
		return nil
	}
}

// benchSteps mounts the App on path, runs load (if any) in an update, and
// presses → at every iteration, Home after the last step (→ from first to
// last, then Home, which goes to step 0: first > 0 presses ← instead, from
// last back to first).
func benchSteps(b *testing.B, path string, load func(app.Context, *App) error, last, first int) {
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
		var err error // b.Fatal inside go-app's update would hang the engine
		update(func(ctx app.Context) { err = load(ctx, a) })
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	span := last - first
	for i := range b.N {
		c := cmdForward
		switch {
		case i%(span+1) != span:
		case first > 0:
			c = cmdBack
		default:
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
