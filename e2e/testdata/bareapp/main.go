//go:build js && wasm

// Command bareapp is a bare go-app page built the same way as forklab's front
// end: the e2e measurements compare the time to its first render with the
// time to forklab's first scenario drawn. It is under testdata so that
// ./... leaves it alone; the test builds it by path.
package main

import (
	"syscall/js"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

type bare struct{ app.Compo }

func (b *bare) Render() app.UI {
	return app.Main().ID("forklab").DataSet("runtime", "wasm").DataSet("bare", "wasm").Body(
		app.H1().Text("forklab"),
		app.P().Text("A bare go-app page."),
	)
}

func main() {
	js.Global().Get("performance").Call("mark", "forklab:main") // as forklab's main_wasm.go
	app.Route("/", &bare{})
	app.RunWhenOnBrowser()
}
