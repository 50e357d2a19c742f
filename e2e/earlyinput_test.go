//go:build !wasm

package e2e

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"

	"forklab/internal/webserver"

	"github.com/chromedp/chromedp/kb"
)

// openLoading opens link (a path and query) at 1280×720 in a new browser,
// with app.wasm held back until release is called (or the test ends), and
// waits until the server's pre-render has been read, with go-app's loading note:
// the page a slow link shows for seconds.
func openLoading(t *testing.T, link string) (b *Browser, release func()) {
	t.Helper()
	h, err := webserver.New(WebDir(t))
	must(t, err)
	held := make(chan struct{})
	var once sync.Once
	release = func() { once.Do(func() { close(held) }) }
	srv := Serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/web/app.wasm" {
			<-held
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(release) // before the server closes, which waits for its handlers
	b = NewBrowser(t)
	setViewport(b, 1280, 720)
	b.Navigate(srv.URL + link)
	b.Poll(`document.readyState !== 'loading' && document.getElementById('app-wasm-loader') !== null && document.querySelector('#forklab[data-runtime=server]') !== null`)
	return b, release
}

// TestEarlyInput checks that what a reader does on the pre-rendered page
// before the program runs is done once it runs (static/earlyinput.js): a
// lecturer's clicker presses and arrow keys, which must not scroll the page
// meanwhile, a click on a button with an id and on one without (a trace
// log's step), and a choice of scenario; that the loading note says
// that presses wait; and that none is lost (the script logs an error).
func TestEarlyInput(t *testing.T) {
	b, release := openLoading(t, "/?scenario=fork-follow-continue")
	b.PressKey(kb.ArrowRight)
	b.PressKey(kb.PageDown) // a clicker's next
	b.PressKey(kb.PageDown)
	b.Click("#forward")
	b.PressKey(kb.PageDown) // the button has the focus
	if y := Eval[float64](b, `window.scrollY`); y != 0 {
		t.Errorf("the keys pressed while loading scrolled the page to %v px, want 0", y)
	}
	if got, want := Eval[string](b, `document.getElementById('app-wasm-loader').innerText.replace(/\s+/g, ' ')`), "loading forklab… 5 presses wait"; got != want {
		t.Errorf("after 5 presses the loading note says %q, want %q", got, want)
	}
	b.Screenshot("waiting")
	// A reader scrolls down while it loads: the program's first render,
	// shorter, does not move the page.
	const scrolled = 400
	Eval[bool](b, fmt.Sprintf(`(() => { window.scrollTo(0, %d); window.__ys = [];
	  addEventListener('scroll', () => window.__ys.push(scrollY)); return true; })()`, scrolled))
	release()
	b.WaitApp()
	v := waitView(b, "fork-follow-continue", 5)
	if ys := Eval[[]float64](b, `window.__ys`); slices.ContainsFunc(ys, func(y float64) bool { return y != scrolled }) {
		t.Errorf("the page, scrolled to %d px while loading, moved when the program took over: %v", scrolled, ys)
	}
	if v.Live == "" {
		t.Error("the replayed steps left the live region empty")
	}
	b.PressKey(kb.ArrowLeft) // the program has the keyboard now
	waitView(b, "fork-follow-continue", 4)

	t.Run("trace step", func(t *testing.T) {
		b, release := openLoading(t, "/?scenario=fork-follow-continue")
		// A trace log's step is a button with no id: the replay finds it
		// by its name and its place among those of that name.
		frame := Eval[int](b, `(() => { const li = document.querySelectorAll('#trace-1 li[data-frame]')[3];
		  li.querySelector('button.tstep').click(); return +li.dataset.frame; })()`)
		if frame == 0 {
			t.Fatal("the fourth step of the second pane's trace log is at frame 0")
		}
		b.Poll(`document.getElementById('app-wasm-loader').textContent.endsWith('1 press waits')`)
		release()
		b.WaitApp()
		waitView(b, "fork-follow-continue", frame)
	})
	t.Run("start page", func(t *testing.T) {
		// No scenario, so no view to complete: the presses are done once
		// the program has mounted.
		b, release := openLoading(t, "/")
		b.PressKey("?")
		release()
		b.WaitApp()
		b.Poll(`document.querySelector('[data-overlay=help]') !== null`)
	})
	t.Run("scenario choice", func(t *testing.T) {
		b, release := openLoading(t, "/?scenario=fork-follow-continue")
		selectScenario(b, "exec-continue")
		b.PressKey(kb.ArrowRight)
		b.PressKey(kb.ArrowRight)
		release()
		b.WaitApp()
		waitView(b, "exec-continue", 2)
	})
}

// TestEarlyInputWhileParsing: a key pressed while the page is still
// arriving, its title line drawn and its panes not yet, is kept too (the
// script is read with the head), and so is one pressed once it is whole.
func TestEarlyInputWhileParsing(t *testing.T) {
	h, err := webserver.New(WebDir(t))
	must(t, err)
	rest, wasm := make(chan struct{}), make(chan struct{})
	var once1, once2 sync.Once
	sendRest := func() { once1.Do(func() { close(rest) }) }
	sendWasm := func() { once2.Do(func() { close(wasm) }) }
	srv := Serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/web/app.wasm":
			<-wasm
		case "/":
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, r)
			page := rec.Body.Bytes()
			for k, v := range rec.Header() {
				if k != "Content-Length" {
					w.Header()[k] = v
				}
			}
			w.WriteHeader(rec.Code)
			cut := bytes.Index(page, []byte(`id="scenario-title"`)) + 3000
			w.Write(page[:cut])
			w.(http.Flusher).Flush()
			<-rest
			w.Write(page[cut:])
			return
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(sendWasm) // before the server closes, which waits for its handlers
	t.Cleanup(sendRest)
	b := NewBrowser(t)
	navigated := make(chan struct{})
	go func() { b.Navigate(srv.URL + "/?scenario=fork-follow-continue"); close(navigated) }()
	b.Poll(`document.getElementById('scenario-title') !== null && document.getElementById('trace-1') === null`)
	b.PressKey(kb.ArrowRight)
	sendRest()
	<-navigated
	b.PressKey(kb.ArrowRight)
	sendWasm()
	b.WaitApp()
	waitView(b, "fork-follow-continue", 2)
}
