package ui

import (
	"fmt"
	"net/url"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// TestBigTreesMount opens the generated scenario with 200 processes in
// three panes at its last step, in one update, as a link or the editor's
// Run does in the browser. go-app dispatches an update for every component
// it mounts, into a queue of 4,096 that only its engine drains: a render
// that mounts more hangs the page (nodeView). Natively the whole page
// mounts at once; the browser's first render leaves the tables, debuggers
// and trace logs for the next (App.restLater).
func TestBigTreesMount(t *testing.T) {
	src, last := big(t)
	a := &App{}
	d := app.NewClientTester(a) // not closed if it hangs: Close would wait for it
	done := make(chan error, 1)
	u, err := url.Parse("http://localhost/?scenario=fork-follow-continue")
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		d.Consume()
		d.Nav(u)
		d.Consume()
		var err error
		d.Dispatch(app.Dispatch{Mode: app.Update, Source: a, Function: func(ctx app.Context) {
			a.draft = src
			a.runDraft(ctx)
			a.addPane(ctx)
			a.setStep(ctx, last)
			if len(a.view.Panes) != 3 || a.view.N != last {
				err = fmt.Errorf("%d panes at step %d, want 3 at %d", len(a.view.Panes), a.view.N, last)
			}
		}})
		d.Consume()
		done <- err
	}()
	select {
	case err := <-done:
		d.Close()
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("mounting three trees of 200 processes hangs go-app's engine")
	}
}
