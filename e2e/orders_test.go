//go:build !wasm

package e2e

// TestOrders drives the orders panel (ui/orders*.go) in headless Chromium: a
// link with explore=1 explores by itself and lists the outcome classes; a
// class opens beside the written order; a key pressed while the explorer
// runs is handled within 100 ms, measured by the page itself; and the time
// to explore orphan-race and attach-exit-status under all five designs.

import (
	"fmt"
	"slices"
	"strconv"
	"testing"

	"github.com/chromedp/chromedp/kb"
)

// outcomeRow is what a [data-role=outcome] row says.
type outcomeRow struct {
	Design string `json:"design"`
	Count  string `json:"count"`
	Broken string `json:"broken"`
}

const outcomeRowsJS = `[...document.querySelectorAll('[data-role=outcome]')].map(r =>
  ({design: r.dataset.design, count: r.dataset.count, broken: r.dataset.broken || ''}))`

func TestOrders(t *testing.T) {
	b := NewBrowser(t)
	srv := NewServer(t)
	b.CheckLocalRequests(srv.URL)
	setViewport(b, 1280, 720)
	emulateMedia(b, "reduce")

	t.Run("link", func(t *testing.T) {
		b := on(b, t)
		b.Navigate(srv.URL + "/?scenario=orphan-race&explore=1&designs=merged,current")
		b.WaitApp()
		b.Poll(`document.querySelector('#orders[data-state="done"]') !== null`)
		rows := Eval[[]outcomeRow](b, outcomeRowsJS)
		per := map[string]int{}
		brokenUnder := map[string]bool{}
		for _, r := range rows {
			if n, err := strconv.Atoi(r.Count); err != nil || n <= 0 {
				t.Errorf("row under %s has data-count %q", r.Design, r.Count)
			}
			per[r.Design]++
			if r.Broken == "exit-status-once" {
				brokenUnder[r.Design] = true
			}
		}
		if per["freebsd-9.1"] < 2 || per["freebsd-current"] < 1 || len(per) != 2 {
			t.Errorf("outcome rows per design: %v; want more than one class under freebsd-9.1", per)
		}
		if !brokenUnder["freebsd-9.1"] || brokenUnder["freebsd-current"] {
			t.Errorf("exit-status-once broken under %v; want freebsd-9.1 only", brokenUnder)
		}
		b.Screenshot("panel")
		fullScreenshot(b, "panel-full")

		// Open a class, other than the written order's, that breaks the
		// invariant under 9.1.
		i := 1 + slices.IndexFunc(rows[1:], func(r outcomeRow) bool { return r.Design == "freebsd-9.1" && r.Broken != "" })
		b.Click(fmt.Sprintf(`[data-role=outcome]:nth-child(%d) button`, i+1))
		b.Poll(`document.querySelector('#order-compare[data-design="freebsd-9.1"] tr[data-moved="true"]') !== null`)
		n := Eval[int](b, `document.querySelectorAll('#order-compare tr[data-role=order-step]').length`)
		if n == 0 {
			t.Error("the order shown has no steps")
		}
		Eval[bool](b, `(document.getElementById('order-compare').scrollIntoView(), true)`)
		b.Screenshot("compare")

		setViewport(b, 420, 800)
		Eval[bool](b, `(document.getElementById('outcomes').scrollIntoView(), true)`)
		b.Screenshot("narrow")
		setViewport(b, 1280, 720)
	})

	t.Run("responsive", func(t *testing.T) {
		b := on(b, t)
		// linux-syscall-stops has tens of thousands of orders: the explorer
		// is still running when the keys come.
		b.Navigate(srv.URL + "/?scenario=linux-syscall-stops&designs=linux")
		b.WaitApp()
		waitView(b, "linux-syscall-stops", 0)
		Eval[bool](b, `(() => {
		  window.__keys = []; window.__long = [];
		  new PerformanceObserver(l => { for (const e of l.getEntries()) window.__long.push(Math.round(e.duration)); }).observe({type: 'longtask'});
		  addEventListener('keydown', e => { if (e.key === 'ArrowRight') window.__keys.push({at: e.timeStamp,
		    running: document.querySelector('#orders[data-state="running"]') !== null}); }, true);
		  new MutationObserver(() => { const k = window.__keys[window.__keys.length - 1];
		    if (k && k.done === undefined && document.getElementById('forklab').dataset.step !== k.from) k.done = performance.now(); })
		    .observe(document.getElementById('forklab'), {attributes: true, attributeFilter: ['data-step']});
		  return true; })()`)
		b.PressKey("o")
		b.Poll(`document.querySelector('#orders[data-state="running"]') !== null`)
		for i := 0; i < 5; i++ {
			from := Eval[string](b, `document.getElementById('forklab').dataset.step`)
			Eval[bool](b, `(window.__next = `+jsString(from)+`, true)`)
			b.PressKey(kb.ArrowRight)
			b.Poll(`(() => { const k = window.__keys[window.__keys.length - 1]; if (k && k.from === undefined) k.from = window.__next; return k && k.done !== undefined; })()`)
		}
		type press struct {
			At, Done float64
			Running  bool
		}
		presses := Eval[[]press](b, `window.__keys`)
		t.Logf("long tasks while exploring (ms): %v", Eval[[]int](b, `window.__long`))
		var lats []float64
		for i, p := range presses {
			lat := p.Done - p.At
			lats = append(lats, lat)
			t.Logf("MEASURE key %d during exploration: handled in %.1f ms", i+1, lat)
			if !p.Running {
				t.Errorf("key %d came after the exploration had stopped: not a test of responsiveness", i+1)
			}
		}
		// The median, not every press: on this shared two-core machine a
		// press now and then waits behind a long task (logged above).
		slices.Sort(lats)
		if med := lats[len(lats)/2]; med > 100 {
			t.Errorf("keys took a median %.1f ms to handle while exploring, want under 100 ms", med)
		}
		t.Logf("longest slice so far: %s ms", Eval[string](b, `document.getElementById('orders-msg').dataset.longestSlice`))
		b.Click("#orders-cancel")
		b.Poll(`document.querySelector('#orders[data-state="cancelled"]') !== null`)
		b.Screenshot("cancelled")
	})

	t.Run("timing", func(t *testing.T) {
		b := on(b, t)
		for _, key := range []string{"orphan-race", "attach-exit-status"} {
			var runs []float64
			for range 5 {
				total := 0.0
				// A page shows at most three designs: the five in two goes.
				for _, ds := range []string{"old,new,merged", "current,linux"} {
					total += exploreTime(b, srv.URL+"/?scenario="+key+"&designs="+ds, key)
				}
				runs = append(runs, total)
			}
			slices.Sort(runs)
			t.Logf("MEASURE explore %s under all five designs in the browser: median %.0f ms (runs %v)", key, runs[2], runs)
			if runs[2] > 1000 {
				t.Logf("%s: over the 1 s aim", key)
			}
		}
	})
}

// exploreTime opens link, presses o and returns the milliseconds from the
// key press to the panel's "done", as the page measures them.
func exploreTime(b *Browser, link, key string) float64 {
	b.t.Helper()
	b.Navigate(link)
	b.WaitApp()
	waitView(b, key, 0)
	Eval[bool](b, `(() => { window.__t = {};
	  addEventListener('keydown', e => { if (e.key === 'o') window.__t.start = e.timeStamp; }, true);
	  new MutationObserver(() => { if (document.querySelector('#orders[data-state="done"]') && !window.__t.end) window.__t.end = performance.now(); })
	    .observe(document.body, {attributes: true, subtree: true, childList: true});
	  return true; })()`)
	b.PressKey("o")
	b.Poll(`window.__t.end !== undefined`)
	ms := Eval[float64](b, `window.__t.end - window.__t.start`)
	return ms
}
