package ui

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// App is the root component. This first version only says what forklab is; the
// visualizer replaces it.
type App struct {
	app.Compo
}

// Render draws the page.
func (a *App) Render() app.UI {
	runtime := "server"
	if app.IsClient {
		runtime = "wasm"
	}
	return app.Div().ID("forklab").DataSet("runtime", runtime).Body(
		app.H1().Text("forklab"),
		app.P().Text("Step by step, what a Unix kernel does when a debugger follows fork, vfork and exec."),
	)
}

// OnAppUpdate reloads the page when the service worker has a new version.
func (a *App) OnAppUpdate(ctx app.Context) { ctx.Reload() }
