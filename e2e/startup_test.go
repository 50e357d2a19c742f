//go:build !wasm

package e2e

// The front end's start-up work, run natively, for go test's -cpuprofile
// (issue 12: where a cold load's time goes after app.wasm has started):
//
//	go test -run '^$' -bench Startup -cpuprofile cpu.out ./e2e
//	go tool pprof -top -cum cpu.out
//
// Natively, app.IsClient is false, so the first render has every pane's
// debugger view, narration and trace log, which the browser brings a frame
// later; and Go runs several times faster than in wasm. The proportions are
// what count.

import (
	"net/url"
	"testing"

	"forklab/scenarios"
	"forklab/ui"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// BenchmarkStartupLibrary parses the whole scenario library, as the first
// view of any link does today (ui's library(), once per page load).
func BenchmarkStartupLibrary(b *testing.B) {
	for b.Loop() {
		if _, err := scenarios.Library(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStartupFirstView mounts the root component and navigates it to a
// scenario link: running the scenario under the link's designs, building
// the view and rendering it. The library is parsed once, before.
func BenchmarkStartupFirstView(b *testing.B) {
	u, err := url.Parse("http://localhost/?scenario=fork-follow-continue")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		a := &ui.App{}
		d := app.NewClientTester(a)
		d.Nav(u)
		d.Consume()
		d.Close()
	}
}
