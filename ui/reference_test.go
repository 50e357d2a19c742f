package ui

import (
	"strings"
	"testing"

	"forklab/scenarios"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// TestReferencePanel checks that an error links to its call's entry and that
// the panel lists every entry of scenarios.Reference.
func TestReferencePanel(t *testing.T) {
	x := newTester(t)
	x.nav("/?scenario=detach")
	x.do(cmdEditor)
	x.run(func(ctx app.Context) { x.a.setDraft(x.a.sc.Src + "D: fork as\n") })
	x.contains(`data-ref="fork"`, "How to write fork")
	r, ok := errorCall(x.a.draft, x.a.draftErr.Pos.Line)
	if !ok || r.Name != "fork" {
		t.Fatalf("the error's line is read as %v %v", r, ok)
	}
	x.run(func(ctx app.Context) { x.a.onShowReference(r.Name)(ctx, app.Event{}) })
	h := x.html()
	if n := strings.Count(h, `data-role="reference-entry"`); n != len(scenarios.Reference()) {
		t.Errorf("the panel lists %d entries, the reference has %d", n, len(scenarios.Reference()))
	}
	if n := strings.Count(h, `data-role="reference-line"`); n != len(scenarios.LineReference()) {
		t.Errorf("the panel lists %d other lines, the reference has %d", n, len(scenarios.LineReference()))
	}
	if x.a.focus != "ref-fork" && !strings.Contains(h, `id="ref-fork"`) {
		t.Error("the fork entry is not there to be focused")
	}
	if r, ok := errorCall("D: ptrace lwpinfo\n", 1); !ok || r.Name != "ptrace lwpinfo" {
		t.Errorf("ptrace lwpinfo's line is read as %v %v", r, ok)
	}
}
