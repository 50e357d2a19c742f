package ui

import (
	"html"
	"strings"
	"testing"

	"forklab/scenarios"
)

// narrationOf returns the narration of pane i as the page renders it.
func narrationOf(x *tester, i int) string {
	return unwrapTerms(renderHTML(renderNarration(x.a.view.Panes[i].Narr)))
}

// TestNoCreditBeforeReturn: under 9.1 the kernel sets vfork's value at step 5,
// while P sleeps in syscallret until C has exec'd; the page must not say that
// vfork returned C until step 7.
func TestNoCreditBeforeReturn(t *testing.T) {
	x := newTester(t)
	x.nav("/?scenario=vfork-csh&step=5&designs=merged,old")
	n := narrationOf(x, 0)
	if strings.Contains(n, "→") || !strings.Contains(n, "vfork as C: the kernel has set its value, C, but the call has not returned; it returns at step 7") {
		t.Errorf("step 5 under merged credits vfork's value:\n%s", n)
	}
	if strings.Contains(x.a.view.Live, "vfork as C returns") {
		t.Errorf("step 5: the live region says %q", x.a.view.Live)
	}
	x.nav("/?scenario=vfork-csh&step=7&designs=merged,old")
	for i, want := range []string{"(its value was set at step 5)", "vfork as C"} {
		if n := narrationOf(x, i); !strings.Contains(n, `data-result="returned"`) || !strings.Contains(n, want) {
			t.Errorf("step 7, pane %d: vfork's return is not told (%q):\n%s", i, want, n)
		}
	}
}

// TestCalloutSaysWhatIsCompared: where the designs agree the callout says on
// what (scenarios.Observed), and where only PT_LWPINFO differs it lists it.
func TestCalloutSaysWhatIsCompared(t *testing.T) {
	x := newTester(t)
	x.nav("/?scenario=fork-follow-to-scx&step=5&designs=old,new")
	h := x.html()
	if strings.Contains(h, "agree") || !strings.Contains(h, "P: what its tracer reads") || !strings.Contains(h, "PL_FLAG_SCX|PL_FLAG_FORKED") {
		t.Errorf("step 5: the callout does not list P's PT_LWPINFO record")
	}
	x.nav("/?scenario=fork-follow-to-scx&step=1&designs=old,new")
	if !strings.Contains(x.html(), "The designs agree at this step on what an observer sees: "+html.EscapeString(scenarios.Observed)) {
		t.Errorf("step 1: the callout does not say what was compared")
	}
}
