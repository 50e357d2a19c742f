// Package ui holds forklab's go-app components. It compiles natively as well
// as for js/wasm: browser-only calls belong in *_wasm.go files
// (//go:build js && wasm) with *_other.go stubs, and components are tested
// natively with app.NewClientTester and app.HTMLString.
package ui

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// Register routes the app's paths to their components. Both mains in
// cmd/serve call it: the server pre-renders the routes and the wasm front end
// mounts them; the static export writes a page for each. In the browser it
// also sets up the page's glossary tooltip (tooltip.go), for every route.
func Register() {
	app.Route("/", &App{})
	app.Route(glossaryPath, &glossaryPage{})
	app.Route(assumptionsPath, &assumptionsPage{})
	app.Route(embedPath, &App{}) // the same app, laid out for a frame (embed.go)
	installTooltips()
}
