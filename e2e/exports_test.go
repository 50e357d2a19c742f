//go:build !wasm

package e2e

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"forklab/scenarios"
	"forklab/sim"
	"forklab/ui"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// allowDownloads has the browser save downloads into a new temporary
// directory, which it returns.
func allowDownloads(b *Browser) string {
	b.t.Helper()
	dir := b.t.TempDir()
	b.Do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
			Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir,
		})
		return err
	}))
	return dir
}

// waitDownload waits until the browser has saved name in dir, and returns
// its content; it fails the test at once when the page reports that the save
// failed.
func waitDownload(b *Browser, dir, name string, within time.Duration) []byte {
	b.t.Helper()
	path := filepath.Join(dir, name)
	deadline := time.Now().Add(within)
	for time.Now().Before(deadline) {
		if data, err := os.ReadFile(path); err == nil && len(data) > 0 {
			if _, err := os.Stat(path + ".crdownload"); os.IsNotExist(err) {
				return data
			}
		}
		if failed, _ := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`document.querySelector('#save-status[data-failed="true"]') !== null`)); failed {
			break // the page says why: below
		}
		time.Sleep(100 * time.Millisecond)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	status, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](`(document.getElementById("save-status") || {}).textContent || ""`))
	b.t.Fatalf("no download %s within %v (the directory has %q; the page says %q)%s", name, within, names, status, b.consoleDump())
	return nil
}

// openExports opens scenario key at step under designs and waits for it.
func openExports(t *testing.T, key string, step int, designs string) (*Browser, string) {
	b := NewBrowser(t)
	srv := NewServer(t)
	b.CheckLocalRequests(srv.URL)
	dir := allowDownloads(b)
	b.Navigate(fmt.Sprintf("%s/?scenario=%s&step=%d&designs=%s", srv.URL, key, step, designs))
	b.WaitApp()
	waitView(b, key, step)
	return b, dir
}

// TestExportSVGAndPNG saves a step as SVG and PNG: the SVG is XML that names
// every process each pane shows and carries its styles itself (no style
// sheet, no CSS variables); the PNG decodes, at twice the SVG's size, and
// shows the tree's colours (which it can only have from the inlined
// styles: an SVG drawn as an image sees no style sheet of the page).
func TestExportSVGAndPNG(t *testing.T) {
	b, dir := openExports(t, "vfork-csh", 5, "old,new")
	names := Eval[map[string][]string](b, `(() => { const out = {};
	  for (const p of document.querySelectorAll('.panes .pane')) {
	    out[p.dataset.design] = [...p.querySelectorAll('[data-role="node"][data-visible="true"] text[data-role="label"]')].map(t => t.textContent);
	  } return out; })()`)
	if len(names) != 2 {
		t.Fatalf("panes: %v", names)
	}
	// The Save menu as a person sees it, wide and narrow.
	setViewport(b, 1280, 720)
	b.Screenshot("save-menu-1280")
	setViewport(b, 420, 900)
	b.Screenshot("save-menu-narrow")
	setViewport(b, 1280, 720)

	b.Click("#save-svg")
	data := waitDownload(b, dir, "vfork-csh-step5-old-new.svg", Timeout)
	t.Logf("SVG, %d bytes: %s", len(data), artefact(t, "step.svg", data))
	dec := xml.NewDecoder(bytes.NewReader(data))
	var w, h float64
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the SVG is not XML: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok && w == 0 {
			if se.Name.Local != "svg" || se.Name.Space != "http://www.w3.org/2000/svg" {
				t.Fatalf("root element %v, want svg in the SVG namespace", se.Name)
			}
			for _, a := range se.Attr {
				switch a.Name.Local {
				case "width":
					w, _ = strconv.ParseFloat(a.Value, 64)
				case "height":
					h, _ = strconv.ParseFloat(a.Value, 64)
				}
			}
		}
	}
	svg := string(data)
	for design, labels := range names {
		pane := regexp.MustCompile(`<g (data-role="pic-pane" data-design="` + design + `"|data-design="` + design + `" data-role="pic-pane")>`)
		if !pane.MatchString(svg) {
			t.Errorf("the SVG has no pane for %s", design)
		}
		if len(labels) == 0 {
			t.Errorf("pane %s shows no process", design)
		}
		for _, l := range labels {
			if !strings.Contains(svg, ">"+l+"<") {
				t.Errorf("the SVG does not name %s of pane %s", l, design)
			}
		}
	}
	for _, bad := range []string{"var(--", "style=", "<style"} {
		if strings.Contains(svg, bad) {
			t.Errorf("the SVG still has %q: its styles are not inlined", bad)
		}
	}
	if !strings.Contains(svg, "step 5 of ") {
		t.Error("the SVG has no step line")
	}
	if !strings.Contains(svg, "orphan list (p_orphans)") {
		t.Error("the SVG has no legend")
	}

	b.Click("#save-png")
	data = waitDownload(b, dir, "vfork-csh-step5-old-new.png", Timeout)
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the PNG does not decode: %v", err)
	}
	if got := img.Bounds().Size(); got.X != 2*int(w+0.5) || got.Y != 2*int(h+0.5) {
		t.Errorf("PNG %v, want twice the SVG's %vx%v", got, w, h)
	}
	// A running process's box is --run-fill, #dcfce7; the tracer's link
	// --tracer, #c2410c.
	for _, c := range []color.RGBA{{0xdc, 0xfc, 0xe7, 0xff}, {0xc2, 0x41, 0x0c, 0xff}} {
		if n := countColour(img, c); n < 50 {
			t.Errorf("the PNG has %d pixels of %v: the tree is not drawn in its colours", n, c)
		}
	}
	path := artefact(t, "step.png", data)
	t.Logf("PNG %v, %d bytes: %s", img.Bounds().Size(), len(data), path)
}

// countColour counts the pixels of img that are c.
func countColour(img image.Image, c color.RGBA) int {
	n := 0
	r0, g0, b0, _ := c.RGBA()
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			if r>>8 == r0>>8 && g>>8 == g0>>8 && b>>8 == b0>>8 {
				n++
			}
		}
	}
	return n
}

// artefact saves data as ArtefactDir()/<test>-name and returns the path.
func artefact(t *testing.T, name string, data []byte) string {
	t.Helper()
	dir, err := ArtefactDir()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, fileName(t.Name()+"-"+name))
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestExportGIF saves the library's longest scenario (most positions) as a
// GIF and decodes it: a frame per position, all of one size, looping
// forever, each shown at least 2.5 s; the page shows a progress bar while
// the worker encodes.
func TestExportGIF(t *testing.T) {
	key, designs, last := longestScenario(t)
	b, dir := openExports(t, key, 0, designs)
	b.Click("#save-gif")
	b.Poll(`document.getElementById("save-progress") !== null || /^Saved /.test(document.getElementById("save-status").textContent)`)
	b.Screenshot("progress")
	name := strings.ReplaceAll(key, "/", "_") + "-" + strings.ReplaceAll(designs, ",", "-") + ".gif"
	data := waitDownload(b, dir, name, 3*Timeout)
	g, err := gif.DecodeAll(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the GIF does not decode: %v", err)
	}
	if len(g.Image) != last+1 {
		t.Errorf("%d frames, want %d (one per position, the start included)", len(g.Image), last+1)
	}
	if g.LoopCount != 0 {
		t.Errorf("LoopCount %d, want 0 (forever)", g.LoopCount)
	}
	for i, d := range g.Delay {
		if d < 250 || d > 1200 {
			t.Errorf("frame %d shows for %d/100 s, want 2.5 to 12 s", i, d)
		}
	}
	for i, im := range g.Image {
		if im.Bounds() != g.Image[0].Bounds() || im.Bounds().Dx() != g.Config.Width {
			t.Errorf("frame %d is %v, the screen %dx%d", i, im.Bounds(), g.Config.Width, g.Config.Height)
		}
	}
	b.Poll(`/^Saved /.test(document.getElementById("save-status").textContent) && document.getElementById("save-progress") === null`)
	path := artefact(t, name, data)
	t.Logf("GIF of %s (the longest library scenario, %d positions): %d frames, %dx%d, %d bytes: %s",
		key, last+1, len(g.Image), g.Config.Width, g.Config.Height, len(data), path)
	// The middle frame, as a PNG to look at.
	var buf bytes.Buffer
	if err := png.Encode(&buf, g.Image[len(g.Image)/2]); err != nil {
		t.Fatal(err)
	}
	t.Logf("middle frame: %s", artefact(t, "middle-frame.png", buf.Bytes()))
}

// longestScenario returns the library scenario with the most positions
// under the designs the page opens it with (ui.DefaultDesigns), those
// designs as a link writes them, and its last position.
func longestScenario(t *testing.T) (key, designs string, last int) {
	lib, err := scenarios.Library()
	if err != nil {
		t.Fatal(err)
	}
	last = -1
	for _, e := range lib {
		n := 0
		var names []string
		for _, d := range ui.DefaultDesigns(e.File) {
			n = max(n, len(scenarios.Execute(e.File, d, scenarios.Options{}).Frames)-1)
			names = append(names, d.Short())
		}
		if n > last {
			key, designs, last = strings.TrimSuffix(e.Path, ".txt"), strings.Join(names, ","), n
		}
	}
	return key, designs, last
}

// TestExportTranscript saves the transcript and compares it with the one
// scenarios.Transcript writes natively.
func TestExportTranscript(t *testing.T) {
	b, dir := openExports(t, "orphan-race", 2, "merged,current")
	b.Click("#save-md")
	got := waitDownload(b, dir, "orphan-race-merged-current.md", Timeout)
	e, ok, err := scenarios.LibraryFile("orphan-race")
	if err != nil || !ok {
		t.Fatalf("LibraryFile: %v %v", ok, err)
	}
	var runs []*scenarios.Run
	for _, name := range []string{"merged", "current"} {
		d, _ := sim.LookupDesign(name)
		runs = append(runs, scenarios.Execute(e.File, d, scenarios.Options{Snapshots: true, Invariants: true}))
	}
	want, err := scenarios.Transcript("orphan-race", runs)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("the page's transcript differs from scenarios.Transcript:\n%s", got)
	}
}

// TestHandoutPDF prints the handout to PDF: print=1 in the link, and the
// browser's own Print on the stepper. Each has a page per position; a page
// is rendered with pdftoppm to look at.
func TestHandoutPDF(t *testing.T) {
	b := NewBrowser(t)
	srv := NewServer(t)
	b.CheckLocalRequests(srv.URL)
	key := "vfork-csh"
	b.Navigate(srv.URL + "/?scenario=" + key + "&designs=old,new&print=1")
	b.WaitApp()
	b.Poll(`document.querySelector('main[data-handout="true"] .handout-step') !== null`)
	last := Eval[int](b, `Number(document.getElementById("forklab").dataset.last)`)
	if n := Eval[int](b, `document.querySelectorAll(".handout-step").length`); n != last+1 {
		t.Errorf("%d handout steps, want %d", n, last+1)
	}
	if n := Eval[int](b, `document.querySelectorAll('.handout-step svg[data-role="tree"]').length`); n != 2*(last+1) {
		t.Errorf("%d trees in the handout, want %d", n, 2*(last+1))
	}
	b.Screenshot("handout-screen")
	pdf := printPDF(b)
	if n := pdfPages(t, pdf); n != last+1 {
		t.Errorf("print=1: %d pages, want %d (one per position)", n, last+1)
	}
	path := artefact(t, "print1.pdf", pdf)
	t.Logf("handout PDF: %s", path)
	renderPage(t, path, 2)
	renderPage(t, path, last+1)

	// The stepper, printed with the browser's own Print: the handout too.
	b.Navigate(srv.URL + "/?scenario=" + key + "&designs=old,new&step=3")
	b.WaitApp()
	waitView(b, key, 3)
	pdf = printPDF(b)
	if n := pdfPages(t, pdf); n != last+1 {
		t.Errorf("Print on the stepper: %d pages, want %d", n, last+1)
	}
	b.Poll(`document.querySelector('main[data-handout="true"]') === null && document.getElementById("forklab").dataset.step === "3"`)
}

// printPDF prints the page as the browser's Print does, with the page size
// the style sheet asks for.
func printPDF(b *Browser) []byte {
	b.t.Helper()
	var out []byte
	b.Do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		yes := true
		res, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: &yes, PrintBackground: &yes})
		out = res.Data
		return err
	}))
	return out
}

var pagesLine = regexp.MustCompile(`(?m)^Pages:\s+(\d+)`)

// pdfPages counts a PDF's pages with pdfinfo.
func pdfPages(t *testing.T, pdf []byte) int {
	t.Helper()
	f := filepath.Join(t.TempDir(), "p.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdfinfo", f).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, out)
	}
	m := pagesLine.FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo gives no page count:\n%s", out)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// renderPage renders page n of the PDF at path as a PNG beside it, to look
// at.
func renderPage(t *testing.T, path string, n int) {
	t.Helper()
	prefix := strings.TrimSuffix(path, ".pdf") + "-page" + strconv.Itoa(n)
	if out, err := exec.Command("pdftoppm", "-f", strconv.Itoa(n), "-l", strconv.Itoa(n), "-r", "70", "-png", "-singlefile", path, prefix).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	t.Logf("handout page %d: %s.png", n, prefix)
}

// TestExportOffline saves an SVG, a PNG and a GIF with the server gone, the
// page and the GIF encoder served from the service worker's cache.
func TestExportOffline(t *testing.T) {
	b := NewBrowser(t)
	srv, offline := offlineServer(t)
	dir := allowDownloads(b)
	visitOnce(b, srv, "/?scenario=detach")
	goOffline(b, offline)
	b.Navigate(srv.URL + "/?scenario=detach&step=2&designs=old,new")
	b.WaitApp()
	v := waitView(b, "detach", 2)
	if !Eval[bool](b, `navigator.serviceWorker.controller !== null`) {
		t.Fatal("the page is not served by the service worker")
	}
	b.Click("#save-svg")
	waitDownload(b, dir, "detach-step2-old-new.svg", Timeout)
	b.Click("#save-png")
	if _, err := png.Decode(bytes.NewReader(waitDownload(b, dir, "detach-step2-old-new.png", Timeout))); err != nil {
		t.Errorf("the PNG made offline does not decode: %v", err)
	}
	b.Click("#save-gif")
	g, err := gif.DecodeAll(bytes.NewReader(waitDownload(b, dir, "detach-old-new.gif", 3*Timeout)))
	if err != nil {
		t.Fatalf("the GIF made offline does not decode: %v", err)
	}
	if len(g.Image) != v.Last+1 {
		t.Errorf("offline GIF: %d frames, want %d", len(g.Image), v.Last+1)
	}
}
