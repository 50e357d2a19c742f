//go:build !wasm

package e2e

// At 200% zoom on a 1280x720 screen (640x360 CSS pixels), the page can still
// be read and the panes compared: nothing runs off its right edge, and the
// difference callout stands before the panes it compares.

import (
	"context"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// zoomedLayout is what the page's layout is at 200%, read from the DOM.
type zoomedLayout struct {
	ScrollWidth int       `json:"scrollWidth"`
	Panes       []rectDOM `json:"panes"`
	Trees       []rectDOM `json:"trees"`
	Callout     rectDOM   `json:"callout"`
	Viewport    string    `json:"viewport"`
}

type rectDOM struct {
	Left   float64 `json:"left"`
	Right  float64 `json:"right"`
	Top    float64 `json:"top"`
	Bottom float64 `json:"bottom"`
}

const zoomedLayoutJS = `(() => {
  const r = e => { const b = e.getBoundingClientRect(); return {left: b.left + scrollX, right: b.right + scrollX, top: b.top + scrollY, bottom: b.bottom + scrollY}; };
  return {
    scrollWidth: document.documentElement.scrollWidth,
    panes: [...document.querySelectorAll('article.pane')].map(r),
    trees: [...document.querySelectorAll('article.pane svg[data-role=tree]')].map(r),
    callout: r(document.querySelector('[data-role=diffs]')),
    viewport: document.querySelector('meta[name=viewport]').content,
  };
})()`

func TestZoom200(t *testing.T) {
	b := NewBrowser(t)
	srv := NewServer(t)
	b.Do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
			Width: 640, Height: 360, DeviceScaleFactor: 2,
		})
		return err
	}))
	b.Navigate(srv.URL + "/?scenario=orphan-race&step=6&designs=merged,current")
	b.WaitApp()
	v := waitView(b, "orphan-race", 6)
	if v.Diffs == 0 {
		t.Fatalf("orphan-race step 6 shows no difference to compare")
	}
	b.Poll(drawnJS)
	l := Eval[zoomedLayout](b, zoomedLayoutJS)
	b.Screenshot("viewport")
	fullScreenshot(b, "page")
	if l.Viewport != "width=device-width, initial-scale=1" {
		t.Errorf("viewport meta %q", l.Viewport)
	}
	if l.ScrollWidth > 640 {
		t.Errorf("the page is %d px wide at 640 px: it scrolls sideways", l.ScrollWidth)
	}
	if len(l.Panes) != 2 || len(l.Trees) != 2 {
		t.Fatalf("%d panes, %d trees, want 2 each", len(l.Panes), len(l.Trees))
	}
	for i, p := range append(l.Panes, l.Trees...) {
		if p.Left < 0 || p.Right > 640 {
			t.Errorf("box %d spans x %.0f..%.0f, outside 0..640", i, p.Left, p.Right)
		}
	}
	if l.Callout.Bottom > l.Panes[0].Top && l.Callout.Bottom > l.Panes[1].Top {
		t.Errorf("the difference callout (y %.0f..%.0f) comes after both panes (tops %.0f, %.0f)",
			l.Callout.Top, l.Callout.Bottom, l.Panes[0].Top, l.Panes[1].Top)
	}
	t.Logf("200%%: page %d px wide; panes at y %.0f and %.0f, callout y %.0f..%.0f",
		l.ScrollWidth, l.Panes[0].Top, l.Panes[1].Top, l.Callout.Top, l.Callout.Bottom)
}
