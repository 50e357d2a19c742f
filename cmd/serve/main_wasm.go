//go:build js && wasm

// The wasm front end: the same routes as the server, mounted in the browser.
// Keep this file tiny and free of server code: everything it imports ends up
// in app.wasm (go-app-notes.md, "Build tags, package placement and wasm size").
package main

import (
	"syscall/js"

	"forklab/ui"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

func main() {
	// The e2e measurements (TestMeasure) read this mark: the Go program has
	// started, its package initialisation done.
	js.Global().Get("performance").Call("mark", "forklab:main")
	ui.Register()
	app.RunWhenOnBrowser()
}
