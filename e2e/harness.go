//go:build !wasm

// Package e2e drives forklab's web app in headless Chromium with chromedp
// v0.23 (generic API: go-app-notes.md, "chromedp v0.23 API notes").
//
// A test starts a browser, a server, and looks:
//
//	func TestSomething(t *testing.T) {
//		b := e2e.NewBrowser(t)    // skips when Chromium is missing, unless REQUIRE_BROWSER=1
//		srv := e2e.NewServer(t)   // the real handler on an app.wasm built once per test binary
//		b.Navigate(srv.URL + "/?scenario=vfork")
//		b.WaitApp()               // the wasm front end has mounted
//		b.Poll(`document.querySelector("h1").textContent === "forklab"`)
//		b.PressKey(kb.ArrowRight)
//		b.Screenshot("after-step")
//	}
//
// Every Browser records the page's console and network traffic. When the
// test ends it fails on any console error or uncaught exception (see
// AllowConsole) and on any request that left the test's own server (see
// CheckLocalRequests, which NewServer arranges).
//
// A test binary that uses WebDir or NewServer must call Cleanup after its
// tests (TestMain), and ui.Register before them.
package e2e

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"forklab/internal/webbuild"
	"forklab/internal/webserver"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// Timeout bounds each browser action, including each wait.
const Timeout = 30 * time.Second

// ChromePath returns the browser to run: $CHROME_PATH, else the first of
// chromium, chromium-browser and google-chrome on PATH.
//
// Debian's /usr/bin/chromium is a shell wrapper that prints a harmless
// "[: …: unexpected operator"; CHROME_PATH=/usr/lib/chromium/chromium
// bypasses it.
func ChromePath() (string, error) {
	if p := os.Getenv("CHROME_PATH"); p != "" {
		return exec.LookPath(p)
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errors.New("no chromium, chromium-browser or google-chrome on PATH and no CHROME_PATH")
}

// RequireBrowser reports whether REQUIRE_BROWSER=1, under which a missing
// browser fails the tests instead of skipping them.
func RequireBrowser() bool { return os.Getenv("REQUIRE_BROWSER") == "1" }

// Browser is one headless Chromium with a fresh profile and one tab.
type Browser struct {
	t   testing.TB
	ctx context.Context // the tab; the browser has started

	mu        sync.Mutex
	console   []chromedp.ConsoleMessage
	requests  []string                     // URLs, in order
	responses map[string]*network.Response // by URL, the last one
	allowed   []string                     // console errors containing one of these are not failures
	origins   []string                     // if set, every request must go to one of these
	leaves    int                          // beforeunload prompts answered (LeavePrompts)

	close func() // checks, then stops the browser; idempotent
}

// browsers maps each test to its Browser, so that a server that the test
// started after the browser closes after it too (cleanups run in reverse).
var browsers sync.Map // testing.TB → *Browser

// NewBrowser starts Chromium for the test and stops it when the test ends.
// Without a browser the test is skipped, or fails under REQUIRE_BROWSER=1.
func NewBrowser(t testing.TB) *Browser {
	t.Helper()
	return NewBrowserFlags(t, nil)
}

// NewBrowserFlags is NewBrowser with extra command-line flags for Chromium,
// such as a startup trace.
func NewBrowserFlags(t testing.TB, flags map[string]any) *Browser {
	t.Helper()
	path, err := ChromePath()
	if err != nil {
		if RequireBrowser() {
			t.Fatalf("REQUIRE_BROWSER=1: %v (install it: apt-get install chromium)", err)
		}
		t.Skipf("skipping the browser test: %v (REQUIRE_BROWSER=1 makes this a failure)", err)
	}
	profile := t.TempDir() // removed after the browser has stopped (cleanups run last-in first-out)

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox, // tests run as root, where the sandbox cannot start
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1280, 800),
	)
	for k, v := range flags {
		opts = append(opts, chromedp.Flag(k, v))
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(allocCtx)
	b := &Browser{t: t, ctx: ctx, responses: map[string]*network.Response{}}

	var wg sync.WaitGroup
	b.close = sync.OnceFunc(func() {
		b.check()
		cancelTab()
		cancelAlloc() // waits for the browser process to exit
		wg.Wait()
		browsers.Delete(t)
	})
	browsers.Store(t, b)
	t.Cleanup(b.close)

	// The first action starts the browser: no timeout on it, or the timeout
	// would stop the browser too.
	start := time.Now()
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", path, err)
	}
	t.Logf("browser %s started in %v", path, time.Since(start).Round(time.Millisecond))

	// Subscribe before the first navigation, so nothing is missed.
	console := chromedp.Console(ctx)
	requests := chromedp.Events(ctx, network.RequestWillBeSent)
	responses := chromedp.Events(ctx, network.ResponseReceived)
	dialogs := chromedp.Events(ctx, page.JavascriptDialogOpening)
	// The page asks before it is left with unrun edits in the editor
	// (ui/drafts.go): answer "leave", as a person would to go on, and count.
	wg.Go(func() {
		for ev, err := range dialogs {
			if err != nil {
				return
			}
			if ev.Type == page.DialogTypeBeforeunload {
				b.mu.Lock()
				b.leaves++
				b.mu.Unlock()
			}
			chromedp.Run(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
				_, err := cdp.Call(ctx, t, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
				return err
			}))
		}
	})
	wg.Go(func() {
		for m, err := range console {
			if err != nil {
				return
			}
			b.mu.Lock()
			b.console = append(b.console, m)
			b.mu.Unlock()
		}
	})
	wg.Go(func() {
		for ev, err := range requests {
			if err != nil {
				return
			}
			b.mu.Lock()
			b.requests = append(b.requests, ev.Request.URL)
			b.mu.Unlock()
		}
	})
	wg.Go(func() {
		for ev, err := range responses {
			if err != nil {
				return
			}
			b.mu.Lock()
			b.responses[ev.Response.URL] = ev.Response
			b.mu.Unlock()
		}
	})
	b.Do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, network.Enable, network.EnableParams{})
		return err
	}))
	return b
}

// LeavePrompts returns how many times the page asked before it was left
// (beforeunload); the harness answers each with "leave".
func (b *Browser) LeavePrompts() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.leaves
}

// Close checks the browser as the end of the test would, and stops it.
func (b *Browser) Close() { b.close() }

// Context returns the tab's context, for chromedp calls that the helpers do
// not cover. Bound them with context.WithTimeout.
func (b *Browser) Context() context.Context { return b.ctx }

// Do runs the actions within Timeout and fails the test on an error.
func (b *Browser) Do(actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, Timeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		b.t.Fatalf("browser: %v%s", err, b.consoleDump())
	}
}

// Run runs one action within Timeout and returns its value; it fails the
// test on an error.
func Run[T any](b *Browser, a chromedp.Action[T]) T {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, Timeout)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		b.t.Fatalf("browser: %v%s", err, b.consoleDump())
	}
	return v
}

// Eval evaluates a JavaScript expression and returns its value as T.
func Eval[T any](b *Browser, js string) T {
	b.t.Helper()
	return Run(b, chromedp.Evaluate[T](js))
}

// Navigate loads url and waits for its load event.
func (b *Browser) Navigate(url string) {
	b.t.Helper()
	b.Do(chromedp.Navigate(url))
}

// Poll waits until the JavaScript expression is truthy, for up to Timeout.
// It keeps polling across a navigation of the page, such as a reload that
// the app makes itself.
func (b *Browser) Poll(js string) {
	b.t.Helper()
	if err := b.poll(js); err != nil {
		b.t.Fatalf("waiting for %s: %v%s", js, err, b.consoleDump())
	}
}

func (b *Browser) poll(js string) error {
	deadline := time.Now().Add(Timeout)
	for {
		remaining := time.Until(deadline)
		if remaining <= 0 {
			return context.DeadlineExceeded
		}
		ctx, cancel := context.WithTimeout(b.ctx, remaining+5*time.Second)
		_, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](js, chromedp.WithPollingTimeout(remaining)))
		cancel()
		if err == nil || !navigated(err) {
			return err
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// navigated reports whether err says that the page went away under an
// evaluation: the page navigated or reloaded.
func navigated(err error) bool {
	s := err.Error()
	return strings.Contains(s, "navigated or closed") ||
		strings.Contains(s, "Execution context was destroyed") ||
		strings.Contains(s, "Cannot find context")
}

// MountedJS is true once the wasm front end has mounted:
//   - go-app's loader is gone;
//   - app.RunWhenOnBrowser has installed go-app's Go functions (window.goappNav
//     is then a function of Go's wasm_exec.js, which calls go._resume());
//   - no element is marked data-runtime="server": ui's root component marks
//     itself "server" in the pre-render and "wasm" in the browser, so the page
//     is no longer the pre-render, which looks the same.
const MountedJS = `document.getElementById("app-wasm-loader") === null && ` +
	`String(window.goappNav).includes("_resume") && ` +
	`document.querySelector('[data-runtime="server"]') === null`

// WaitApp waits until the wasm front end has mounted (MountedJS).
func (b *Browser) WaitApp() {
	b.t.Helper()
	if err := b.poll(MountedJS); err != nil {
		label, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](
			`(document.getElementById("app-wasm-loader-label") || {}).innerText || ""`))
		b.t.Fatalf("the wasm app did not mount: %v (loader says %q)%s", err, label, b.consoleDump())
	}
}

// Text returns the text content of the first element that matches the CSS
// selector, or fails the test when there is none.
func (b *Browser) Text(selector string) string {
	b.t.Helper()
	js := fmt.Sprintf(`(() => { const e = document.querySelector(%q); return e === null ? null : e.textContent; })()`, selector)
	v := Eval[*string](b, js)
	if v == nil {
		b.t.Fatalf("no element matches %s", selector)
	}
	return *v
}

// Click clicks the first element that matches the CSS selector.
func (b *Browser) Click(selector string) {
	b.t.Helper()
	b.Do(chromedp.Click(chromedp.CSS(selector)))
}

// PressKey sends key events to the page: characters, or keys of package
// github.com/chromedp/chromedp/kb such as kb.ArrowRight.
func (b *Browser) PressKey(keys string) {
	b.t.Helper()
	b.Do(chromedp.KeyEvent(keys))
}

// Screenshot saves a PNG of the viewport as ArtefactDir()/<test>-<name>.png
// and returns its path.
func (b *Browser) Screenshot(name string) string {
	b.t.Helper()
	png := Run(b, chromedp.CaptureScreenshot())
	dir, err := ArtefactDir()
	if err != nil {
		b.t.Fatal(err)
	}
	path := filepath.Join(dir, fileName(b.t.Name()+"-"+name)+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		b.t.Fatal(err)
	}
	b.t.Logf("screenshot: %s", path)
	return path
}

var unsafeChars = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

func fileName(s string) string { return unsafeChars.ReplaceAllString(s, "_") }

// ArtefactDir is where screenshots go: $FORKLAB_ARTEFACTS, else
// e2e/testdata/out (git-ignored). It is created if needed.
func ArtefactDir() (string, error) {
	dir := os.Getenv("FORKLAB_ARTEFACTS")
	if dir == "" {
		root, err := webbuild.ModuleRoot(".")
		if err != nil {
			return "", err
		}
		dir = filepath.Join(root, "e2e", "testdata", "out")
	}
	return dir, os.MkdirAll(dir, 0o755)
}

// Console returns the console messages so far.
func (b *Browser) Console() []chromedp.ConsoleMessage {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]chromedp.ConsoleMessage(nil), b.console...)
}

// AllowConsole makes console errors that contain substr, in their text or
// their URL, no failure.
func (b *Browser) AllowConsole(substr string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.allowed = append(b.allowed, substr)
}

// Requests returns the URLs that the page requested so far, in order.
func (b *Browser) Requests() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.requests...)
}

// Response returns the last response received for url, or nil.
func (b *Browser) Response(url string) *network.Response {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.responses[url]
}

// CheckLocalRequests makes the end-of-test check fail on any request to
// another origin than these (data: and blob: URLs are allowed).
func (b *Browser) CheckLocalRequests(origins ...string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.origins = append(b.origins, origins...)
}

// check runs when the test ends: console errors, uncaught exceptions, failed
// responses and requests to other hosts fail it.
func (b *Browser) check() {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, m := range b.console {
		if m.Type != chromedp.ConsoleError && m.Type != chromedp.ConsoleException {
			continue
		}
		allowed := false
		for _, s := range b.allowed {
			allowed = allowed || strings.Contains(m.Text+" "+m.URL, s)
		}
		if !allowed {
			b.t.Errorf("browser console %s: %s (%s:%d)", m.Type, m.Text, m.URL, m.Line)
		}
	}
	for url, r := range b.responses {
		if r.Status >= 400 {
			b.t.Errorf("browser: %s answered %d %s", url, r.Status, r.StatusText)
		}
	}
	if len(b.origins) == 0 {
		return
	}
	for _, u := range b.requests {
		if strings.HasPrefix(u, "data:") || strings.HasPrefix(u, "blob:") {
			continue
		}
		local := false
		for _, o := range b.origins {
			local = local || u == o || strings.HasPrefix(u, o+"/")
		}
		if !local {
			b.t.Errorf("browser: request to another origin: %s", u)
		}
	}
}

func (b *Browser) consoleDump() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.console) == 0 {
		return ""
	}
	var s strings.Builder
	s.WriteString("\nbrowser console:")
	for _, m := range b.console {
		fmt.Fprintf(&s, "\n  %s", m)
	}
	return s.String()
}

// site is the web directory that WebDir builds once per test binary.
var site struct {
	once sync.Once
	dir  string
	res  webbuild.Result
	err  error
}

// WebDir builds the front end (webbuild.Build: app.wasm, .gz, .br, copies of
// static/) into a temporary directory, once per test binary, and returns
// that directory. Cleanup removes it.
func WebDir(t testing.TB) string {
	t.Helper()
	site.once.Do(func() {
		root, err := webbuild.ModuleRoot(".")
		if err != nil {
			site.err = err
			return
		}
		tmp, err := os.MkdirTemp("", "forklab-e2e-")
		if err != nil {
			site.err = err
			return
		}
		site.dir = filepath.Join(tmp, "web")
		site.res, site.err = webbuild.Build(context.Background(), webbuild.Options{Root: root, WebDir: site.dir})
		if site.err == nil {
			t.Logf("built the front end: %v", site.res)
		}
	})
	if site.err != nil {
		t.Fatalf("building the front end: %v", site.err)
	}
	return site.dir
}

// Cleanup removes what WebDir built. Call it from TestMain after m.Run.
func Cleanup() {
	if site.dir != "" {
		os.RemoveAll(filepath.Dir(site.dir))
	}
}

// NewServer starts an httptest server with the real handler
// (webserver.New) on WebDir, and stops it when the test ends.
func NewServer(t testing.TB) *httptest.Server {
	t.Helper()
	h, err := webserver.New(WebDir(t))
	if err != nil {
		t.Fatal(err)
	}
	return Serve(t, h)
}

// Serve starts an httptest server with h, and stops it when the test ends,
// after the test's Browser, if any, has been checked and stopped.
func Serve(t testing.TB, h http.Handler) *httptest.Server {
	srv := httptest.NewServer(h)
	t.Cleanup(func() {
		if b, ok := browsers.Load(t); ok {
			b.(*Browser).close()
		}
		srv.Close()
	})
	return srv
}
