package ui

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// exploreAll drives the orders panel's slices to the end, as the browser's
// messages would.
func (x *tester) exploreAll() {
	x.t.Helper()
	for i := 0; x.a.orders.running; i++ {
		if i > 100000 {
			x.t.Fatal("the exploration did not end")
		}
		x.run(func(ctx app.Context) { x.a.runSlice(ctx, x.a.orders.gen) })
	}
}

// TestOrdersPanel opens the panel from a link and checks its table: under
// 9.1 the orphan race has more than one outcome class, one of which breaks
// exit-status-once, and under current none does.
func TestOrdersPanel(t *testing.T) {
	x := newTester(t)
	x.nav("/?scenario=orphan-race&explore=1&designs=merged,current")
	if !x.a.orders.open || !x.a.orders.running {
		t.Fatalf("explore=1 did not start the exploration: open %v running %v", x.a.orders.open, x.a.orders.running)
	}
	x.exploreAll()
	h := x.html()
	classes := map[string]int{}
	brokenUnder := map[string]bool{}
	for _, tag := range regexp.MustCompile(`<tr[^>]*data-role="outcome"[^>]*>`).FindAllString(h, -1) {
		design, count, broken := attr(tag, "data-design"), attr(tag, "data-count"), attr(tag, "data-broken")
		if n, err := strconv.Atoi(count); err != nil || n <= 0 {
			t.Errorf("a class under %s has data-count %q", design, count)
		}
		classes[design]++
		if strings.Contains(broken, "exit-status-once") {
			brokenUnder[design] = true
		}
	}
	if classes["freebsd-9.1"] < 2 || classes["freebsd-current"] < 1 {
		t.Errorf("outcome rows per design: %v, want more than one under freebsd-9.1", classes)
	}
	if !brokenUnder["freebsd-9.1"] || brokenUnder["freebsd-current"] {
		t.Errorf("exit-status-once broken under: %v, want freebsd-9.1 and not freebsd-current", brokenUnder)
	}
	if !strings.Contains(h, "no process receives the same child") {
		t.Error("the broken invariant is not said in words")
	}
	if !strings.Contains(x.a.query, "explore=1") {
		t.Errorf("the address does not keep the panel open: %s", x.a.query)
	}

	// Choose the class (go-app writes a true attribute natively without its
	// value) that breaks the invariant: its order is shown beside
	// the written one, and some step is in another place.
	e := x.a.orders.ex[0]
	pick := -1
	for i, o := range e.Outcomes {
		if len(o.Broken) > 0 {
			pick = i
		}
	}
	x.run(func(ctx app.Context) { x.a.onPickOutcome(0, pick)(ctx, app.Event{}) })
	h = x.html()
	moved := regexp.MustCompile(`<tr[^>]*data-moved(="true")?[ >]`).FindAllString(h, -1)
	if !strings.Contains(h, `id="order-compare"`) || len(moved) == 0 {
		t.Error("the chosen class's order is not shown beside the written one with a step marked moved")
	}
	rows2 := compareOrders(e, pick)
	if len(rows2) != len(e.File.Steps()) {
		t.Errorf("compare has %d rows for %d steps", len(rows2), len(e.File.Steps()))
	}

	x.do(cmdOrders)
	if x.a.orders.open || strings.Contains(x.a.query, "explore=1") {
		t.Error("o did not close the panel")
	}
}

// TestOrdersCancel stops an exploration after one slice: the panel says it
// was cancelled, and later slices of it do nothing.
func TestOrdersCancel(t *testing.T) {
	x := newTester(t)
	x.nav("/?scenario=orphan-race&designs=old,new,merged")
	x.do(cmdOrders)
	x.run(func(ctx app.Context) { x.a.orders.slice(time.Nanosecond) })
	gen := x.a.orders.gen
	x.run(func(ctx app.Context) { x.a.cancelOrders() })
	runs := x.a.orders.ex[0].Runs
	x.run(func(ctx app.Context) { x.a.runSlice(ctx, gen) })
	if x.a.orders.ex[0].Runs != runs {
		t.Error("a slice ran after Cancel")
	}
	x.contains(`data-state="cancelled"`, "Cancelled after")
}
