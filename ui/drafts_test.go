package ui

import (
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// TestDraftKept types into the editor and checks that the edit survives Esc,
// another scenario and coming back, and that Reset drops it.
func TestDraftKept(t *testing.T) {
	x := newTester(t)
	x.nav("/?scenario=detach")
	x.do(cmdEditor)
	edited := x.a.sc.Src + "\n# my note\n"
	x.run(func(ctx app.Context) { x.a.setDraft(edited); x.a.keepDraft() })
	x.do(cmdClose)
	x.do(cmdEditor)
	if x.a.draft != edited {
		t.Fatal("Esc lost the edit")
	}
	x.nav("/?scenario=orphan-race")
	if x.a.draft == edited {
		t.Fatal("another scenario shows detach's draft")
	}
	x.nav("/?scenario=detach")
	if x.a.draft != edited {
		t.Fatal("coming back to the scenario lost the edit")
	}
	x.run(func(ctx app.Context) { x.a.onReset(ctx, app.Event{}) })
	x.do(cmdClose)
	x.do(cmdEditor)
	if x.a.draft != x.a.sc.Src {
		t.Fatal("Reset did not drop the draft")
	}
	if _, ok := pageStore.get(draftKey(x.a.sc)); ok {
		t.Fatal("Reset left the draft in the store")
	}
}
