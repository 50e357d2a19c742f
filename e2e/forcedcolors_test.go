//go:build !wasm

package e2e

// In forced-colours mode (Windows High Contrast and the like) the browser
// paints backgrounds in the user's Canvas colour and drops box-shadows: the
// scrubber's track and its difference marks, drawn as backgrounds, and the
// ring of a PT_LWPINFO flag that changed, a box-shadow, must stay visible.

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"math"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// scrubberBoxes is where the scrubber, its thumb's step and its marks are.
type scrubberBoxes struct {
	Forced  bool      `json:"forced"`
	Track   rectDOM   `json:"track"`
	Scrub   rectDOM   `json:"scrub"`
	Marks   []rectDOM `json:"marks"`
	Current []bool    `json:"current"`
}

const scrubberBoxesJS = `(() => {
  const r = e => { const b = e.getBoundingClientRect(); return {left: b.left, right: b.right, top: b.top, bottom: b.bottom}; };
  const marks = [...document.querySelectorAll('[data-role=marks] .mark')];
  return {
    forced: matchMedia('(forced-colors: active)').matches,
    track: r(document.getElementById('scrubber')), scrub: r(document.querySelector('.scrub')),
    marks: marks.map(r), current: marks.map(m => m.dataset.current === 'true'),
  };
})()`

// differs reports whether two colours are told apart at a glance.
func differs(a, b [3]float64) bool {
	return math.Abs(a[0]-b[0])+math.Abs(a[1]-b[1])+math.Abs(a[2]-b[2]) > 96
}

func rgb(img image.Image, x, y float64) [3]float64 {
	r, g, b, _ := img.At(int(x), int(y)).RGBA()
	return [3]float64{float64(r >> 8), float64(g >> 8), float64(b >> 8)}
}

func TestForcedColors(t *testing.T) {
	b := NewBrowser(t)
	srv := NewServer(t)
	setViewport(b, 1280, 720)
	b.Do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "forced-colors", Value: "active"}},
		})
		return err
	}))
	// Step 0: the thumb is at the track's left end, out of the way.
	b.Navigate(srv.URL + "/?scenario=orphan-race&step=0&designs=merged,current")
	b.WaitApp()
	v := waitView(b, "orphan-race", 0)
	if len(v.Marks) == 0 {
		t.Fatal("orphan-race shows no difference mark")
	}
	box := Eval[scrubberBoxes](b, scrubberBoxesJS)
	if !box.Forced {
		t.Fatal("forced-colors: active is not in effect")
	}
	b.Screenshot("scrubber")
	data := Run(b, chromedp.CaptureScreenshot())
	img, err := png.Decode(bytes.NewReader(data))
	must(t, err)

	// The Canvas colour, just above the track; then the track's middle row,
	// past the thumb, must be drawn in another colour along nearly all its
	// length.
	canvas := rgb(img, box.Scrub.Left+30, box.Track.Top+1)
	y := (box.Track.Top + box.Track.Bottom) / 2
	inked, all := 0, 0
	for x := box.Track.Left + 30; x < box.Track.Right-12; x++ {
		all++
		if differs(rgb(img, x, y), canvas) {
			inked++
		}
	}
	if inked < all*9/10 {
		t.Errorf("forced colours: the slider track shows on %d of %d pixels of its row (canvas %v)", inked, all, canvas)
	}
	// Each mark's centre differs from the canvas.
	for i, m := range box.Marks {
		c := rgb(img, (m.Left+m.Right)/2, (m.Top+m.Bottom)/2)
		if !differs(c, canvas) {
			t.Errorf("forced colours: difference mark %d (current %v) is %v on a canvas of %v", i, box.Current[i], c, canvas)
		}
	}
	t.Logf("forced colours: track %d/%d pixels inked, %d marks, canvas %v", inked, all, len(box.Marks), canvas)

	// A PT_LWPINFO flag that changed at a step keeps a ring: an outline,
	// since forced colours drop box-shadows.
	for step := 1; step <= v.Last; step++ {
		b.PressKey(kb.ArrowRight)
		waitView(b, "orphan-race", step)
		ring := Eval[string](b, `(() => { const c = document.querySelector('.chip[data-changed="true"]');
		  return c === null ? '' : getComputedStyle(c).outlineStyle + ' ' + getComputedStyle(c).outlineWidth; })()`)
		if ring == "" {
			continue
		}
		if ring != "solid 2px" {
			t.Errorf("forced colours: a changed flag at step %d has outline %q, want solid 2px", step, ring)
		}
		b.Screenshot("changed-flag")
		return
	}
	t.Errorf("orphan-race shows no changed PT_LWPINFO flag at any step")
}
