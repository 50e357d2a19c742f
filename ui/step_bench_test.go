package ui

import (
	"net/url"
	"strings"
	"testing"

	"forklab/scenarios"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// BenchmarkStepPage is the Go side of a key press on the page: the App,
// mounted natively (go-app's client tester: no DOM), steps through the largest
// library scenario under its default designs, view, render and go-app's
// update included; what the browser adds (the DOM, painting) is measured by
// TestMeasure. go test ./ui -run X -bench StepPage -benchmem -cpuprofile cpu.out
func BenchmarkStepPage(b *testing.B) {
	key, last := largestLibraryScenario(b)
	a := &App{}
	d := app.NewClientTester(a)
	defer d.Close()
	d.Consume()
	u, err := url.Parse("http://localhost/?scenario=" + key)
	if err != nil {
		b.Fatal(err)
	}
	d.Nav(u)
	d.Consume()
	press := func(c command) {
		d.Dispatch(app.Dispatch{Mode: app.Update, Source: a, Function: func(ctx app.Context) { a.do(ctx, c) }})
		d.Consume()
	}
	b.ResetTimer()
	for i := range b.N {
		if i%(last+1) == last {
			press(cmdFirst)
		} else {
			press(cmdForward)
		}
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
