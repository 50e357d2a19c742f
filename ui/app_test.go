package ui

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

func TestAppRenders(t *testing.T) {
	c := &App{}
	d := app.NewClientTester(c)
	defer d.Close()
	d.Consume()

	html := app.HTMLString(c)
	for _, want := range []string{
		// go-app prints attributes in no fixed order.
		`id="forklab"`,
		`data-runtime="server"`, // natively, app.IsClient is false
		"<h1>forklab</h1>",
		"debugger follows fork, vfork and exec",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("App renders\n%s\nwhich lacks %s", html, want)
		}
	}
}
