//go:build !wasm

package e2e

import (
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"forklab/internal/webbuild"
	"forklab/internal/webserver"

	"github.com/chromedp/chromedp"
)

// TestAppBoots loads the app from the real server, waits for the wasm front
// end to mount, and checks what a person would see: the title, a clean
// console, app.wasm fetched with brotli, nothing fetched from elsewhere. It
// then reloads under the service worker's control.
func TestAppBoots(t *testing.T) {
	b := NewBrowser(t)
	srv := NewServer(t)
	b.CheckLocalRequests(srv.URL)

	start := time.Now()
	b.Navigate(srv.URL + "/")
	b.WaitApp()
	t.Logf("navigate → mounted: %v", time.Since(start).Round(time.Millisecond))

	if got := Eval[string](b, "document.title"); got != "forklab" {
		t.Errorf("document.title = %q, want forklab", got)
	}
	if got := b.Text("body"); !strings.Contains(got, "forklab") {
		t.Errorf("the page does not show forklab:\n%s", got)
	}

	wasm := b.Response(srv.URL + "/web/app.wasm")
	if wasm == nil {
		t.Fatalf("no response for /web/app.wasm among %q", b.Requests())
	}
	h := wasm.Headers
	t.Logf("app.wasm: status %d, Content-Encoding %v, %s %v",
		wasm.Status, h["Content-Encoding"], webserver.UncompressedLengthHeader, h[webserver.UncompressedLengthHeader])
	if h["Content-Encoding"] != "br" {
		t.Errorf("app.wasm Content-Encoding %q, want br (Chromium accepts it)", h["Content-Encoding"])
	}
	if h["Content-Type"] != "application/wasm" {
		t.Errorf("app.wasm Content-Type %q, want application/wasm", h["Content-Type"])
	}
	if h[webserver.UncompressedLengthHeader] == nil {
		t.Errorf("app.wasm without %s", webserver.UncompressedLengthHeader)
	}
	b.Screenshot("boot")

	// The service worker installs (it pre-caches the icons: they must be
	// local), and a reload under its control boots as well.
	if !Run(b, chromedp.Evaluate[bool](`navigator.serviceWorker.ready.then(() => true)`, chromedp.EvalAwaitPromise)) {
		t.Fatal("service worker not ready")
	}
	start = time.Now()
	b.Navigate(srv.URL + "/")
	b.WaitApp()
	t.Logf("reload under the service worker → mounted: %v", time.Since(start).Round(time.Millisecond))
	if !Eval[bool](b, "navigator.serviceWorker.controller !== null") {
		t.Errorf("the reload is not controlled by the service worker")
	}
	if got := b.Text("body"); !strings.Contains(got, "forklab") {
		t.Errorf("after reload, the page does not show forklab:\n%s", got)
	}
}

// TestExportBoots serves a static export with a plain file server, as a
// static host would, and checks that the app boots from it.
func TestExportBoots(t *testing.T) {
	b := NewBrowser(t)
	out := t.TempDir()
	if err := webserver.Export(WebDir(t), out); err != nil {
		t.Fatal(err)
	}
	srv := Serve(t, http.FileServer(http.Dir(out)))
	b.CheckLocalRequests(srv.URL)

	b.Navigate(srv.URL + "/")
	b.WaitApp()
	if got := b.Text("body"); !strings.Contains(got, "forklab") {
		t.Errorf("the page does not show forklab:\n%s", got)
	}
	if wasm := b.Response(srv.URL + "/web/app.wasm"); wasm == nil || wasm.Status != http.StatusOK {
		t.Errorf("app.wasm was not fetched from the export: %+v", wasm)
	}
	b.Screenshot("export")
}

// TestRebuildIsServed changes the built site under a running server, as a
// rebuild does, and checks that a page controlled by the old service worker
// ends up showing the new build: the server's version changes with the
// content, the new worker installs, and ui.App reloads the page.
func TestRebuildIsServed(t *testing.T) {
	b := NewBrowser(t)
	web := filepath.Join(t.TempDir(), "web")
	src := WebDir(t)
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		return webbuild.CopyFile(path, filepath.Join(web, rel))
	})
	if err != nil {
		t.Fatal(err)
	}
	h, err := webserver.New(web)
	if err != nil {
		t.Fatal(err)
	}
	srv := Serve(t, h)
	b.CheckLocalRequests(srv.URL)

	b.Navigate(srv.URL + "/")
	b.WaitApp()
	if !Run(b, chromedp.Evaluate[bool](`navigator.serviceWorker.ready.then(() => true)`, chromedp.EvalAwaitPromise)) {
		t.Fatal("service worker not ready")
	}
	b.Navigate(srv.URL + "/")
	b.WaitApp()
	if !Eval[bool](b, "navigator.serviceWorker.controller !== null") {
		t.Fatal("the second load is not controlled by the service worker")
	}

	v1 := h.Version()
	f, err := os.OpenFile(filepath.Join(web, "style.css"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("\nhtml body { background-color: rgb(200, 0, 0) !important; }\n"); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if h.Version() == v1 {
		t.Fatalf("version %s unchanged after style.css changed", v1)
	}

	start := time.Now()
	b.Navigate(srv.URL + "/")
	b.Poll(`document.body !== null && getComputedStyle(document.body).backgroundColor === "rgb(200, 0, 0)"`) // the body is null while the page reloads itself
	b.WaitApp()
	t.Logf("rebuild shown %v after the navigation", time.Since(start).Round(time.Millisecond))
	b.Screenshot("rebuilt")
}
